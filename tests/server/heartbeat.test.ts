import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { encodeHeartbeat, encodeSync, MessageKind, SyncStep } from '../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { FailingStore } from '../helpers/failing-store.ts';
import { startInProcessServer, type InProcessServer } from '../helpers/in-process-server.ts';
import { metricValue } from '../helpers/metrics.ts';
import { isSyncFrame, ProtocolSocket } from '../helpers/protocol-client.ts';
import { makeDataDir, removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let servers: TestServer[] = [];
let inProcess: InProcessServer | null = null;
let failingStore: FailingStore | null = null;
let dataDirs: string[] = [];
const sockets: ProtocolSocket[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.terminate();
	for (const client of clients.splice(0)) client.destroy();
	await Promise.all(servers.map((running) => running.kill()));
	// A test that failed while the store stalled must not leave the server waiting on it.
	failingStore?.resumeAppends();
	failingStore = null;
	await inProcess?.close();
	inProcess = null;
	for (const dir of new Set([...servers.map((s) => s.dataDir), ...dataDirs])) removeDataDir(dir);
	servers = [];
	dataDirs = [];
});

async function server(options: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
	const started = await startServer(options);
	servers.push(started);
	return started;
}

async function socket(syncUrl: string, boardId: string, key: string): Promise<ProtocolSocket> {
	const opened = await ProtocolSocket.open(syncUrl, boardId, key);
	sockets.push(opened);
	await opened.greeted();
	return opened;
}

const isHeartbeat = (frame: Uint8Array) => frame[0] === MessageKind.heartbeat;
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** `count` updates, each adding one entry to the board's probe array, as separate messages. */
function entryUpdates(count: number): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(encodeSync(SyncStep.update, update)));
	for (let i = 0; i < count; i++) doc.getArray<number>('probe').push([i]);
	doc.destroy();
	return updates;
}

describe('heartbeat', () => {
	it('is answered with the same id, to the asker only, and counted', async () => {
		const keys = await generateBoardKeys();
		const running = await server();
		const asker = await socket(running.syncUrl, keys.boardId, keys.editKey);
		const other = await socket(running.syncUrl, keys.boardId, keys.editKey);
		for (const id of [1, 2 ** 31 + 5]) {
			const answer = asker.next(isHeartbeat);
			asker.send(encodeHeartbeat(id));
			expect(sameBytes(await answer, encodeHeartbeat(id))).toBe(true);
		}
		// A round trip of the other socket after the answers: nothing was sent to it meanwhile.
		await other.roundTrip();
		expect(other.received.filter(isHeartbeat)).toEqual([]);
		expect(await metricValue(running, 'charter_messages_total', { type: 'heartbeat' })).toBe(2);
	});

	it('answers a viewer too: it proves the connection is alive', async () => {
		const keys = await generateBoardKeys();
		const running = await server();
		const viewer = await socket(running.syncUrl, keys.boardId, keys.viewKey);
		const answer = viewer.next(isHeartbeat);
		viewer.send(encodeHeartbeat(9));
		expect(sameBytes(await answer, encodeHeartbeat(9))).toBe(true);
	});

	it('leaves a stock y-websocket client untouched: it syncs and never receives a heartbeat', async () => {
		const keys = await generateBoardKeys();
		const running = await server();
		const stock = connectClient(running, keys.boardId, keys.editKey);
		clients.push(stock);
		await stock.synced();
		const frames: Uint8Array[] = [];
		stock.provider.ws?.addEventListener('message', (event: { data: unknown }) => {
			frames.push(new Uint8Array(event.data as ArrayBuffer));
		});
		const asker = await socket(running.syncUrl, keys.boardId, keys.editKey);
		for (const update of entryUpdates(3)) asker.send(update);
		const answered = asker.next(isHeartbeat);
		asker.send(encodeHeartbeat(1));
		await answered;
		await waitFor(() => stock.doc.getArray('probe').length === 3, 'the stock client to sync');
		expect(frames.filter(isHeartbeat)).toEqual([]);
		stock.doc.getArray<number>('probe').push([99]);
		await waitFor(
			() => asker.received.some((frame) => isSyncFrame(frame, SyncStep.update)),
			'the stock client’s edit to be relayed'
		);
	});

	it('closes a connection that sends a malformed heartbeat with 1002, and only that one', async () => {
		const keys = await generateBoardKeys();
		const running = await server();
		const bystander = await socket(running.syncUrl, keys.boardId, keys.editKey);
		const truncated = await socket(running.syncUrl, keys.boardId, keys.editKey);
		truncated.send(Uint8Array.of(MessageKind.heartbeat));
		const trailing = await socket(running.syncUrl, keys.boardId, keys.editKey);
		trailing.send(Uint8Array.of(MessageKind.heartbeat, 1, 0));
		expect((await truncated.closed).code).toBe(1002);
		expect((await trailing.closed).code).toBe(1002);
		const answer = bystander.next(isHeartbeat);
		bystander.send(encodeHeartbeat(3));
		await answer;
		expect(bystander.open).toBe(true);
	});

	it('is answered only once the updates sent before it are durable: a crash after the answer loses none', async () => {
		const keys = await generateBoardKeys();
		const dataDir = makeDataDir();
		const first = await server({ dataDir });
		const writer = await socket(first.syncUrl, keys.boardId, keys.editKey);
		for (const update of entryUpdates(200)) writer.send(update);
		const answer = writer.next(isHeartbeat, 15_000);
		writer.send(encodeHeartbeat(42));
		await answer;
		await first.kill();

		const second = await server({ dataDir, port: first.port });
		const reader = connectClient(second, keys.boardId, keys.viewKey);
		clients.push(reader);
		await reader.synced();
		expect(reader.doc.getArray<number>('probe').length).toBe(200);
	});
});

describe('heartbeat over a store that stalls (in process)', () => {
	it('waits for the store write queued before it, and goes out once that write is done', async () => {
		const dataDir = makeDataDir();
		dataDirs.push(dataDir);
		const store = new FailingStore(new SqliteStore({ dataDir }));
		failingStore = store;
		inProcess = await startInProcessServer(store);
		const keys = await generateBoardKeys();
		const writer = await socket(inProcess.syncUrl, keys.boardId, keys.editKey);
		const otherBoard = await generateBoardKeys();
		const elsewhere = await socket(inProcess.syncUrl, otherBoard.boardId, otherBoard.editKey);

		store.stallAppends();
		let appendsWhenAnswered = -1;
		const answered = writer.next(isHeartbeat).then(() => {
			appendsWhenAnswered = store.completedAppends;
		});
		writer.send(entryUpdates(1)[0]!);
		writer.send(encodeHeartbeat(1));
		// A board with nothing queued answers at once, so the server has handled what came before.
		const elsewhereAnswer = elsewhere.next(isHeartbeat);
		elsewhere.send(encodeHeartbeat(2));
		await elsewhereAnswer;
		expect(writer.received.some(isHeartbeat)).toBe(false);
		store.resumeAppends();
		await answered;
		// The answer went out after the append had finished, never before.
		expect(appendsWhenAnswered).toBe(1);
	});
});
