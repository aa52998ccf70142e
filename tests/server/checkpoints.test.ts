import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { FailingStore } from '../helpers/failing-store.ts';
import { startInProcessServer, type InProcessServer } from '../helpers/in-process-server.ts';
import {
	makeDataDir,
	removeDataDir,
	runServerToExit,
	startServer,
	type TestServer
} from '../helpers/server.ts';
import { versionsApi } from '../helpers/versions-api.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

let server: TestServer | null = null;
let inProcess: InProcessServer | null = null;
let dataDir: string | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	if (server) {
		await server.stop();
		removeDataDir(server.dataDir);
		server = null;
	}
	await inProcess?.close();
	inProcess = null;
	if (dataDir) removeDataDir(dataDir);
	dataDir = null;
});

async function connect(syncUrl: string, boardId: string, key: string): Promise<TestClient> {
	const client = connectClient({ syncUrl }, boardId, key);
	clients.push(client);
	await client.synced();
	return client;
}

const probe = (doc: Y.Doc) => doc.getArray<string>('probe');

describe('automatic checkpoints', () => {
	it('checkpoint the first change of a board at once, as an automatic version by nobody', async () => {
		server = await startServer({ env: { CHECKPOINT_INTERVAL_MS: '3600000' } });
		const keys = await generateBoardKeys();
		const api = versionsApi(server.httpUrl, keys.boardId);
		const writer = await connect(server.syncUrl, keys.boardId, keys.editKey);
		expect(await api.versions(keys.viewKey)).toEqual([]);
		probe(writer.doc).push(['first']);
		await waitFor(async () => (await api.versions(keys.viewKey)).length === 1, 'a checkpoint');
		const [checkpoint] = await api.versions(keys.viewKey);
		expect(checkpoint).toMatchObject({
			kind: 'auto',
			label: 'Automatic checkpoint',
			createdBy: null
		});
		expect(probe(await api.doc(keys.viewKey, checkpoint!.id)).toArray()).toEqual(['first']);
		// Within the hour-long interval, further changes wait for the next checkpoint.
		probe(writer.doc).push(['second']);
		await sleep(300);
		expect(await api.versions(keys.viewKey)).toHaveLength(1);
	});

	it('checkpoint a board that keeps changing once per interval, each holding what came before', async () => {
		const intervalMs = 500;
		server = await startServer({ env: { CHECKPOINT_INTERVAL_MS: String(intervalMs) } });
		const keys = await generateBoardKeys();
		const api = versionsApi(server.httpUrl, keys.boardId);
		const writer = await connect(server.syncUrl, keys.boardId, keys.editKey);
		probe(writer.doc).push(['a']);
		await waitFor(async () => (await api.versions(keys.viewKey)).length === 1, 'the first');
		probe(writer.doc).push(['b']);
		probe(writer.doc).push(['c']);
		await waitFor(async () => (await api.versions(keys.viewKey)).length === 2, 'the second');
		const [second, first] = await api.versions(keys.viewKey);
		expect(second!.createdAt - first!.createdAt).toBeGreaterThanOrEqual(intervalMs);
		expect(probe(await api.doc(keys.viewKey, second!.id)).toArray()).toEqual(['a', 'b', 'c']);
		// Without changes, no checkpoint follows.
		await sleep(intervalMs * 3);
		expect(await api.versions(keys.viewKey)).toHaveLength(2);
	});

	it('leave the day’s first checkpoint alone after a restart, until the interval has passed', async () => {
		dataDir = makeDataDir();
		const env = { CHECKPOINT_INTERVAL_MS: '3600000' };
		server = await startServer({ dataDir, env });
		const keys = await generateBoardKeys();
		let api = versionsApi(server.httpUrl, keys.boardId);
		let writer = await connect(server.syncUrl, keys.boardId, keys.editKey);
		probe(writer.doc).push(['before restart']);
		await waitFor(async () => (await api.versions(keys.viewKey)).length === 1, 'a checkpoint');
		for (const client of clients.splice(0)) client.destroy();
		await server.stop();
		server = await startServer({ dataDir, env });
		api = versionsApi(server.httpUrl, keys.boardId);
		writer = await connect(server.syncUrl, keys.boardId, keys.editKey);
		probe(writer.doc).push(['after restart']);
		await sleep(300);
		expect(await api.versions(keys.viewKey)).toHaveLength(1);
		await server.stop();
		removeDataDir(dataDir);
		server = null;
	});

	it('relay every update, in order, while checkpoints hang or fail', async () => {
		dataDir = makeDataDir();
		const store = new FailingStore(new SqliteStore({ dataDir }));
		inProcess = await startInProcessServer(store, { CHECKPOINT_INTERVAL_MS: '100' });
		const keys = await generateBoardKeys();
		const writer = await connect(inProcess.syncUrl, keys.boardId, keys.editKey);
		const witness = await connect(inProcess.syncUrl, keys.boardId, keys.viewKey);
		// Each update the witness applies must add exactly the next entry: an update relayed out
		// of order would wait in Yjs for the one before and then land with it.
		const seen: number[] = [];
		witness.doc.on('update', () => seen.push(probe(witness.doc).length));
		const write = async (mode: 'stall' | 'fail', from: number) => {
			store.breakVersionSaves(mode);
			const savesBefore = store.versionSavesStarted;
			for (let i = from; i < from + 100; i++) probe(writer.doc).push([`entry ${i}`]);
			await waitFor(() => probe(witness.doc).length === from + 100, 'every entry to arrive');
			await waitFor(() => store.versionSavesStarted > savesBefore, 'a checkpoint to start');
		};
		// A failed checkpoint lets the next change try again; a hung one holds only that board's
		// later checkpoints, never its relays.
		await write('fail', 0);
		await write('stall', 100);
		probe(writer.doc).push(['last']);
		await waitFor(() => probe(witness.doc).length === 201, 'the last entry');
		expect(seen).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
		expect(probe(witness.doc).toArray()).toEqual(probe(writer.doc).toArray());
	});
});

describe('CHECKPOINT_INTERVAL_MS', () => {
	it.each(['50', 'often', '700000000'])('stops the server with one line for %s', async (value) => {
		const { code, output } = await runServerToExit({
			HOST: '127.0.0.1',
			PORT: '0',
			CHECKPOINT_INTERVAL_MS: value
		});
		expect(code).toBe(1);
		expect(output.trim().split('\n')).toEqual([
			expect.stringContaining(
				`charter: Invalid CHECKPOINT_INTERVAL_MS="${value}": expected an integer from 100 to 604800000`
			)
		]);
	});
});
