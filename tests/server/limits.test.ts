import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from '../../server/sync/awareness.ts';
import { encodeAwareness, encodeSync, SyncStep } from '../../server/sync/protocol.ts';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { metricValue } from '../helpers/metrics.ts';
import { ProtocolSocket } from '../helpers/protocol-client.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

let server: TestServer | null = null;
const sockets: ProtocolSocket[] = [];

afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.terminate();
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

/** An update that adds one entry to a scratch doc: a real edit, `bytes` long or so. */
function edit(bytes = 16): Uint8Array {
	const doc = new Y.Doc();
	doc.getArray('probe').push(['x'.repeat(bytes)]);
	return Y.encodeStateAsUpdate(doc);
}

describe('connection limits', () => {
	it('closes a connection that sends a message over MAX_MESSAGE_BYTES with 1009', async () => {
		server = await startServer({ env: { MAX_MESSAGE_BYTES: '65536' } });
		const keys = await generateBoardKeys();
		const big = await open(keys);
		const healthy = await open(keys);
		big.send(encodeSync(SyncStep.update, edit(70_000)));
		expect((await big.closed).code).toBe(1009);
		expect(await healthy.roundTrip()).toBeGreaterThan(0);
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'too_large' })).toBe(1);
	});

	it('closes a connection over its message budget with 4429 and leaves the others alone', async () => {
		server = await startServer({
			env: { RATE_MESSAGES_BURST: '50', RATE_MESSAGES_PER_SECOND: '10' }
		});
		const keys = await generateBoardKeys();
		const flooder = await open(keys);
		const healthy = await open(keys);
		const step1 = encodeSync(SyncStep.step1, Uint8Array.of(0));
		for (let i = 0; i < 100; i++) flooder.send(step1);
		expect((await flooder.closed).code).toBe(4429);
		expect(await healthy.roundTrip()).toBeGreaterThan(0);
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'rate_limited' })).toBe(1);
	});

	it('refills the message budget over time, so a steady client is never closed', async () => {
		server = await startServer({
			env: { RATE_MESSAGES_BURST: '20', RATE_MESSAGES_PER_SECOND: '100' }
		});
		const keys = await generateBoardKeys();
		const steady = await open(keys);
		// 60 round trips, far more than the burst, at a pace the refill covers.
		for (let i = 0; i < 60; i++) {
			await steady.roundTrip();
			await sleep(15);
		}
		expect(steady.open).toBe(true);
	});

	it('closes a connection over its byte budget with 4429', async () => {
		server = await startServer({
			env: {
				MAX_MESSAGE_BYTES: '16384',
				RATE_BYTES_BURST: '65536',
				RATE_BYTES_PER_SECOND: '1024'
			}
		});
		const keys = await generateBoardKeys();
		const heavy = await open(keys);
		for (let i = 0; i < 8; i++) heavy.send(encodeSync(SyncStep.update, edit(12_000)));
		expect((await heavy.closed).code).toBe(4429);
	});

	it('charges every sync reply after the first to the byte budget of the connection that asked for it', async () => {
		server = await startServer({
			env: { MAX_MESSAGE_BYTES: '16384', RATE_BYTES_BURST: '65536', RATE_BYTES_PER_SECOND: '1024' }
		});
		const keys = await generateBoardKeys();
		const writer = await open(keys);
		writer.send(encodeSync(SyncStep.update, edit(10_000)));
		// The reply comes after the update is stored.
		await writer.roundTrip();
		const asker = await open(keys, keys.viewKey);
		// Each empty state vector asks for the whole 10 kB board: a small request, a big answer.
		for (let i = 0; i < 10; i++) asker.send(encodeSync(SyncStep.step1, Uint8Array.of(0)));
		expect((await asker.closed).code).toBe(4429);
	});

	it('closes a text frame with 1003 and invalid UTF-8 with 1007', async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const texter = await open(keys);
		texter.send('hello', false);
		expect((await texter.closed).code).toBe(1003);
		const broken = await open(keys);
		broken.send(Uint8Array.of(0xc3, 0x28, 0xff), false);
		expect((await broken.closed).code).toBe(1007);
	});
});

