import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, upgradeStatus, type TestClient } from '../helpers/clients.ts';
import { metricValue } from '../helpers/metrics.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

let servers: TestServer[] = [];
let clients: TestClient[] = [];

async function server(options: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
	const started = await startServer(options);
	servers.push(started);
	return started;
}

async function client(at: TestServer, boardId: string, key: string): Promise<TestClient> {
	const connected = connectClient(at, boardId, key);
	clients.push(connected);
	await connected.synced();
	return connected;
}

const titleOf = (doc: Y.Doc) => doc.getMap('meta').get('title');
const risksOf = (doc: Y.Doc) => doc.getArray<string>('probe').toArray();

afterEach(async () => {
	for (const connected of clients) connected.destroy();
	await Promise.all(servers.map((running) => running.kill()));
	for (const dir of new Set(servers.map((running) => running.dataDir))) removeDataDir(dir);
	servers = [];
	clients = [];
});

describe('sync server', () => {
	let keys: BoardKeys;
	it('lets two editors converge on one board', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const alice = await client(running, keys.boardId, keys.editKey);
		const bob = await client(running, keys.boardId, keys.editKey);
		alice.doc.getMap('meta').set('title', 'Kickoff');
		bob.doc.getArray<string>('probe').push(['from bob']);
		await waitFor(() => titleOf(bob.doc) === 'Kickoff', 'bob to see the title');
		await waitFor(() => risksOf(alice.doc).length === 1, 'alice to see the entry');
		expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc));
	});

	it('sends a viewer the board but drops its writes: no client and no store gets them', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const editor = await client(running, keys.boardId, keys.editKey);
		editor.doc.getMap('meta').set('title', 'Visible');
		const viewer = await client(running, keys.boardId, keys.viewKey);
		await waitFor(() => titleOf(viewer.doc) === 'Visible', 'the viewer to read the board');

		const rejectedBefore = await metricValue(running, 'charter_rejected_total', {
			reason: 'read_only'
		});
		viewer.doc.getMap('meta').set('title', 'Defaced');
		await waitFor(
			async () =>
				(await metricValue(running, 'charter_rejected_total', { reason: 'read_only' })) >
				rejectedBefore,
			'the server to drop the viewer update'
		);
		const otherViewer = await client(running, keys.boardId, keys.viewKey);
		await sleep(200);
		expect(titleOf(editor.doc)).toBe('Visible');
		expect(titleOf(otherViewer.doc)).toBe('Visible');

		await running.stop();
		const restarted = await server({ dataDir: running.dataDir });
		const fresh = await client(restarted, keys.boardId, keys.editKey);
		expect(titleOf(fresh.doc)).toBe('Visible');
	});

	it('refuses an upgrade without a key or with a key of another board with 401', async () => {
		keys = await generateBoardKeys();
		const other = await generateBoardKeys();
		const running = await server();
		const url = `${running.syncUrl}/${keys.boardId}`;
		expect((await upgradeStatus(url, ['charter.v1'])).status).toBe(401);
		expect((await upgradeStatus(url, ['charter.v1', `key.${other.editKey}`])).status).toBe(401);
		expect((await upgradeStatus(url, ['charter.v1', `key.${other.viewKey}`])).status).toBe(401);
		expect((await upgradeStatus(url, ['charter.v1', 'key.not-a-key'])).status).toBe(401);
		expect(await upgradeStatus(url, ['charter.v1', `key.${keys.viewKey}`])).toEqual({
			status: 101,
			protocol: 'charter.v1'
		});
		expect(await metricValue(running, 'charter_connections')).toBeLessThanOrEqual(1);
		expect(running.output()).not.toContain(other.editKey);
		expect(running.output()).not.toContain(keys.viewKey);
	});

	it('refuses an upgrade from a foreign browser origin with 403', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const url = `${running.syncUrl}/${keys.boardId}`;
		const protocols = ['charter.v1', `key.${keys.editKey}`];
		const foreign = await upgradeStatus(url, protocols, { origin: 'http://evil.example' });
		expect(foreign.status).toBe(403);
		const own = await upgradeStatus(url, protocols, { origin: running.httpUrl });
		expect(own.status).toBe(101);
	});

	it('gives the content back after a restart', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const writer = await client(running, keys.boardId, keys.editKey);
		writer.doc.getMap('meta').set('title', 'Survives restarts');
		for (let i = 0; i < 20; i++) writer.doc.getArray<string>('probe').push([`entry ${i}`]);
		const reader = await client(running, keys.boardId, keys.viewKey);
		await waitFor(() => risksOf(reader.doc).length === 20, 'the reader to see every entry');
		await running.stop();

		const restarted = await server({ dataDir: running.dataDir });
		const fresh = await client(restarted, keys.boardId, keys.viewKey);
		expect(titleOf(fresh.doc)).toBe('Survives restarts');
		expect(risksOf(fresh.doc)).toHaveLength(20);
	});

	it('keeps every update a peer received when the server is killed with SIGKILL', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const writer = await client(running, keys.boardId, keys.editKey);
		const witness = await client(running, keys.boardId, keys.editKey);
		for (let i = 0; i < 100; i++) writer.doc.getArray<string>('probe').push([`update ${i}`]);
		await waitFor(() => risksOf(witness.doc).length === 100, 'the witness to receive all');
		await running.kill();
		const seen = Y.encodeStateVector(witness.doc);

		const restarted = await server({ dataDir: running.dataDir });
		const fresh = await client(restarted, keys.boardId, keys.viewKey);
		expect(risksOf(fresh.doc)).toEqual(risksOf(witness.doc));
		expect(Y.encodeStateVector(fresh.doc)).toEqual(seen);
	});

	it('stores and relays edits of formatted rich text, which Yjs tidies in a transaction of its own', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const alice = await client(running, keys.boardId, keys.editKey);
		const bob = await client(running, keys.boardId, keys.editKey);
		const text = alice.doc.getMap('charter').set('background', new Y.XmlText());
		text.insert(0, 'plain ');
		text.insert(6, 'bold', { bold: true });
		text.format(0, 5, { italic: true });
		text.insert(10, ' tail', { bold: true });
		const bobText = () => bob.doc.getMap('charter').get('background') as Y.XmlText | undefined;
		await waitFor(
			() => JSON.stringify(bobText()?.toDelta()) === JSON.stringify(text.toDelta()),
			'bob to get every formatted edit'
		);

		await running.stop();
		const restarted = await server({ dataDir: running.dataDir });
		const fresh = await client(restarted, keys.boardId, keys.viewKey);
		const stored = fresh.doc.getMap('charter').get('background') as Y.XmlText;
		expect(stored.toDelta()).toEqual(text.toDelta());
	});

	it('closes only the connection that sends a malformed message', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const healthy = await client(running, keys.boardId, keys.editKey);
		const rogue = new WebSocket(`${running.syncUrl}/${keys.boardId}`, [
			'charter.v1',
			`key.${keys.editKey}`
		]);
		await new Promise((resolve) => rogue.once('open', resolve));
		const closed = new Promise<number>((resolve) => rogue.once('close', resolve));
		rogue.send(Uint8Array.of(0, 2, 200, 1, 7));
		expect(await closed).toBe(1002);

		const other = await client(running, keys.boardId, keys.editKey);
		healthy.doc.getMap('meta').set('title', 'Still here');
		await waitFor(() => titleOf(other.doc) === 'Still here', 'the others to go on syncing');
	});

	it('unloads a board shortly after its last connection leaves', async () => {
		keys = await generateBoardKeys();
		const running = await server();
		const only = await client(running, keys.boardId, keys.editKey);
		only.doc.getMap('meta').set('title', 'Unload me');
		await waitFor(async () => (await metricValue(running, 'charter_rooms_loaded')) === 1, 'load');
		only.provider.disconnect();
		await waitFor(
			async () => (await metricValue(running, 'charter_rooms_loaded')) === 0,
			'the board to unload'
		);
		const again = await client(running, keys.boardId, keys.viewKey);
		expect(titleOf(again.doc)).toBe('Unload me');
	});
});
