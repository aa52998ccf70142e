// Attack 4 of issue 14: one client could create thousands of boards (board ids derive from any
// random key), with no quota per address or in total, so disk and memory grew without bound.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../../server/store/sqlite.ts';
import { CloseReason, encodeSync, SyncStep } from '../../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import {
	attackFromLowerPriority,
	readHonestEdits,
	restart,
	sampleRss,
	startHonestTraffic,
	type HonestTraffic,
	type RssSampler
} from '../../helpers/abuse.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { reportFigure } from '../../helpers/figures.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { ProtocolSocket } from '../../helpers/protocol-client.ts';
import {
	latencyRatio,
	measureLatencyRatio,
	latencyUnderLoad,
	startRttProbe,
	type RttProbe
} from '../../helpers/rtt.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';
import { waitFor } from '../../helpers/wait.ts';

let server: TestServer | null = null;
let probe: RttProbe | null = null;
let honest: HonestTraffic | null = null;
let rss: RssSampler | null = null;
const sockets: ProtocolSocket[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
	rss?.stop();
	await probe?.stop();
	probe = null;
	honest?.destroy();
	honest = null;
	for (const socket of sockets.splice(0)) socket.terminate();
	for (const client of clients.splice(0)) client.destroy();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

const ROUNDS = 18;
const BLOCKS = 9;
const BOARDS_PER_ROUND = 12;
const PER_ADDRESS = 20;
const MAX_BOARDS = 100;
/** The attacker moves to a new address after this many boards (it has a few to hand). */
const BOARDS_PER_ADDRESS_USED = 30;

/** Creates a board from `address` (behind the trusted proxy): 'stored', or the close code. */
async function createBoard(at: TestServer, address: string): Promise<'stored' | number> {
	const keys = await generateBoardKeys();
	const socket = await ProtocolSocket.open(at.syncUrl, keys.boardId, keys.editKey, {
		headers: { 'x-forwarded-for': address }
	});
	sockets.push(socket);
	await socket.greeted();
	const doc = new Y.Doc();
	doc.getMap('meta').set('title', `Board from ${address}`);
	socket.send(encodeSync(SyncStep.update, Y.encodeStateAsUpdate(doc)));
	// The reply to sync step 1 is sent once the update before it is stored.
	const stored = socket.roundTrip().then(
		() => 'stored' as const,
		() => null
	);
	const closed = socket.closed.then((close) => close.code);
	const outcome = (await Promise.race([stored, closed])) ?? (await closed);
	socket.terminate();
	return outcome;
}

/** Boards the store holds, read from the server's database while it runs (WAL). */
async function storedBoards(at: TestServer): Promise<number> {
	const store = new SqliteStore({ dataDir: at.dataDir });
	try {
		return await store.countBoards();
	} finally {
		await store.close();
	}
}

describe('abuse: boards', () => {
	it('refuses new boards past BOARDS_PER_ADDRESS_PER_HOUR (4529) and MAX_BOARDS (4507); existing boards carry on', async () => {
		server = await startServer({
			env: {
				TRUST_PROXY: 'true',
				BOARDS_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS),
				MAX_BOARDS: String(MAX_BOARDS)
			}
		});
		const attacked = await generateBoardKeys();
		const other = await generateBoardKeys();
		honest = await startHonestTraffic(server, [attacked, other]);
		probe = await startRttProbe(server.syncUrl, attacked.boardId, attacked.viewKey, 6);
		attackFromLowerPriority();
		rss = sampleRss(server.pid);
		const outcomes: Array<'stored' | number> = [];
		const { ratio, text } = await measureLatencyRatio(async () => {
			const latency = await latencyUnderLoad(
				probe!,
				{ rounds: ROUNDS, quietMs: 400, settleMs: 100 },
				async () => {
					for (let i = 0; i < BOARDS_PER_ROUND; i++) {
						const address = `203.0.113.${1 + Math.floor(outcomes.length / BOARDS_PER_ADDRESS_USED)}`;
						outcomes.push(await createBoard(server!, address));
					}
				}
			);
			return latencyRatio(latency, BLOCKS);
		});
		rss.stop();
		const probeErrors = probe.errors();
		await probe.stop();
		probe = null;
		const edits = await honest.stop();
		const disconnects = honest.disconnects();
		const boards = await storedBoards(server);
		// A new honest board is refused too once the server is full, and its client is told why.
		const latecomer = await generateBoardKeys();
		const lateClient = connectClient(server, latecomer.boardId, latecomer.editKey);
		clients.push(lateClient);
		const lateCodes: number[] = [];
		lateClient.provider.on('connection-close', (event) => {
			if (event) lateCodes.push(event.code);
		});
		lateClient.doc.getMap('meta').set('title', 'Too late');
		await waitFor(() => lateCodes.length > 0, 'the latecomer to be refused');
		const refusedFull = await metricValue(server, 'charter_rejected_total', {
			reason: 'too_many_boards'
		});
		const refusedPerAddress = await metricValue(server, 'charter_rejected_total', {
			reason: 'boards_per_address'
		});
		lateClient.destroy();

		expect(await readHonestEdits(server, [attacked, other])).toEqual(edits);
		server = await restart(server, {
			env: { TRUST_PROXY: 'true', MAX_BOARDS: String(MAX_BOARDS) }
		});
		const afterRestart = await readHonestEdits(server, [attacked, other]);

		const count = (outcome: 'stored' | number) => outcomes.filter((o) => o === outcome).length;
		const created = count('stored');
		const perAddress = count(CloseReason.boardsPerAddress.code);
		const full = count(CloseReason.tooManyBoards.code);
		const expected = expectedOutcomes(outcomes.length);
		const pass =
			created === expected.created &&
			boards === MAX_BOARDS &&
			disconnects === 0 &&
			lateCodes[0] === CloseReason.tooManyBoards.code &&
			ratio <= 2;
		reportFigure({
			name: 'boards flood',
			measured:
				`${outcomes.length} boards asked from ${Math.ceil(outcomes.length / BOARDS_PER_ADDRESS_USED)} addresses: ` +
				`${created} created, ${perAddress} refused with 4529 (${PER_ADDRESS} per address per hour), ` +
				`${full} with 4507 (MAX_BOARDS ${MAX_BOARDS}, 2 of them honest); ${boards} boards stored; ` +
				`server RSS ${rss.startMiB.toFixed(0)} MiB at start, peak ${rss.peakMiB().toFixed(0)} MiB; ` +
				`${edits.get(attacked.boardId)!.length * 2} honest edits on 2 boards all delivered, ` +
				`${disconnects} disconnects, none lost after a restart; ${text}`,
			target: 'refused past each quota with its code; honest p99 ≤ 2× quiet; nothing lost',
			pass
		});
		expect(outcomes).toEqual(expected.outcomes);
		expect(refusedPerAddress).toBe(perAddress);
		// The latecomer's client tries again now and then (45xx is "try again later").
		expect(refusedFull).toBeGreaterThanOrEqual(full + 1);
		expect(boards).toBe(MAX_BOARDS);
		expect(lateCodes[0]).toBe(CloseReason.tooManyBoards.code);
		expect(disconnects).toBe(0);
		expect(probeErrors).toEqual([]);
		expect(afterRestart).toEqual(edits);
		// Refused boards are never loaded: memory grows by the quota's boards at most.
		expect(rss.peakMiB() - rss.startMiB).toBeLessThan(200);
		expect(ratio).toBeLessThanOrEqual(5);
	}, 300_000);
});

/** What each of `asked` board creations should come to, by the rules of the quotas. */
function expectedOutcomes(asked: number): { outcomes: Array<'stored' | number>; created: number } {
	const outcomes: Array<'stored' | number> = [];
	let boards = 2; // the honest ones
	const perAddress = new Map<number, number>();
	for (let i = 0; i < asked; i++) {
		const address = Math.floor(i / BOARDS_PER_ADDRESS_USED);
		if (boards >= MAX_BOARDS) outcomes.push(CloseReason.tooManyBoards.code);
		else if ((perAddress.get(address) ?? 0) >= PER_ADDRESS) {
			outcomes.push(CloseReason.boardsPerAddress.code);
		} else {
			perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
			boards++;
			outcomes.push('stored');
		}
	}
	return { outcomes, created: outcomes.filter((outcome) => outcome === 'stored').length };
}