describe('room limits', () => {
	it('closes a connection past MAX_CONNECTIONS_PER_ROOM with 1013; other boards are not affected', async () => {
		server = await startServer({ env: { MAX_CONNECTIONS_PER_ROOM: '3' } });
		const keys = await generateBoardKeys();
		const other = await generateBoardKeys();
		const members = [await open(keys), await open(keys), await open(keys, keys.viewKey)];
		const extra = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.editKey);
		sockets.push(extra);
		expect((await extra.closed).code).toBe(1013);
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'room_full' })).toBe(1);
		const elsewhere = await open(other);
		expect(await elsewhere.roundTrip()).toBeGreaterThan(0);

		members[0]!.terminate();
		await waitFor(async () => (await metricValue(server!, 'charter_connections')) === 3, 'a leave');
		const next = await open(keys);
		expect(await next.roundTrip()).toBeGreaterThan(0);
	});

	it('closes a peer that stops reading with 1013 once more than MAX_BUFFERED_BYTES wait for it', async () => {
		server = await startServer({ env: { MAX_BUFFERED_BYTES: '65536' } });
		const keys = await generateBoardKeys();
		const writer = await open(keys);
		const stalled = await open(keys, keys.viewKey);
		const reader = await open(keys, keys.viewKey);
		stalled.socket.pause();
		// 400 updates of 20 kB: about 8 MB relayed, more than the kernel buffers of a loopback socket.
		let relayed = 0;
		reader.socket.on('message', () => relayed++);
		for (let i = 0; i < 400; i++) {
			writer.send(encodeSync(SyncStep.update, edit(20_000)));
			if (i % 50 === 49) await sleep(50);
		}
		await waitFor(
			async () =>
				(await metricValue(server!, 'charter_rejected_total', { reason: 'slow_consumer' })) === 1,
			'the server to give up on the stalled peer'
		);
		stalled.socket.resume();
		expect((await stalled.closed).code).toBe(1013);
		await waitFor(() => relayed >= 400, 'the reading peer to get every update');
		expect(writer.open && reader.open).toBe(true);
	});
});

describe('heartbeat', () => {
	it('terminates a peer that does not answer pings and keeps one that does', async () => {
		server = await startServer({ env: { HEARTBEAT_MS: '200' } });
		const keys = await generateBoardKeys();
		const silent = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.editKey, {
			autoPong: false
		});
		sockets.push(silent);
		const answering = await open(keys);
		const closed = await silent.closedWithin(3_000);
		expect(closed?.code).toBe(1006);
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'no_heartbeat' })).toBe(1);
		await sleep(600);
		expect(answering.open).toBe(true);
	});
});

describe('awareness limits', () => {
	it('drops a presence state over MAX_AWARENESS_STATE_BYTES and relays one under it', async () => {
		server = await startServer({ env: { MAX_AWARENESS_STATE_BYTES: '1024' } });
		const keys = await generateBoardKeys();
		const sender = await open(keys);
		const observer = await open(keys, keys.viewKey);
		const state = (size: number) => JSON.stringify({ user: { name: 'n'.repeat(size) } });
		sender.send(
			encodeAwareness(encodeAwarenessUpdate([{ clientId: 7, clock: 1, state: state(2000) }]))
		);
		sender.send(
			encodeAwareness(encodeAwarenessUpdate([{ clientId: 8, clock: 1, state: state(100) }]))
		);
		await observer.next((frame) => frame[0] === 1);
		expect(
			await metricValue(server, 'charter_rejected_total', { reason: 'awareness_too_large' })
		).toBe(1);
		const relayed = observer.received.filter((frame) => frame[0] === 1);
		expect(relayed).toHaveLength(1);
		expect(Buffer.from(relayed[0]!).toString()).toContain('n'.repeat(100));
		expect(sender.open).toBe(true);
	});

	it('lets one connection own only a few client ids', async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const sender = await open(keys);
		const entries = Array.from({ length: 20 }, (_, i) => ({
			clientId: 100 + i,
			clock: 1,
			state: '{}'
		}));
		sender.send(encodeAwareness(encodeAwarenessUpdate(entries)));
		await waitFor(
			async () =>
				(await metricValue(server!, 'charter_rejected_total', {
					reason: 'awareness_too_many_ids'
				})) === 12,
			'the ids past the eighth to be dropped'
		);
	});

	it('relays presence at most once per AWARENESS_RELAY_MS, with the latest state', async () => {
		server = await startServer({ env: { AWARENESS_RELAY_MS: '100' } });
		const keys = await generateBoardKeys();
		const chatty = await open(keys);
		const observer = await open(keys, keys.viewKey);
		const start = performance.now();
		for (let clock = 1; clock <= 200; clock++) {
			const state = JSON.stringify({ cursor: clock });
			chatty.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 42, clock, state }])));
			if (clock % 20 === 0) await sleep(10);
		}
		await waitFor(
			() => observer.received.some((frame) => Buffer.from(frame).includes('"cursor":200')),
			'the latest state to be relayed'
		);
		const elapsed = performance.now() - start;
		const relays = observer.received.filter((frame) => frame[0] === 1).length;
		expect(relays).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
		expect(relays).toBeLessThan(20);
	});
});
