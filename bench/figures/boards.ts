/**
 * The boards `npm run figures:board` opens: the sizes of issue 20's table, generated through the
 * board's own commands and stored on a running server before anyone measures.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { subprotocols } from '../../src/lib/sync/wire.ts';
import type { TestServer } from '../../tests/helpers/server.ts';
import { buildLargeBoard, LARGE_BOARD, type LargeBoardSpec } from '../fixtures/large-board.ts';
import { createRichTextWriter } from '../fixtures/rich-text-writer.ts';

/** A kickoff board of the size a team has after its first meeting. */
export const SMALL_BOARD: LargeBoardSpec = {
	risks: 10,
	people: 8,
	tasks: 8,
	richTextFields: 7,
	paragraphsPerField: 2
};

/** 200 risks and a charter of about 110 KB (seven sections of 45 long paragraphs). */
export const MEDIUM_BOARD: LargeBoardSpec = {
	risks: 200,
	people: 20,
	tasks: 20,
	richTextFields: 7,
	paragraphsPerField: 45
};

export { LARGE_BOARD };

/** A stock y-websocket client with the edit key, as any editor's browser would connect. */
export function peer(server: TestServer, keys: BoardKeys, doc = new Y.Doc()): WebsocketProvider {
	return new WebsocketProvider(server.syncUrl, keys.boardId, doc, {
		protocols: subprotocols(keys.editKey),
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
}

export function synced(provider: WebsocketProvider): Promise<void> {
	return new Promise((resolve) => {
		if (provider.synced) resolve();
		else provider.once('sync', () => resolve());
	});
}

/** A board built once, to be stored on every server measured. */
export interface GeneratedBoard {
	spec: LargeBoardSpec;
	update: Uint8Array;
}

export async function generateBoard(spec: LargeBoardSpec): Promise<GeneratedBoard> {
	const doc = buildLargeBoard(spec, await createRichTextWriter());
	return { spec, update: Y.encodeStateAsUpdate(doc) };
}

/** Stores `board` under new keys on `server` and resolves once a second client reads it all. */
export async function storeBoard(server: TestServer, board: GeneratedBoard): Promise<BoardKeys> {
	const keys = await generateBoardKeys();
	const doc = new Y.Doc();
	Y.applyUpdate(doc, board.update);
	const writer = peer(server, keys, doc);
	await synced(writer);
	const check = peer(server, keys);
	const wanted = Y.encodeStateVector(doc);
	const deadline = Date.now() + 60_000;
	// At least what was written: the server adds its own change (risk numbers) to a new board.
	while (!covers(Y.encodeStateVector(check.doc), wanted)) {
		if (Date.now() > deadline) throw new Error('the server did not receive the whole board');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	writer.destroy();
	check.destroy();
	return keys;
}

function covers(have: Uint8Array, wanted: Uint8Array): boolean {
	const held = Y.decodeStateVector(have);
	for (const [client, clock] of Y.decodeStateVector(wanted)) {
		if ((held.get(client) ?? 0) < clock) return false;
	}
	return true;
}

/** The address a teammate is sent: the board's page with the edit key in its fragment. */
export function boardUrl(server: TestServer, keys: BoardKeys, section = ''): string {
	const path = section ? `/${section}` : '';
	return `${server.httpUrl}/b/${keys.boardId}${path}#edit=${keys.editKey}`;
}
