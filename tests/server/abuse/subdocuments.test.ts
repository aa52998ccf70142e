// Attack 1 of issue 14: one update of 100,000 sub-documents (~1.28 MB on the wire, ~235 MB of
// heap once applied) every 0.7 s took the whole server to V8's heap limit.
import { afterEach, describe, expect, it } from 'vitest';
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
import { reportFigure } from '../../helpers/figures.ts';
import { subdocumentFlood } from '../../helpers/hostile-updates.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { ProtocolSocket, type Closed } from '../../helpers/protocol-client.ts';
import {
	latencyRatio,
	measureLatencyRatio,
	latencyUnderLoad,
	startRttProbe,
	type RttProbe
} from '../../helpers/rtt.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';
import { sleep } from '../../helpers/wait.ts';

let server: TestServer | null = null;
let probe: RttProbe | null = null;
let honest: HonestTraffic | null = null;
let rss: RssSampler | null = null;
const sockets: ProtocolSocket[] = [];

afterEach(async () => {
	rss?.stop();
	await probe?.stop();
	probe = null;
	honest?.destroy();
	honest = null;
	for (const socket of sockets.splice(0)) socket.terminate();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

const SUBDOCUMENTS = 100_000;
const ROUNDS = 18;
const BLOCKS = 9;
/** The pace of the attack: one update every 0.7 s. */
const PACE_MS = 700;

describe('abuse: sub-documents', () => {
	it('closes each flood of sub-documents with 4415 before applying it; the server and its honest clients carry on', async () => {
		server = await startServer();
		const attacked = await generateBoardKeys();
		const other = await generateBoardKeys();
		honest = await startHonestTraffic(server, [attacked, other]);
		probe = await startRttProbe(server.syncUrl, attacked.boardId, attacked.viewKey, 6);
		attackFromLowerPriority();
		const flood = encodeSync(SyncStep.update, subdocumentFlood(SUBDOCUMENTS));
		rss = sampleRss(server.pid);
		const closes: Closed[] = [];
		const { ratio, text, attempts } = await measureLatencyRatio(async () => {
			const latency = await latencyUnderLoad(
				probe!,
				{ rounds: ROUNDS, quietMs: 400, settleMs: 100 },
				async () => {
					const started = Date.now();
					const attacker = await ProtocolSocket.open(
						server!.syncUrl,
						attacked.boardId,
						attacked.editKey
					);
					sockets.push(attacker);
					await attacker.greeted();
					attacker.send(flood);
					closes.push(await attacker.closed);
					await sleep(Math.max(0, PACE_MS - (Date.now() - started)));
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
		const refused = await metricValue(server, 'charter_rejected_total', { reason: 'subdocument' });
		const peak = rss.peakMiB();
		const floods = ROUNDS * attempts;

		// The board stays openable, and after a restart holds every honest edit.
		expect(await readHonestEdits(server, [attacked, other])).toEqual(edits);
		server = await restart(server);
		const afterRestart = await readHonestEdits(server, [attacked, other]);

		const codes = [...new Set(closes.map((closed) => closed.code))];
		const pass =
			codes.length === 1 &&
			codes[0] === CloseReason.subdocument.code &&
			refused === floods &&
			disconnects === 0 &&
			ratio <= 2;
		reportFigure({
			name: 'sub-documents',
			measured:
				`${floods} updates of ${SUBDOCUMENTS.toLocaleString('en')} sub-documents ` +
				`(${(flood.length / 1e6).toFixed(2)} MB each, one per ${PACE_MS} ms), each closed with ` +
				`${codes.join(', ')}; server RSS ${rss.startMiB.toFixed(0)} MiB at start, peak ` +
				`${peak.toFixed(0)} MiB; ${edits.get(attacked.boardId)!.length * 2} honest edits on 2 boards ` +
				`all delivered, ${disconnects} disconnects, none lost after a restart; ${text}`,
			target: 'process up; each closed with 4415; honest p99 ≤ 2× quiet; nothing lost',
			pass
		});
		expect(closes).toHaveLength(floods);
		expect(codes).toEqual([CloseReason.subdocument.code]);
		expect(refused).toBe(floods);
		expect(disconnects).toBe(0);
		expect(probeErrors).toEqual([]);
		expect(afterRestart).toEqual(edits);
		// Unrefused, one flood alone took ~235 MB of heap; refused, they cost next to nothing.
		expect(peak - rss.startMiB).toBeLessThan(200);
		expect(ratio).toBeLessThanOrEqual(5);
	}, 300_000);
});
