import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
	expect,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page,
	type WebSocketRoute
} from '@playwright/test';
import * as Y from 'yjs';
import { newPerson } from './helpers.ts';

/** A retro board's links, as its creator's Share menu shows them. */
export interface RetroLinks {
	editLink: string;
	viewLink: string;
	boardId: string;
}

/** Creates a retro board from the home page of `page` (it opens on its Retrospective) and returns its links. */
export async function createRetroBoardIn(page: Page): Promise<RetroLinks> {
	await page.goto('/');
	await page.getByRole('button', { name: /New retrospective board/ }).click();
	// A retro board opens on its Retrospective.
	await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}\/retro$/);
	await expect(facilitationBar(page)).toContainText('(you)');
	await page.getByText('Share', { exact: true }).click();
	const editLink = await page.getByLabel(/Edit link/).inputValue();
	const viewLink = await page.getByLabel(/View link/).inputValue();
	await page.getByText('Share', { exact: true }).click();
	return { editLink, viewLink, boardId: new URL(editLink).pathname.split('/')[2]! };
}

/** A new person's browser with the board open on its Retrospective section. */
export async function joinRetro(
	browser: Browser,
	link: string,
	name: string,
	options: BrowserContextOptions = {}
): Promise<Page> {
	const page = await newPerson(browser, name, options);
	await page.goto(link);
	// The shared link lands on the Retrospective, without a click.
	await expect(page).toHaveURL(/\/retro(#.*)?$/);
	await expect(
		page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', {
			name: 'Retrospective'
		})
	).toHaveAttribute('aria-current', 'page');
	return page;
}

/** The facilitation bar above every section of a retro board. */
export function facilitationBar(page: Page) {
	return page.getByRole('region', { name: 'Facilitation' });
}

/** Writes a private card into a column (Enter adds it). */
export async function writeCard(page: Page, column: string, text: string): Promise<void> {
	const box = page.getByLabel(`New card in ${column}`);
	await box.fill(text);
	await box.press('Enter');
	await expect.poll(() => draftTexts(page, column)).toContain(text);
}

/** The texts of this user's private cards in a column, as the write phase shows them. */
export function draftTexts(page: Page, column: string): Promise<string[]> {
	return page
		.getByRole('list', { name: `Your cards in ${column}` })
		.getByRole('textbox')
		.evaluateAll((boxes) => boxes.map((box) => (box as HTMLTextAreaElement).value));
}

/** A published card's element, by its exact text. */
export function retroCard(page: Page, text: string | RegExp) {
	return page.locator('.retro-card').filter({ has: page.getByText(text, { exact: true }) });
}

/** Drags one published card onto another by its text (a drop onto the card groups them). */
export async function dragCardOnto(page: Page, from: string, to: string): Promise<void> {
	await retroCard(page, from)
		.getByText(from, { exact: true })
		.dragTo(retroCard(page, to).getByText(to, { exact: true }));
}

/** The sync status line of the board. */
export function syncStatus(page: Page) {
	return page.getByRole('status').filter({ hasText: /Synced|Offline|Connecting/ });
}

/**
 * Everything the server stored for a board, read from its SQLite file: the merged document as
 * JSON and the raw bytes of every stored update as text (Yjs keeps strings as UTF-8, so text
 * that ever reached the store shows up in either).
 */
export function storedBoard(dataDir: string, boardId: string): { json: string; raw: string } {
	const db = new Database(join(dataDir, 'charter.sqlite'), { readonly: true, fileMustExist: true });
	try {
		const snapshot = db
			.prepare<[string], { snapshot: Buffer }>(
				'SELECT snapshot FROM board_snapshot WHERE board_id = ?'
			)
			.get(boardId);
		const log = db
			.prepare<[string], { data: Buffer }>(
				'SELECT data FROM board_update WHERE board_id = ? ORDER BY seq'
			)
			.all(boardId);
		const blobs = [...(snapshot ? [snapshot.snapshot] : []), ...log.map((row) => row.data)];
		const doc = new Y.Doc();
		for (const blob of blobs) Y.applyUpdate(doc, new Uint8Array(blob));
		const json = docText(doc);
		doc.destroy();
		return { json, raw: blobs.map((blob) => blob.toString('utf8')).join('\n') };
	} finally {
		db.close();
	}
}

/**
 * A document's whole content as JSON. Root types arrive from updates untyped, and toJSON()
 * skips them until they are read as what they are (every root of a board is a Y.Map).
 */
export function docText(doc: Y.Doc): string {
	for (const key of [...doc.share.keys()]) doc.getMap(key);
	return JSON.stringify(doc.toJSON());
}

/** The raw text of a browser's offline copy of a board (its y-indexeddb updates). */
export function localBoardCopy(page: Page, boardId: string): Promise<string> {
	return page.evaluate(async (name) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
			const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
			request.onsuccess = () => resolve(request.result as Uint8Array[]);
			request.onerror = () => reject(request.error);
		});
		db.close();
		return updates.map((update) => new TextDecoder().decode(update)).join('\n');
	}, `charter-board-${boardId}`);
}

/**
 * Lets a test cut one browser off the sync server and reconnect it, as a train tunnel would:
 * its websockets close and new ones are refused until it is back. (Playwright's offline mode
 * leaves open websockets alone.)
 */
export async function switchableNetwork(context: BrowserContext) {
	let offline = false;
	const open = new Set<WebSocketRoute>();
	await context.routeWebSocket(/\/sync\//, (ws) => {
		if (offline) {
			void ws.close({ code: 4000, reason: 'offline' });
			return;
		}
		ws.connectToServer();
		open.add(ws);
		ws.onClose(() => open.delete(ws));
	});
	return {
		async goOffline() {
			offline = true;
			await Promise.all([...open].map((ws) => ws.close({ code: 4000, reason: 'offline' })));
		},
		goOnline() {
			offline = false;
		}
	};
}

/** A button by its accessible name. */
export const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });
/** The current step of the retro's phase stepper. */
export const currentStep = (page: Page) =>
	page.getByRole('list', { name: 'Retro phases' }).locator('[aria-current="step"]');

const ADVANCE = {
	reveal: 'Reveal the cards',
	group: 'Start grouping',
	vote: 'Start voting',
	discuss: 'End voting and discuss',
	done: 'Finish the retro'
} as const;

/** The facilitator moves the retro on to `phase`, and everyone's stepper follows. */
export async function advance(facilitator: Page, phase: keyof typeof ADVANCE, ...others: Page[]) {
	await button(facilitator, ADVANCE[phase]).click();
	const label = phase[0]!.toUpperCase() + phase.slice(1);
	for (const page of [facilitator, ...others]) await expect(currentStep(page)).toContainText(label);
}
