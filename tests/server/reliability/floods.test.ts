import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from '../../../server/sync/awareness.ts';
import { encodeAwareness, encodeSync, SyncStep } from '../../../server/sync/protocol.ts';
import { createBoard } from '../../../src/lib/board/index.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { reportFigure } from '../../helpers/figures.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { clientFrames, ProtocolSocket, type Closed } from '../../helpers/protocol-client.ts';
import {
	LATENCY_LOOSE_BOUND,
	LATENCY_TARGET,
	latencyRatio,
	latencyUnderLoad,
	measureLatencyRatio,
	startRttProbe,
	type RttProbe
} from '../../helpers/rtt.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer | null = null;
let probe: RttProbe | null = null;
const clients: TestClient[] = [];
const sockets: ProtocolSocket[] = [];

afterEach(async () => {
	await probe?.stop();
	probe = null;
	for (const client of clients.splice(0)) client.destroy();
	for (const socket of sockets.splice(0)) socket.terminate();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

const BURST = 20_000;
const ROUNDS = 27;
const BLOCKS = 9;
const PROBE_INTERVAL_MS = 6;

/** 20,000 valid messages: real edits, presence updates and sync requests, in turn. */
function floodFrames(): Uint8Array[] {
	const doc = new Y.Doc();
	const frames: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => frames.push(encodeSync(SyncStep.update, update)));
	const stateVector = encodeSync(SyncStep.step1, Uint8Array.of(0));
	for (let i = 0; frames.length < BURST; i++) {
		doc.getArray<number>('probe').push([i]);
		const state = JSON.stringify({ cursor: i });
		frames.push(
			encodeAwareness(encodeAwarenessUpdate([{ clientId: doc.clientID, clock: i + 1, state }]))
		);
		if (i % 2 === 0) frames.push(stateVector);
	}
	return frames.slice(0, BURST);
}

describe('figure: floods', () => {
	it('a burst of 20,000 valid messages closes that connection with 4429 while others keep their latency', async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const editor = connectClient(server, keys.boardId, keys.editKey, createBoard('kickoff'));
		clients.push(editor);
		await editor.synced();
		probe = await startRttProbe(server.syncUrl, keys.boardId, keys.viewKey, PROBE_INTERVAL_MS);
		const closes: Closed[] = [];
		const { ratio, text, attempts, withinTarget } = await measureLatencyRatio(async () => {
			// Fresh edits each attempt: a repeated burst would be duplicates the room ignores.
			const bursts = Array.from({ length: ROUNDS }, () => clientFrames(floodFrames()));
			const latency = await latencyUnderLoad(
				probe!,
				{ rounds: ROUNDS, quietMs: 400, settleMs: 100 },
				async (round) => {
					const flooder = await ProtocolSocket.open(server!.syncUrl, keys.boardId, keys.editKey);
					sockets.push(flooder);
					flooder.sendRaw(bursts[round]!);
					closes.push(await flooder.closed);
				}
			);
			return latencyRatio(latency, BLOCKS);
		});
		const codes = closes.map((closed) => closed.code);
		const limited = await metricValue(server, 'charter_rejected_total', { reason: 'rate_limited' });
		const pass =
			codes.every((code) => code === 4429) &&
			limited === ROUNDS * attempts &&
			withinTarget &&
			editor.provider.wsconnected;
		reportFigure({
			name: 'floods',
			measured:
				`${ROUNDS * attempts} bursts of ${BURST.toLocaleString('en')} valid messages, each closed with ` +
				`${[...new Set(codes)].join(', ')}; ${text}`,
			target: `each closed with 4429; p99 under attack ≤ ${LATENCY_TARGET}× quiet`,
			pass
		});
		expect(codes).toEqual(Array(ROUNDS * attempts).fill(4429));
		expect(limited).toBe(ROUNDS * attempts);
		expect(probe.errors()).toEqual([]);
		expect(editor.provider.wsconnected).toBe(true);
		expect(ratio).toBeLessThanOrEqual(LATENCY_LOOSE_BOUND);
	}, 300_000);
});
