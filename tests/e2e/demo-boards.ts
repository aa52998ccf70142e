import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import type * as Y from 'yjs';
import { buildDemoBoard } from '../../bench/fixtures/demo-board.ts';
import { DemoRetro } from '../../bench/fixtures/demo-retro.ts';
import { profileOf, type DemoTeamName } from '../../bench/fixtures/demo-team.ts';
import { createRichTextWriter } from '../../bench/fixtures/rich-text-writer.ts';
import { DemoBoardClients } from '../../bench/lib/demo-clients.ts';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import type { TestServer } from '../helpers/server.ts';

// The screenshots' demo boards (bench/fixtures), stored on the end-to-end server by a Node client
// that stays connected for later writes, as a full board to look at in a browser.

const port = Number(process.env.CHARTER_E2E_PORT ?? 4317);
/** The server Playwright started, as the Node clients reach it. */
export const E2E_SERVER = {
	port,
	httpUrl: `http://127.0.0.1:${port}`,
	syncUrl: `ws://127.0.0.1:${port}/sync`
} as TestServer;

/** A demo board on the server: its edit link (a path and fragment) and its Node clients. */
export interface StoredDemo {
	link: string;
	clients: DemoBoardClients;
	/** The writer's document: a command on it reaches every browser through the server. */
	doc: Y.Doc;
	keys: BoardKeys;
}

async function store(doc: Y.Doc): Promise<StoredDemo> {
	const keys = await generateBoardKeys();
	const clients = await DemoBoardClients.store(E2E_SERVER, keys, doc);
	return { link: `/b/${keys.boardId}#edit=${keys.editKey}`, clients, doc, keys };
}

/** The demo kickoff board (a payments migration), with every section filled in. */
export async function storeDemoKickoff(): Promise<StoredDemo> {
	return store(buildDemoBoard(await createRichTextWriter()));
}

/** The demo retro in its write phase; `retro.moveTo(phase)` then `clients.stored()` plays on. */
export async function storeDemoRetro(): Promise<StoredDemo & { retro: DemoRetro }> {
	const retro = new DemoRetro();
	return { retro, ...(await store(retro.doc)) };
}

/** A browser of one demo teammate (Maya facilitates the retro). */
export async function openAsTeammate(
	browser: Browser,
	name: DemoTeamName,
	options: BrowserContextOptions = {}
): Promise<Page> {
	const context = await browser.newContext(options);
	await context.addInitScript(
		(profile) => localStorage.setItem('charter.profile', profile),
		JSON.stringify(profileOf(name))
	);
	return context.newPage();
}
