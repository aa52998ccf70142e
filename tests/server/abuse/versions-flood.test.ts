// Attack 3 of issue 14: each `POST /api/boards/<id>/versions` (a 30-byte request) stored a full
// copy of the board, with nothing limiting count, rate or total size; automatic checkpoints were
// never pruned either. An editor could fill the disk.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../../server/store/sqlite.ts';
import type { VersionInfo } from '../../../server/store/store.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { AUTOMATIC_CHECKPOINT_LABEL } from '../../../src/lib/versions/schema.ts';
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
import {
	latencyRatio,
	measureLatencyRatio,
	latencyUnderLoad,
	startRttProbe,
	type RttProbe
} from '../../helpers/rtt.ts';
import { makeDataDir, removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';
import { versionsApi } from '../../helpers/versions-api.ts';
import { waitFor } from '../../helpers/wait.ts';

let server: TestServer | null = null;
let probe: RttProbe | null = null;
let honest: HonestTraffic | null = null;
let rss: RssSampler | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
	rss?.stop();
	await probe?.stop();
	probe = null;
	honest?.destroy();
	honest = null;
	for (const client of clients.splice(0)) client.destroy();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

const ROUNDS = 18;
const BLOCKS = 9;
/** Saves asked for per round, this many at a time. */
const PER_ROUND = 40;
const IN_FLIGHT = 4;
const VERSIONS_PER_HOUR = 60;

/** The status of each save, and the bodies and Retry-After of those refused. */
interface Saves {
	statuses: number[];
	refusals: Array<{ error: unknown; retryAfter: string | null }>;
}

async function flood(
	api: ReturnType<typeof versionsApi>,
	key: string,
	saves: Saves,
	count: number
) {
	let left = count;
	await Promise.all(
		Array.from({ length: IN_FLIGHT }, async () => {
			while (left-- > 0) {
				const response = await api.save(key, { label: 'flood' });
				saves.statuses.push(response.status);
				const body = (await response.json()) as { error?: unknown };
				if (!response.ok) {
					saves.refusals.push({
						error: body.error,
						retryAfter: response.headers.get('retry-after')
					});
				}
			}
		})
	);
}

describe('abuse: versions', () => {
	it('refuses a flood of version saves with 429 past the hourly rate; storage stays bounded', async () => {
		server = await startServer();
		const attacked = await generateBoardKeys();
		const other = await generateBoardKeys();
		honest = await startHonestTraffic(server, [attacked, other]);
		probe = await startRttProbe(server.syncUrl, attacked.boardId, attacked.viewKey, 6);
		attackFromLowerPriority();
		rss = sampleRss(server.pid);
		const api = versionsApi(server.httpUrl, attacked.boardId);
		const saves: Saves = { statuses: [], refusals: [] };
		const { ratio, text, attempts } = await measureLatencyRatio(async () => {
			const latency = await latencyUnderLoad(
				probe!,
				{ rounds: ROUNDS, quietMs: 400, settleMs: 100 },
				() => flood(api, attacked.editKey, saves, PER_ROUND)
			);
			return latencyRatio(latency, BLOCKS);
		});
		rss.stop();
		const probeErrors = probe.errors();
		await probe.stop();
		probe = null;
		const edits = await honest.stop();
		const disconnects = honest.disconnects();
		const versions = await api.versions(attacked.viewKey);
		const saved = versions.filter((version) => version.kind === 'manual');
		const bytes = versions.reduce((sum, version) => sum + version.bytes, 0);
		const limited = await metricValue(server, 'charter_rejected_total', {
			reason: 'versions_quota'
		});
		expect(await readHonestEdits(server, [attacked, other])).toEqual(edits);
		server = await restart(server);
		const afterRestart = await readHonestEdits(server, [attacked, other]);

		const created = saves.statuses.filter((status) => status === 201).length;
		const tooMany = saves.statuses.filter((status) => status === 429).length;
		const asked = ROUNDS * PER_ROUND * attempts;
		const pass =
			created === VERSIONS_PER_HOUR &&
			tooMany === asked - VERSIONS_PER_HOUR &&
			saved.length === VERSIONS_PER_HOUR &&
			disconnects === 0 &&
			ratio <= 2;
		reportFigure({
			name: 'versions flood',
			measured:
				`${asked} saves asked (${IN_FLIGHT} at a time): ${created} stored, ${tooMany} refused with 429 ` +
				`(Retry-After ${saves.refusals[0]?.retryAfter} s); the board keeps ${saved.length} saved versions, ` +
				`${(bytes / 1024).toFixed(0)} KiB; server RSS ${rss.startMiB.toFixed(0)} MiB at start, peak ` +
				`${rss.peakMiB().toFixed(0)} MiB; ${edits.get(attacked.boardId)!.length * 2} honest edits on 2 boards ` +
				`all delivered, ${disconnects} disconnects, none lost after a restart; ${text}`,
			target: `${VERSIONS_PER_HOUR} stored, the rest refused with 429; honest p99 ≤ 2× quiet; nothing lost`,
			pass
		});
		expect(created).toBe(VERSIONS_PER_HOUR);
		expect(tooMany).toBe(asked - VERSIONS_PER_HOUR);
		expect(limited).toBe(tooMany);
		expect(saved).toHaveLength(VERSIONS_PER_HOUR);
		expect(saves.refusals[0]!.error).toMatch(/saved \d+ versions in the last hour/);
		expect(Number(saves.refusals[0]!.retryAfter)).toBeGreaterThan(0);
		expect(disconnects).toBe(0);
		expect(probeErrors).toEqual([]);
		expect(afterRestart).toEqual(edits);
		// Refused saves cost no memory: the 60 stored copies are small, and nothing else is kept.
		expect(rss.peakMiB() - rss.startMiB).toBeLessThan(200);
		expect(ratio).toBeLessThanOrEqual(5);
	}, 300_000);

	it('refuses a save past MAX_VERSIONS_PER_BOARD or MAX_VERSION_BYTES_PER_BOARD with 507 and says why', async () => {
		server = await startServer({
			env: {
				MAX_VERSIONS_PER_BOARD: '3',
				VERSIONS_PER_HOUR: '1000',
				MAX_VERSION_BYTES_PER_BOARD: String(1024 * 1024)
			}
		});
		const counted = await generateBoardKeys();
		const writer = connectClient(server, counted.boardId, counted.editKey);
		clients.push(writer);
		await writer.synced();
		writer.doc.getMap('meta').set('title', 'Counted');
		const api = versionsApi(server.httpUrl, counted.boardId);
		await waitFor(
			async () => (await api.save(counted.editKey, { label: 'one' })).status === 201,
			'a first save'
		);
		for (const label of ['two', 'three']) {
			expect((await api.save(counted.editKey, { label })).status).toBe(201);
		}
		const fourth = await api.save(counted.editKey, { label: 'four' });
		expect(fourth.status).toBe(507);
		expect(await fourth.json()).toEqual({
			error: 'this board already keeps 3 saved versions, the most it may'
		});

		// A board of ~300 KB: its first checkpoint and two saved copies fit in 1 MiB, a third not.
		const large = await generateBoardKeys();
		const largeWriter = connectClient(server, large.boardId, large.editKey);
		clients.push(largeWriter);
		await largeWriter.synced();
		largeWriter.doc.getText('notes').insert(0, 'x'.repeat(300_000));
		const largeApi = versionsApi(server.httpUrl, large.boardId);
		await waitFor(
			async () => (await largeApi.versions(large.viewKey)).some((v) => v.kind === 'auto'),
			'the first checkpoint of the large board'
		);
		for (const label of ['one', 'two']) {
			expect((await largeApi.save(large.editKey, { label })).status).toBe(201);
		}
		const third = await largeApi.save(large.editKey, { label: 'three' });
		expect(third.status).toBe(507);
		expect(((await third.json()) as { error: string }).error).toMatch(/more than 1 MiB/);
		expect(await largeApi.versions(large.viewKey)).toHaveLength(3);
	});

	it('prunes automatic checkpoints as it makes one: all of the last day, daily for a month, weekly before; never a saved version or the baseline', async () => {
		const dataDir = makeDataDir();
		const keys = await generateBoardKeys();
		const DAY = 86_400_000;
		const now = Date.now();
		// Noon of UTC days, so that no two of a day or week straddle midnight: 3 days ago, and the
		// Monday to Wednesday of the UTC week (weeks start on Monday) 15 weeks ago.
		const today = Math.floor(now / DAY);
		const noon = (day: number) => day * DAY + DAY / 2;
		const monday = Math.floor((today + 3) / 7 - 15) * 7 - 3;
		const board = new Y.Doc();
		board.getMap('meta').set('title', 'Pruned');
		board.getMap('meta').set('baselineVersionId', 'baseline'.padEnd(21, '_'));
		const state = Y.encodeStateAsUpdate(board);
		const checkpoint = (id: string, createdAt: number): Omit<VersionInfo, 'bytes'> => ({
			id: id.padEnd(21, '_'),
			label: AUTOMATIC_CHECKPOINT_LABEL,
			kind: 'auto',
			createdAt,
			createdBy: null
		});
		const store = new SqliteStore({ dataDir });
		await store.append(keys.boardId, state);
		const kept = [
			checkpoint('recent', now - 2 * 3_600_000),
			checkpoint('day3-newest', noon(today - 3)),
			checkpoint('baseline', noon(today - 80)),
			checkpoint('week-newest', noon(monday + 2))
		];
		const pruned = [
			checkpoint('day3-oldest', noon(today - 3) - 3_600_000),
			checkpoint('week-oldest', noon(monday + 1)),
			checkpoint('week-older', noon(monday))
		];
		const savedVersion = {
			...checkpoint('saved', noon(monday + 1) + 60_000),
			kind: 'manual' as const,
			label: 'Kickoff',
			createdBy: 'Ada'
		};
		for (const version of [...kept, ...pruned, savedVersion]) {
			await store.saveVersion(keys.boardId, version, state);
		}
		await store.close();
		// The newest checkpoint is two hours old, past CHECKPOINT_INTERVAL_MS: the next change is
		// checkpointed at once, and that checkpoint prunes the older ones.
		server = await startServer({ dataDir });
		const writer = connectClient(server, keys.boardId, keys.editKey);
		clients.push(writer);
		await writer.synced();
		writer.doc.getMap('meta').set('title', 'Pruned, then changed');
		const api = versionsApi(server.httpUrl, keys.boardId);
		await waitFor(
			async () => (await api.versions(keys.viewKey)).some((v) => v.createdAt > now),
			"today's checkpoint"
		);
		const ids = (await api.versions(keys.viewKey)).map((version) => version.id.replace(/_+$/, ''));
		for (const version of [...kept, savedVersion])
			expect(ids).toContain(version.id.replace(/_+$/, ''));
		for (const version of pruned) expect(ids).not.toContain(version.id.replace(/_+$/, ''));
	});
});
