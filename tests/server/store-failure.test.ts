import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { encodeSync, SyncStep } from '../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { FailingStore } from '../helpers/failing-store.ts';
import { metricValue } from '../helpers/metrics.ts';
import { startInProcessServer, type InProcessServer } from '../helpers/in-process-server.ts';
import { isSyncFrame, ProtocolSocket } from '../helpers/protocol-client.ts';
import { makeDataDir, removeDataDir } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let server: InProcessServer | null = null;
let dataDir: string | null = null;
const clients: TestClient[] = [];
const sockets: ProtocolSocket[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	for (const socket of sockets.splice(0)) socket.terminate();
	await server?.close();
	server = null;
	if (dataDir) removeDataDir(dataDir);
	dataDir = null;
});

const entriesOf = (doc: Y.Doc) => doc.getArray<string>('probe').toArray();

describe('a failing store', () => {
	it('closes the connections of the board it failed with 1011 while other boards go on', async () => {
		dataDir = makeDataDir();
		const store = new FailingStore(new SqliteStore({ dataDir }));
		server = await startInProcessServer(store);
		const broken = await generateBoardKeys();
		const healthy = await generateBoardKeys();
		const connect = async (boardId: string, key: string) => {
			const client = connectClient(server!, boardId, key);
			clients.push(client);
			await client.synced();
			return client;
		};
		const writer = await connect(broken.boardId, broken.editKey);
		const witness = await ProtocolSocket.open(server.syncUrl, broken.boardId, broken.viewKey);
		sockets.push(witness);
		await witness.greeted();
		const alice = await connect(healthy.boardId, healthy.editKey);
		const bob = await connect(healthy.boardId, healthy.editKey);

		writer.doc.getArray<string>('probe').push(['stored']);
		await witness.next((frame) => isSyncFrame(frame, SyncStep.update));

		store.failAppends(broken.boardId);
		const relaysBefore = witness.received.filter((f) => isSyncFrame(f, SyncStep.update)).length;
		writer.doc.getArray<string>('probe').push(['not stored']);
		expect((await witness.closed).code).toBe(1011);
		// Durable before broadcast: the update that could not be stored reached nobody.
		expect(witness.received.filter((f) => isSyncFrame(f, SyncStep.update))).toHaveLength(
			relaysBefore
		);
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'store_failed' })).toBe(1);

		// The other board never noticed.
		alice.doc.getArray<string>('probe').push(['still syncing']);
		await waitFor(() => entriesOf(bob.doc).includes('still syncing'), 'bob to get alice’s edit');

		// Once the store works again, the writer's retry is stored and a fresh reader gets it.
		store.heal();
		const reader = connectClient(server, broken.boardId, broken.viewKey);
		clients.push(reader);
		await reader.synced();
		await waitFor(
			() => entriesOf(reader.doc).includes('not stored'),
			'the writer to resend what was not stored'
		);
		expect(entriesOf(reader.doc)).toEqual(['stored', 'not stored']);
		// Health follows the latest append (see store-health.test.ts): stored again, it is up.
		expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
	});

	it('closes a connection whose board cannot be loaded with 1011', async () => {
		dataDir = makeDataDir();
		const sqlite = new SqliteStore({ dataDir });
		server = await startInProcessServer(sqlite);
		const keys = await generateBoardKeys();
		await sqlite.close();
		const socket = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.editKey);
		sockets.push(socket);
		socket.send(encodeSync(SyncStep.step1, Uint8Array.of(0)));
		expect((await socket.closed).code).toBe(1011);
	});
});
