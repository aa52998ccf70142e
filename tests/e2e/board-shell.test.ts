import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';

/** A stock y-websocket client in the test process, acting as another (maybe hostile) peer. */
function nodePeer(link: string): { doc: Y.Doc; provider: WebsocketProvider } {
	const url = new URL(link);
	const boardId = url.pathname.split('/')[2]!;
	const key = new URLSearchParams(url.hash.slice(1)).get('edit')!;
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`ws://${url.host}/sync`, boardId, doc, {
		protocols: ['charter.v1', `key.${key}`],
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	return { doc, provider };
}

test.describe('board shell', () => {
	test('shows who is here, and drops a person whose tab closed', async ({ browser }) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada Lovelace');
		const grace = await openInNewBrowser(browser, editLink, 'Grace Hopper');
		const adaPeople = ada.getByRole('list', { name: 'People on this board' });
		await expect(adaPeople).toContainText('Grace Hopper');
		await expect(grace.getByRole('list', { name: 'People on this board' })).toContainText(
			'Ada Lovelace'
		);
		await grace.close();
		await expect(adaPeople).not.toContainText('Grace Hopper');
	});

	test('hides entries a peer wrote that do not parse, and says how many', async ({ browser }) => {
		const { page, editLink } = await createKickoffBoard(browser);
		const peer = nodePeer(editLink);
		try {
			await new Promise<void>((resolve) => peer.provider.once('sync', () => resolve()));
			peer.doc.transact(() => {
				const risks = peer.doc.getMap('risks');
				const broken = new Y.Map<unknown>();
				broken.set('title', 'Likelihood nine');
				broken.set('likelihood', 9);
				risks.set('AAAAAAAAAAAAAAAA', broken);
				risks.set('BBBBBBBBBBBBBBBB', 'not even a map');
			});
			await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toHaveText(
				'2 entries from another device could not be read and are hidden.'
			);
		} finally {
			peer.provider.destroy();
		}
	});

	test('renders a hostile title as text', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		page.on('dialog', () => {
			throw new Error('a dialog opened: hostile text ran');
		});
		const hostile = '<img src=x onerror=alert(1)>';
		await page.getByRole('textbox', { name: 'Board title' }).fill(hostile);
		await expect(page).toHaveTitle(`${hostile} · Charter`);
		await page.getByRole('link', { name: 'Charter home' }).click();
		await expect(page.getByRole('link', { name: hostile })).toBeVisible();
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
	});

	test('undo and redo take back and restore this user’s own change only', async ({ browser }) => {
		const { page, editLink } = await createKickoffBoard(browser);
		const other = await openInNewBrowser(browser, editLink);
		const title = page.getByRole('textbox', { name: 'Board title' });
		await title.fill('Mine');
		await expect(other.getByRole('textbox', { name: 'Board title' })).toHaveValue('Mine');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(title).toHaveValue('Project kickoff');
		await expect(other.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Project kickoff'
		);
		await page.getByRole('button', { name: 'Redo' }).click();
		await expect(title).toHaveValue('Mine');
		await expect(other.getByRole('button', { name: 'Undo' })).toBeDisabled();
	});

	test('the overview says what needs attention in each section', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await openSection(page, 'Risks');
		await page.getByLabel('New risk').fill('Vendor slips');
		await page.getByRole('button', { name: 'Add risk' }).click();
		await openSection(page, 'RACI');
		await page.getByLabel('New task').fill('Sign the contract');
		await page.getByRole('button', { name: 'Add task' }).click();
		await openSection(page, 'Overview');
		await expect(page.getByText('1 open risk', { exact: true })).toBeVisible();
		await expect(page.getByRole('list', { name: 'Open risks by severity' })).toContainText(
			'Medium 1'
		);
		await expect(page.getByText('1 task needs attention')).toBeVisible();
	});

	test('the overview has no serious accessibility violation, light or dark', async ({
		browser
	}) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page } = await createKickoffBoard(browser);
			await page.emulateMedia({ colorScheme });
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter(
				(v) => v.impact === 'serious' || v.impact === 'critical'
			);
			expect(serious.map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
		}
	});
});
