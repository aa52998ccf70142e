import * as Y from 'yjs';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { buildLargeBoard, LARGE_BOARD } from '../fixtures/large-board.ts';
import { createRichTextWriter } from '../fixtures/rich-text-writer.ts';
import type { ClientAddress } from '../load/clients.ts';
import { LoadWorker } from '../lib/pool.ts';
import type { ServerEntry } from '../lib/servers.ts';

/** The large board of DESIGN.md §9, encoded once for every server. */
export interface LargeBoard {
	update: Uint8Array;
	stateVector: string;
}

/** What one cold open measured. */
export interface ColdOpenFigures extends Record<string, number> {
	/** From opening the socket to the provider's first `synced`. */
	synced_ms: number;
	/** Websocket message bytes the client received until then. */
	bytes: number;
	/** TCP bytes it read until then (upgrade response and frame headers included). */
	wire_bytes: number;
}

/** Builds the large board (1,000 risks, 40 × 30 RACI, 20 rich-text fields) as one update. */
export async function largeBoard(): Promise<LargeBoard> {
	const doc = buildLargeBoard(LARGE_BOARD, await createRichTextWriter());
	return {
		update: Y.encodeStateAsUpdate(doc),
		stateVector: Y.encodeStateVector(doc).toString()
	};
}

/**
 * Stores the large board on a fresh server, lets the server unload it (a server that keeps
 * boards only while someone is connected keeps its writer connected), then opens it with a new
 * client: the time until synced and the bytes that took.
 */
export async function runColdOpen(
	server: ServerEntry,
	board: LargeBoard
): Promise<ColdOpenFigures> {
	const started = await server.start();
	try {
		const keys = await generateBoardKeys();
		const address: ClientAddress = {
			kind: server.clientKind,
			url: started.urls[0]!,
			room: keys.boardId,
			protocols: server.protocols(keys)
		};
		const writer = new LoadWorker({
			type: 'store-board',
			address,
			update: board.update,
			keepConnected: server.forgetsEmptyBoards
		});
		await writer.next('ready');
		await server.boardUnloaded(started);
		// The reader connects to the last node, so a multi-node server opens from its store.
		const reader = new LoadWorker({
			type: 'open-board',
			address: { ...address, url: started.urls.at(-1)! },
			stateVector: board.stateVector
		});
		const opened = await reader.next('opened');
		await Promise.all([reader.close(), writer.close()]);
		return { synced_ms: opened.syncedMs, bytes: opened.bytes, wire_bytes: opened.wireBytes };
	} finally {
		await started.stop();
	}
}
