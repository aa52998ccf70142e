import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRisk,
	boardRoots,
	createBoard,
	readRisks,
	RISK_SEQ_KEY
} from '../../src/lib/board/index.ts';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { storeBoardIn } from '../helpers/schema1.ts';
import { makeDataDir, removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

/** Each risk's title and number, in a fixed order. */
function numbers(doc: Y.Doc): [string, number | null][] {
	return readRisks(doc)
		.items.map((risk): [string, number | null] => [risk.title, risk.ref])
		.sort(([a], [b]) => a.localeCompare(b));
}

const allNumbered = (doc: Y.Doc, count: number) => {
	const refs = numbers(doc).map(([, ref]) => ref);
	return refs.length === count && refs.every((ref) => ref !== null);
};

describe('risk numbers given by the server', () => {
	let dataDir: string;
	let server: TestServer;
	let keys: BoardKeys;
	const clients: TestClient[] = [];
	const connect = (doc?: Y.Doc) => {
		const client = connectClient(server, keys.boardId, keys.editKey, doc);
		clients.push(client);
		return client;
	};

	beforeEach(async () => {
		dataDir = makeDataDir();
		keys = await generateBoardKeys();
		server = await startServer({ dataDir });
	});
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await server.stop();
		removeDataDir(dataDir);
	});

	it('are distinct for risks two clients added while disconnected, and survive a restart', async () => {
		const alice = connect(createBoard('kickoff', { now: 1 }));
		await alice.synced();
		const bob = connect();
		await bob.synced();
		await waitFor(() => boardRoots(bob.doc).meta.has('schema'), 'bob to get the board');
		alice.provider.disconnect();
		bob.provider.disconnect();
		// Created at the same moment on both sides: the ids decide the order.
		addRisk(alice.doc, { title: 'Alice: vendor late' }, { now: 1000 });
		addRisk(alice.doc, { title: 'Alice: key person leaves' }, { now: 1001 });
		addRisk(bob.doc, { title: 'Bob: budget cut' }, { now: 1000 });
		expect(numbers(alice.doc).every(([, ref]) => ref === null)).toBe(true);
		alice.provider.connect();
		bob.provider.connect();
		for (const client of [alice, bob])
			await waitFor(() => allNumbered(client.doc, 3), 'every risk to get its number');
		const given = numbers(alice.doc);
		expect(new Set(given.map(([, ref]) => ref))).toEqual(new Set([1, 2, 3]));
		await waitFor(
			() => JSON.stringify(numbers(bob.doc)) === JSON.stringify(given),
			'both clients to show the same numbers'
		);
		expect(boardRoots(alice.doc).meta.get(RISK_SEQ_KEY)).toBe(3);

		for (const client of clients.splice(0)) client.destroy();
		await server.stop();
		server = await startServer({ dataDir });
		const carol = connect();
		await carol.synced();
		await waitFor(() => allNumbered(carol.doc, 3), 'the board to arrive after the restart');
		expect(numbers(carol.doc)).toEqual(given);
		addRisk(carol.doc, { title: 'Carol: scope creep' }, { now: 2000 });
		await waitFor(() => allNumbered(carol.doc, 4), 'the new risk to get its number');
		expect(numbers(carol.doc).find(([title]) => title.startsWith('Carol'))?.[1]).toBe(4);
	});

	it('are given to the risks of a board stored before numbers existed when it loads', async () => {
		await server.stop();
		const old = createBoard('kickoff', { now: 1 });
		addRisk(old, { title: 'First' }, { now: 10 });
		addRisk(old, { title: 'Second' }, { now: 20 });
		await storeBoardIn(dataDir, keys.boardId, Y.encodeStateAsUpdate(old));
		server = await startServer({ dataDir });
		const reader = connect();
		await reader.synced();
		await waitFor(() => allNumbered(reader.doc, 2), 'the stored risks to be numbered');
		expect(numbers(reader.doc)).toEqual([
			['First', 1],
			['Second', 2]
		]);
	});
});
