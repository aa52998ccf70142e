import { expect, test, type Page } from './fixtures.ts';
import * as Y from 'yjs';
import { createBoard, readCharterSection } from '../../src/lib/board/index.ts';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { HIDDEN, KEPT, hostileBoardState } from '../helpers/hostile-board.ts';
import {
	OVERLAY_STYLE,
	OVERLAY_TEXT,
	appendParagraph,
	appendStyledParagraph
} from '../helpers/hostile-rich-text.ts';
import { connectClient } from '../helpers/clients.ts';
import { storeBoard } from '../helpers/large-stored-board.ts';
import { newPerson, openSection } from './helpers.ts';

/** The data directory of the server Playwright started (see playwright.config.ts). */
function dataDir(): string {
	const dir = process.env.CHARTER_E2E_DATA_DIR;
	if (!dir) throw new Error('CHARTER_E2E_DATA_DIR is not set (run through playwright.config.ts)');
	return dir;
}

/** Stores a board made in this process and returns its keys, as if a peer had written it. */
async function storedBoard(state: Uint8Array): Promise<BoardKeys> {
	const keys = await generateBoardKeys();
	await storeBoard(dataDir(), keys.boardId, state);
	return keys;
}

function styledBoardState(): Uint8Array {
	const doc = createBoard('kickoff', { title: 'Styled board' });
	const background = readCharterSection(doc, 'background')!;
	doc.transact(() => {
		appendParagraph(background, 'An honest first paragraph.');
		appendStyledParagraph(background, OVERLAY_TEXT, OVERLAY_STYLE);
	});
	return Y.encodeStateAsUpdate(doc);
}

/** Opens a board's view link in a fresh browser and waits until it is synced. */
async function openAsViewer(page: Page, keys: BoardKeys): Promise<void> {
	await page.goto(`/b/${keys.boardId}#view=${keys.viewKey}`);
	await expect(page.getByRole('status').filter({ hasText: 'Synced' })).toBeVisible();
}

test.describe('hostile content', () => {
	test('a peer’s styles never reach a viewer’s page: no overlay, no request to the outside URL', async ({
		browser
	}) => {
		const keys = await storedBoard(styledBoardState());
		const page = await newPerson(browser, 'Grace');
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		await openAsViewer(page, keys);
		await openSection(page, 'Charter');

		const lure = page.getByText(OVERLAY_TEXT);
		await expect(lure).toBeVisible();
		expect(await lure.evaluate((element) => getComputedStyle(element).position)).not.toBe('fixed');
		const styled = await page.evaluate(() =>
			[...document.querySelectorAll('[contenteditable] [style]')].map((element) =>
				element.getAttribute('style')
			)
		);
		expect(styled.filter((style) => style !== '')).toEqual([]);
		// An overlay would take this click (Playwright checks what receives it).
		await openSection(page, 'Risks');

		await page.goto(`/b/${keys.boardId}/print`);
		await expect(page.getByText(OVERLAY_TEXT)).toBeVisible();
		const backgrounds = await page.evaluate(() =>
			[...document.querySelectorAll('*')]
				.map((element) => getComputedStyle(element).backgroundImage)
				.filter((image) => image !== 'none')
		);
		expect(backgrounds.join(' ')).not.toContain('evil.example');
		expect(requested.filter((url) => url.includes('evil.example'))).toEqual([]);
	});

	test('a number as title, an unknown node and 20,000 levels of nesting hide only themselves', async ({
		browser
	}) => {
		// 20,000 levels of lists; links nest 40 deep (the server's export test takes 20,000 of each).
		const keys = await storedBoard(hostileBoardState({ linkDepth: 40 }));
		const page = await newPerson(browser, 'Grace');
		await openAsViewer(page, keys);
		await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveAttribute(
			'placeholder',
			'Untitled board'
		);
		await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText(
			'1 entry from another device could not be read and is hidden.'
		);

		await openSection(page, 'Risks');
		await expect(page.getByRole('textbox', { name: 'Risk title' })).toHaveValue(KEPT.risk);

		await openSection(page, 'Charter');
		for (const [heading, kept] of [
			['Background', KEPT.background],
			['Objectives', KEPT.objectives],
			['In scope', KEPT.inScope]
		] as const) {
			const field = page.getByRole('group', { name: heading, exact: true });
			await expect(field.getByText(kept)).toBeVisible();
			await expect(field.getByRole('status')).toContainText('cannot show');
		}
		for (const hidden of Object.values(HIDDEN)) await expect(page.getByText(hidden)).toHaveCount(0);

		await openSection(page, 'Versions');
		await expect(page.getByRole('heading', { name: 'Saved versions' })).toBeVisible();
		for (const format of ['md', 'json']) {
			const response = await page.request.get(`/api/boards/${keys.boardId}/export.${format}`, {
				headers: { authorization: `Bearer ${keys.viewKey}` }
			});
			expect(response.status(), format).toBe(200);
		}
	});

	test('an editor sees the rest of a field it cannot edit, and edits it again once the part is gone', async ({
		browser,
		baseURL
	}) => {
		const keys = await storedBoard(hostileBoardState({ depth: 40 }));
		const page = await newPerson(browser, 'Ada');
		await page.goto(`/b/${keys.boardId}#edit=${keys.editKey}`);
		await expect(page.getByRole('status').filter({ hasText: 'Synced' })).toBeVisible();
		await openSection(page, 'Charter');
		const background = page.getByRole('group', { name: 'Background', exact: true });
		await expect(background.getByText(KEPT.background)).toBeVisible();
		await expect(background.getByRole('status')).toContainText('edited again once');
		const editable = page.getByRole('textbox', { name: 'Background', exact: true });
		await expect(editable).toHaveCount(0);

		// Another editor removes the part Charter cannot show: the field becomes editable again.
		const peer = connectClient(
			{ syncUrl: `${baseURL!.replace(/^http/, 'ws')}/sync` },
			keys.boardId,
			keys.editKey
		);
		try {
			await peer.synced();
			const field = readCharterSection(peer.doc, 'background')!;
			const blocks = field.toDelta() as { insert: unknown }[];
			const unknown = blocks.findIndex(
				({ insert }) => insert instanceof Y.XmlText && insert.getAttribute('__type') === 'table'
			);
			field.delete(unknown, 1);
			await expect(editable).toBeVisible();
		} finally {
			peer.destroy();
		}
		await expect(background).toHaveCount(0);
		await editable.click();
		await page.keyboard.press('Control+End');
		await page.keyboard.type(' and more');
		await expect(editable).toContainText(`${KEPT.background} and more`);
	});
});
