import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardState, isEmptyUpdate } from '../../server/sync/board-state.ts';
import { binaryFrame } from '../../server/sync/frame.ts';
import { waitFor } from '../helpers/wait.ts';

/**
 * What a ws client receives from a server that sends `first` through ws, writes each of
 * `frames` to the upgraded socket itself, as Charter relays, and then sends `last` through ws.
 */
async function receivedThroughRawSocket(
	first: Uint8Array,
	frames: Uint8Array[],
	last: Uint8Array
): Promise<Uint8Array[]> {
	const server: Server = createServer();
	const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	server.on('upgrade', (req, socket, head) =>
		wss.handleUpgrade(req, socket, head, (ws) => {
			ws.send(first);
			for (const message of frames) socket.write(binaryFrame(message));
			ws.send(last);
		})
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
	const received: Uint8Array[] = [];
	client.on('message', (data: Buffer, isBinary: boolean) => {
		expect(isBinary).toBe(true);
		received.push(Uint8Array.from(data));
	});
	try {
		await waitFor(() => received.length === frames.length + 2, 'every frame to arrive');
		return received;
	} finally {
		client.terminate();
		wss.close();
		server.close();
	}
}

function boardWith(words: string[]): Y.Doc {
	const doc = new Y.Doc();
	for (const word of words) doc.getArray<string>('words').push([word]);
	return doc;
}

describe('binaryFrame', () => {
	it('frames messages a ws client reads, in order with what ws itself sends, at every header length', async () => {
		const messages = [0, 1, 125, 126, 65_535, 65_536, 70_000].map((length) =>
			Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff)
		);
		const first = Uint8Array.of(1, 2, 3);
		const last = Uint8Array.of(4, 5);
		const received = await receivedThroughRawSocket(first, messages, last);
		expect(received).toEqual([first, ...messages, last]);
	});
});

describe('BoardState', () => {
	it('answers a peer with nothing with the stored bytes themselves, others with what they lack', () => {
		const board = boardWith(['scope', 'budget', 'launch']);
		const stored = Y.encodeStateAsUpdate(board);
		const state = new BoardState(() => {}, 'store');
		state.restAs(stored);

		expect(state.missing(Y.encodeStateVector(new Y.Doc()))).toBe(stored);
		const peer = boardWith([]);
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(board, Y.encodeStateVector(new Y.Doc())));
		board.getArray<string>('words').push(['vendor']);
		state.restAs(Y.encodeStateAsUpdate(board));
		Y.applyUpdate(peer, state.missing(Y.encodeStateVector(peer)));
		expect(peer.getArray('words').toArray()).toEqual(['scope', 'budget', 'launch', 'vendor']);
		expect(state.stateVector()).toEqual(Y.encodeStateVector(board));
		expect(state.resting).toBe(true);
	});

	it('builds the document on demand with the given origin, after its listeners are attached', () => {
		const origins: unknown[] = [];
		const state = new BoardState(
			(doc) => doc.on('afterTransaction', (t) => origins.push(t.origin)),
			'store'
		);
		state.restAs(Y.encodeStateAsUpdate(boardWith(['scope'])));
		expect(state.doc.getArray('words').toArray()).toEqual(['scope']);
		expect(state.resting).toBe(false);
		// Its bytes come first, applied in one transaction with the origin the room ignores.
		expect(origins[0]).toBe('store');
	});

	it('rests again once idle and settled, as bytes that hold every change', async () => {
		let settle!: () => void;
		const settled = new Promise<void>((resolve) => (settle = resolve));
		const state = new BoardState(() => {}, 'store', 5);
		state.restAs(Y.encodeStateAsUpdate(boardWith(['scope'])));
		state.doc.getArray<string>('words').push(['budget']);
		state.restWhenIdle(() => settled);
		// Not while a write is still on its way to the store.
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(state.resting).toBe(false);
		settle();
		await waitFor(() => state.resting, 'the board to rest');
		const reopened = new Y.Doc();
		Y.applyUpdate(reopened, state.missing(Uint8Array.of(0)));
		expect(reopened.getArray('words').toArray()).toEqual(['scope', 'budget']);
	});
});

describe('isEmptyUpdate', () => {
	it('tells the update of an empty document from any other', () => {
		expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
		expect(isEmptyUpdate(Y.encodeStateAsUpdate(boardWith(['scope'])))).toBe(false);
	});
});
