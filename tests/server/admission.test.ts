import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseReason, encodeSync, SyncStep } from '../../server/sync/protocol.ts';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { waitingUpdates } from '../helpers/hostile-updates.ts';
import { metricValue } from '../helpers/metrics.ts';
import { isSyncFrame, ProtocolSocket, updateOf } from '../helpers/protocol-client.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let server: TestServer | null = null;
const sockets: ProtocolSocket[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.terminate();
	for (const client of clients.splice(0)) client.destroy();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

async function open(keys: BoardKeys, key = keys.editKey): Promise<ProtocolSocket> {
	const socket = await ProtocolSocket.open(server!.syncUrl, keys.boardId, key);
	sockets.push(socket);
	await socket.greeted();
	return socket;
}

/** The update a change makes to `doc`. */
function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	change(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

/** What a fresh client gets for the board. */
async function boardAsServed(keys: BoardKeys): Promise<Y.Doc> {
	const client = connectClient(server!, keys.boardId, keys.viewKey);
	clients.push(client);
	await client.synced();
	return client.doc;
}

describe('update admission', () => {
	it('refuses an update with more structs than MAX_UPDATE_STRUCTS (4400), nested types past MAX_TYPE_DEPTH (4422), and keeps what came before', async () => {
		server = await startServer({ env: { MAX_UPDATE_STRUCTS: '500' } });
		const keys = await generateBoardKeys();
		const doc = new Y.Doc();
		const editor = await open(keys);
		editor.send(
			encodeSync(
				SyncStep.update,
				changeOf(doc, (d) => d.getMap('meta').set('title', 'Kept'))
			)
		);
		await editor.roundTrip();
		const scattered = changeOf(doc, (d) =>
			d.transact(() => {
				for (let i = 0; i < 600; i++) d.getText('notes').insert(0, 'x');
			})
		);
		editor.send(encodeSync(SyncStep.update, scattered));
		expect(await editor.closed).toMatchObject({
			code: CloseReason.updateTooLarge.code,
			reason: CloseReason.updateTooLarge.reason
		});

		const deep = new Y.Doc();
		const nested = changeOf(deep, (d) =>
			d.transact(() => {
				let parent: Y.XmlText | null = null;
				for (let i = 0; i < 40; i++) {
					const text = new Y.XmlText();
					if (parent) parent.insertEmbed(0, text);
					else d.getMap('charter').set('background', text);
					parent = text;
				}
			})
		);
		const nester = await open(keys);
		nester.send(encodeSync(SyncStep.update, nested));
		expect((await nester.closed).code).toBe(CloseReason.tooDeep.code);

		expect(
			await metricValue(server, 'charter_rejected_total', { reason: 'too_many_structs' })
		).toBe(1);
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'too_deep' })).toBe(1);
		const served = await boardAsServed(keys);
		expect(served.getMap('meta').get('title')).toBe('Kept');
		expect(served.getText('notes').length).toBe(0);
		expect(served.getMap('charter').size).toBe(0);
	});

	it('tells a stock y-websocket client that the board is full (4413), keeps everything accepted before, and still takes deletions', async () => {
		server = await startServer({ env: { MAX_BOARD_BYTES: String(80 * 1024) } });
		const keys = await generateBoardKeys();
		const writer = connectClient(server, keys.boardId, keys.editKey);
		clients.push(writer);
		const closed: Array<{ code: number; reason: string }> = [];
		writer.provider.on('closed', (event) => closed.push(event));
		await writer.synced();
		// Ten updates of ~10 KB, each its own message: the board fills up part way.
		const notes = writer.doc.getArray<string>('notes');
		for (let i = 0; i < 10; i++) notes.push([`${i}:${'x'.repeat(10_000)}`]);
		await waitFor(() => closed.length > 0, 'the writer to be told the board is full');
		expect(closed[0]).toEqual({
			code: CloseReason.boardFull.code,
			reason: 'this board is full'
		});
		const accepted = (await boardAsServed(keys)).getArray<string>('notes').toArray();
		expect(accepted.length).toBeGreaterThanOrEqual(6);
		expect(accepted.length).toBeLessThan(10);
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'board_full' })).toBe(1);

		// Another editor that deletes gets through, and the board is smaller for it.
		const cleaner = connectClient(server, keys.boardId, keys.editKey);
		clients.push(cleaner);
		await cleaner.synced();
		cleaner.doc.getArray('notes').delete(0, 3);
		await waitFor(
			async () => (await boardAsServed(keys)).getArray('notes').length === accepted.length - 3,
			'the deletion to be stored'
		);
		expect(cleaner.provider.wsconnected).toBe(true);
		// Restarted, the board holds what was accepted, less what was deleted.
		await server.stop();
		server = await startServer({ dataDir: server.dataDir });
		expect((await boardAsServed(keys)).getArray<string>('notes').toArray()).toEqual(
			accepted.slice(3)
		);
	});

	it('closes a connection whose updates keep the event loop busy past APPLY_BUDGET_MS with 4429', async () => {
		server = await startServer({
			env: { APPLY_BUDGET_MS: '20', APPLY_MS_PER_SECOND: '1', MAX_UPDATE_EXPANSION: '1000' }
		});
		const keys = await generateBoardKeys();
		const busy = await open(keys);
		const healthy = await open(keys);
		const doc = new Y.Doc();
		let closed = null;
		for (let round = 0; round < 50 && !closed; round++) {
			// Thousands of small structs in one update: each costs real work to integrate.
			const update = changeOf(doc, (d) =>
				d.transact(() => {
					for (let i = 0; i < 3_000; i++) d.getArray('list').insert(0, [i]);
				})
			);
			busy.send(encodeSync(SyncStep.update, update));
			closed = await busy.closedWithin(200);
		}
		expect(closed).toMatchObject({ code: 4429, reason: CloseReason.applyBudget.reason });
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'apply_budget' })).toBe(1);
		expect(await healthy.roundTrip()).toBeGreaterThan(0);
	});
});

