import { expect, type Page } from '@playwright/test';
import type * as Y from 'yjs';
import { newId, readRetroColumns } from '../../src/lib/board/index.ts';
import { publishDrafts, setPhase } from '../../src/lib/board/retro/index.ts';
import { connectClient } from '../helpers/clients.ts';
import { keysOf } from './export-helpers.ts';

/** The sync endpoint of the app under test. */
function syncUrlOf(baseURL: string): string {
	return `${baseURL.replace(/^http/, 'ws')}/sync`;
}

/**
 * Waits until a stock y-websocket client (not a browser) reads `expected` from the board with
 * `read`: what any other client of the server gets.
 */
export async function expectStockClientToRead(
	baseURL: string,
	editLink: string,
	read: (doc: Y.Doc) => unknown,
	expected: unknown
): Promise<void> {
	const { boardId, editKey } = keysOf(editLink);
	const client = connectClient({ syncUrl: syncUrlOf(baseURL) }, boardId, editKey);
	try {
		await client.synced();
		await expect.poll(() => read(client.doc)).toEqual(expected);
	} finally {
		client.destroy();
	}
}

/** The board as the server's export API gives it (`GET /api/boards/<id>/export.json`). */
export async function serverExport(baseURL: string, editLink: string): Promise<ExportedBoard> {
	const { boardId, editKey } = keysOf(editLink);
	const response = await fetch(`${baseURL}/api/boards/${boardId}/export.json`, {
		headers: { authorization: `Bearer ${editKey}` }
	});
	expect(response.status).toBe(200);
	return (await response.json()) as ExportedBoard;
}

/** What the co-editing tests read of an export. */
export interface ExportedBoard {
	board: { title: string };
	people: { id: string; name: string; role: string }[];
	risks: { id: string; title: string }[];
	actions: { id: string; title: string }[];
	milestones: { id: string; title: string }[];
	retro: { cards: { id: string; text: string }[] } | null;
}

/**
 * Re-scores a risk every `everyMs` in `page`, from inside the page (a person changing it while
 * others type, without the test sleeping), until the returned function stops it; that
 * function resolves with how many times it changed the risk.
 */
export async function keepRescoring(
	page: Page,
	riskTitle: string,
	everyMs = 250
): Promise<() => Promise<number>> {
	await page.evaluate(
		({ label, everyMs }) => {
			let changes = 0;
			const timer = setInterval(() => {
				const select = document.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`);
				if (!select) return;
				select.value = String((Number(select.value) % 5) + 1);
				select.dispatchEvent(new Event('change', { bubbles: true }));
				changes++;
			}, everyMs);
			(window as unknown as { stopRescoring: () => number }).stopRescoring = () => {
				clearInterval(timer);
				return changes;
			};
		},
		{ label: `Likelihood of ${riskTitle}`, everyMs }
	);
	return () =>
		page.evaluate(() => (window as unknown as { stopRescoring: () => number }).stopRescoring());
}

/** Puts the caret at the start or the end of a text field that has focus. */
export async function caretTo(page: Page, where: 'start' | 'end'): Promise<void> {
	await page.evaluate((where) => {
		const field = document.activeElement as HTMLInputElement | HTMLTextAreaElement;
		const at = where === 'start' ? 0 : field.value.length;
		field.setSelectionRange(at, at);
	}, where);
}

/**
 * Types at both ends of the field each page has focused, at once: `ada` ' AAAA' at the end,
 * `grace` 'bbbb ' at the start, a key every 135 ms each.
 */
export async function typeAtBothEnds(ada: Page, grace: Page): Promise<void> {
	await caretTo(ada, 'end');
	await caretTo(grace, 'start');
	await Promise.all([
		ada.keyboard.type(' AAAA', { delay: 135 }),
		grace.keyboard.type('bbbb ', { delay: 135 })
	]);
}

/**
 * Publishes cards on a retro board as a peer would, acting as its facilitator, and moves it to
 * grouping; returns the cards' ids, in the order of `texts`.
 */
export async function publishCardsAsPeer(
	baseURL: string,
	editLink: string,
	texts: readonly string[]
): Promise<string[]> {
	const { boardId, editKey } = keysOf(editLink);
	const client = connectClient({ syncUrl: syncUrlOf(baseURL) }, boardId, editKey);
	try {
		await client.synced();
		const { doc } = client;
		const facilitator = String(doc.getMap('meta').get('facilitator'));
		const [column] = readRetroColumns(doc).items;
		setPhase(doc, 'reveal', facilitator);
		const drafts = texts.map((text, i) => ({
			id: newId(),
			column: column!.id,
			text,
			createdAt: i
		}));
		const ids = publishDrafts(doc, drafts, 'peer-writer');
		setPhase(doc, 'group', facilitator);
		await expect
			.poll(async () => (await serverExport(baseURL, editLink)).retro?.cards.length)
			.toBe(texts.length);
		return ids;
	} finally {
		client.destroy();
	}
}
