import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
	addAction,
	addPerson,
	addRaciTask,
	addRisk,
	CHARTER_SECTION_LABELS,
	CHARTER_SECTIONS,
	newId,
	readCharterSection,
	readRetroColumns,
	setRaciCell
} from '../../src/lib/board/index.ts';
import {
	castVote,
	moveCardToGroup,
	nameGroup,
	publishDrafts,
	setPhase
} from '../../src/lib/board/retro/index.ts';
import { writeRichText } from '../../src/lib/board/export/rich-text-write.ts';
import { connectClient } from '../helpers/clients.ts';

/** The keys in an edit link. */
export function keysOf(editLink: string): { boardId: string; editKey: string } {
	const { pathname, hash } = new URL(editLink);
	return {
		boardId: pathname.split('/').at(-1) ?? '',
		editKey: new URLSearchParams(hash.slice(1)).get('edit') ?? ''
	};
}

/**
 * Fills a board as a peer would, over a stock y-websocket connection: a heading, bold text, a
 * list and a link in Background, a line in every other charter section, two people, a risk, a
 * RACI row and an action.
 */
export async function fillBoardAsPeer(baseURL: string, editLink: string): Promise<void> {
	const { boardId, editKey } = keysOf(editLink);
	const client = connectClient(
		{ syncUrl: `${baseURL.replace(/^http/, 'ws')}/sync` },
		boardId,
		editKey
	);
	try {
		await client.synced();
		const doc = client.doc;
		doc.transact(() => {
			for (const section of CHARTER_SECTIONS) {
				const text = readCharterSection(doc, section)!;
				if (section !== 'background') {
					writeRichText(text, [
						{ type: 'paragraph', children: [{ text: `${CHARTER_SECTION_LABELS[section]} text` }] }
					]);
					continue;
				}
				writeRichText(text, [
					{ type: 'heading', level: 2, children: [{ text: 'Why we start' }] },
					{
						type: 'paragraph',
						children: [{ text: 'The old gateway is ' }, { text: 'end of life', bold: true }]
					},
					{
						type: 'list',
						ordered: false,
						items: [{ children: [{ text: 'the plan', link: 'https://example.com/plan' }] }]
					}
				]);
			}
		});
		const ada = addPerson(doc, { name: 'Ada Lovelace', role: 'Sponsor' });
		const bob = addPerson(doc, { name: 'Bob Kahn', role: 'Engineer' });
		addRisk(doc, { title: 'Vendor slips the date', likelihood: 4, impact: 5, owner: ada });
		const task = addRaciTask(doc, { title: 'Approve the budget' });
		setRaciCell(doc, task, ada, 'A');
		setRaciCell(doc, task, bob, 'R');
		addAction(doc, { title: 'Book the kickoff room', owner: bob });
		// Until the server's export holds all of it, so every browser that syncs sees it.
		await untilExported(baseURL, boardId, editKey, (board) => board.actions?.length === 1);
	} finally {
		client.destroy();
	}
}

/** Opens the Export menu and clicks one of its entries; returns the downloaded file's path and text. */
export async function exportFile(
	page: Page,
	entry: string
): Promise<{ path: string; text: string }> {
	await page.locator('summary', { hasText: 'Export' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: entry }).click();
	const path = await (await download).path();
	return { path, text: await readFile(path, 'utf8') };
}

/** How many boards this browser knows (its local index in IndexedDB). */
export function knownBoardCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('charter-index');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const count = db.transaction('boards').objectStore('boards').count();
					count.onsuccess = () => {
						db.close();
						resolve(count.result);
					};
				};
			})
	);
}

/**
 * Runs a retro on a board as a peer would, acting as its facilitator: three cards published,
 * two grouped and named "CI pain", three votes, one action from the group.
 */
export async function runRetroAsPeer(baseURL: string, editLink: string): Promise<void> {
	const { boardId, editKey } = keysOf(editLink);
	const client = connectClient(
		{ syncUrl: `${baseURL.replace(/^http/, 'ws')}/sync` },
		boardId,
		editKey
	);
	try {
		await client.synced();
		const doc = client.doc;
		const facilitator = String(doc.getMap('meta').get('facilitator'));
		const [start, stop] = readRetroColumns(doc).items.map((column) => column.id);
		setPhase(doc, 'reveal', facilitator);
		const drafts = [
			{ column: stop!, text: 'Slow CI builds' },
			{ column: stop!, text: 'Flaky end-to-end tests' },
			{ column: start!, text: 'Pairing on migrations' }
		].map((draft, index) => ({ ...draft, id: newId(), createdAt: index + 1 }));
		const [slow, flaky, pairing] = publishDrafts(doc, drafts, 'peer-user');
		setPhase(doc, 'group', facilitator);
		moveCardToGroup(doc, flaky!, slow!, facilitator);
		nameGroup(doc, slow!, 'CI pain', facilitator);
		setPhase(doc, 'vote', facilitator);
		castVote(doc, slow!, 'voter-1');
		castVote(doc, slow!, 'voter-2');
		castVote(doc, pairing!, 'voter-2');
		addAction(doc, { title: 'Cache the build', source: slow! });
		await untilExported(baseURL, boardId, editKey, (board) => board.actions?.length === 1);
	} finally {
		client.destroy();
	}
}

/** Waits until the server's JSON export of a board satisfies `done`. */
async function untilExported(
	baseURL: string,
	boardId: string,
	key: string,
	done: (board: { actions?: unknown[] }) => boolean
): Promise<void> {
	const url = `${baseURL}/api/boards/${boardId}/export.json`;
	await expect
		.poll(async () => {
			const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
			return response.ok && done(await response.json());
		})
		.toBe(true);
}