describe('waiting (pending) updates', () => {
	it('holds an update whose dependency has not arrived, and applies, stores and relays it once it has', async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const source = new Y.Doc();
		const first = changeOf(source, (d) => d.getText('notes').insert(0, 'first '));
		const second = changeOf(source, (d) => d.getText('notes').insert(6, 'second'));
		const early = await open(keys);
		const late = await open(keys);
		const watcher = await open(keys, keys.viewKey);
		// Two tabs of one browser: the second's change reaches the server before the first's.
		early.send(encodeSync(SyncStep.update, second));
		await early.roundTrip();
		const fresh = await boardAsServed(keys);
		expect(fresh.getText('notes').toString()).toBe('');
		const relayed = watcher.next((frame) => isSyncFrame(frame, SyncStep.update));
		late.send(encodeSync(SyncStep.update, first));
		await late.roundTrip();
		await relayed;
		await waitFor(() => fresh.getText('notes').toString() === 'first second', 'both to arrive');
		await server.stop();
		server = await startServer({ dataDir: server.dataDir });
		expect((await boardAsServed(keys)).getText('notes').toString()).toBe('first second');
	});

	it("drops a sender's waiting updates when it leaves; it sends them again when it reconnects", async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const [waiting] = waitingUpdates(1, 1_000);
		const sender = await open(keys);
		sender.send(encodeSync(SyncStep.update, waiting!));
		await sender.roundTrip();
		sender.terminate();
		// A full sync of the board is what honest clients wrote: nothing waiting in it.
		const reader = await open(keys, keys.viewKey);
		const reply = reader.next((frame) => isSyncFrame(frame, SyncStep.step2));
		reader.send(encodeSync(SyncStep.step1, Uint8Array.of(0)));
		expect(updateOf(await reply).length).toBeLessThan(10);
	});
});
