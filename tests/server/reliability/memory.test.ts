import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from '../../../server/sync/awareness.ts';
import { encodeAwareness, encodeSync, SyncStep } from '../../../server/sync/protocol.ts';
import { generateBoardKeys, type BoardKeys } from '../../../src/lib/sync/keys.ts';
import { reportFigure } from '../../helpers/figures.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { ProtocolSocket } from '../../helpers/protocol-client.ts';
import {
	collectGarbage,
	GC_ENV,
	removeDataDir,
	startServer,
	type TestServer
} from '../../helpers/server.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';

let server: TestServer | null = null;

afterEach(async () => {
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

const BOARDS = 1_000;
const CYCLES = 10_000;
const CONCURRENCY = 20;
const WARM_UP = 1_000;
const MiB = 1024 * 1024;

/** One visit: connect, sync, write, announce presence, wait for the answer, leave. */
async function visit(url: string, keys: BoardKeys, cycle: number): Promise<void> {
	const socket = await ProtocolSocket.open(url, keys.boardId, keys.editKey);
	await socket.greeted();
	const doc = new Y.Doc();
	doc.getArray<string>('visits').push([`visit ${cycle}`]);
	socket.send(encodeSync(SyncStep.update, Y.encodeStateAsUpdate(doc)));
	const state = JSON.stringify({ user: { name: `Visitor ${cycle}` } });
	socket.send(
		encodeAwareness(encodeAwarenessUpdate([{ clientId: doc.clientID, clock: 1, state }]))
	);
	await socket.roundTrip();
	socket.socket.close();
	await socket.closed;
}

/** `cycles` visits spread over `boards`, CONCURRENCY at a time. */
async function visitAll(url: string, boards: readonly BoardKeys[], cycles: number): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < cycles) {
				const cycle = next++;
				await visit(url, boards[cycle % boards.length]!, cycle);
			}
		})
	);
}

async function memory(at: TestServer) {
	return {
		rss: await metricValue(at, 'charter_process_process_resident_memory_bytes'),
		heap: await metricValue(at, 'charter_process_nodejs_heap_size_used_bytes')
	};
}

describe('figure: memory', () => {
	it('10,000 connect/disconnect cycles over 1,000 boards: every board unloads and memory returns', async () => {
		server = await startServer({ env: { ROOM_UNLOAD_DELAY_MS: '50', ...GC_ENV } });
		const boards = await Promise.all(Array.from({ length: BOARDS }, () => generateBoardKeys()));
		await collectGarbage(server);
		const atStart = await memory(server);
		// The first visits grow V8's heap and SQLite's cache to their working size once; a leak is
		// what keeps growing after that. RSS at the start of the process is reported too.
		await visitAll(server.syncUrl, boards, WARM_UP);
		await waitFor(
			async () => (await metricValue(server!, 'charter_rooms_loaded')) === 0,
			'warm-up'
		);
		await sleep(2_000);
		const before = await memory(server);

		let peakRooms = 0;
		let running = true;
		const sampling = (async () => {
			while (running) {
				peakRooms = Math.max(peakRooms, await metricValue(server!, 'charter_rooms_loaded'));
				await sleep(250);
			}
		})();
		await visitAll(server.syncUrl, boards, CYCLES);
		running = false;
		await sampling;
		const duringPeak = await memory(server);
		await waitFor(
			async () => (await metricValue(server!, 'charter_rooms_loaded')) === 0,
			'every board to unload',
			30_000
		);
		const connections = await metricValue(server, 'charter_connections');
		// Retained memory, not garbage V8 has not got round to collecting yet.
		await collectGarbage(server);
		await sleep(500);
		const after = await memory(server);
		const rooms = await metricValue(server, 'charter_rooms_loaded');

		const growth = after.rss / before.rss - 1;
		const pass = rooms === 0 && connections === 0 && growth <= 0.2;
		reportFigure({
			name: 'memory',
			measured:
				`${CYCLES.toLocaleString('en')} cycles over ${BOARDS.toLocaleString('en')} boards ` +
				`(up to ${peakRooms} loaded at once): rooms loaded back to ${rooms}, connections ${connections}; ` +
				`RSS ${(before.rss / MiB).toFixed(1)} MiB after ${WARM_UP.toLocaleString('en')} warm-up visits → ` +
				`${(after.rss / MiB).toFixed(1)} MiB (${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)}%; ` +
				`${(atStart.rss / MiB).toFixed(1)} MiB at process start, ${(duringPeak.rss / MiB).toFixed(1)} MiB at the end of the load); ` +
				`JS heap after a full collection ${(before.heap / MiB).toFixed(1)} → ${(after.heap / MiB).toFixed(1)} MiB ` +
				`(${(atStart.heap / MiB).toFixed(1)} MiB at process start)`,
			target: 'rooms loaded 0; RSS (after a full collection) within 20% of the warmed-up start',
			pass
		});
		expect(rooms).toBe(0);
		expect(connections).toBe(0);
		expect(growth).toBeLessThanOrEqual(0.2);
	}, 240_000);
});
