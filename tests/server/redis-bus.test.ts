import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import {
	createCluster,
	storedUpdateCount,
	waitForConvergence,
	type TestCluster
} from '../helpers/cluster.ts';
import {
	startPostgres,
	startRedis,
	type TestPostgres,
	type TestRedis
} from '../helpers/services.ts';
import { describeWithServices } from '../helpers/services-suite.ts';
import {
	boardStreamKey,
	compareStreamIds,
	streamInfoField
} from '../../server/bus/redis-stream.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const listOf = (doc: Y.Doc) => doc.getArray<string>('list').toArray();

describeWithServices('the Redis Streams bus', (binaries) => {
	let postgres: TestPostgres;
	let redis: TestRedis;
	let cluster: TestCluster;
	let keys: BoardKeys;

	beforeAll(async () => {
		postgres = await startPostgres(binaries.postgresBin);
	});
	afterAll(async () => {
		await postgres?.stop();
	});
	beforeEach(async () => {
		// A Redis of each test's own, since tests kill it.
		redis = await startRedis(binaries.redisServer);
		cluster = await createCluster(postgres, redis);
		keys = await generateBoardKeys();
	});
	afterEach(async () => {
		await cluster.dispose();
		await redis.stop();
	});

	it('keeps serving each node’s own clients while Redis is down, and converges once it is back', async () => {
		const [nodeA, nodeB] = [await cluster.startNode(), await cluster.startNode()];
		const ada = await cluster.connect(nodeA, keys.boardId, keys.editKey);
		const abe = await cluster.connect(nodeA, keys.boardId, keys.editKey);
		const bea = await cluster.connect(nodeB, keys.boardId, keys.editKey);
		ada.doc.getArray('list').push(['before']);
		await waitForConvergence([ada.doc, abe.doc, bea.doc], 'the first edit to reach everyone');

		await redis.kill();
		ada.doc.getArray('list').push(['ada while Redis is down']);
		bea.doc.getArray('list').push(['bea while Redis is down']);
		await waitFor(
			() => listOf(abe.doc).includes('ada while Redis is down'),
			'node A to relay to its own clients without Redis'
		);
		expect(listOf(abe.doc)).not.toContain('bea while Redis is down');

		await redis.start();
		await waitForConvergence([ada.doc, abe.doc, bea.doc], 'the nodes to catch up after Redis');
		expect(new Set(listOf(bea.doc))).toEqual(
			new Set(['before', 'ada while Redis is down', 'bea while Redis is down'])
		);
		// And live relaying works again.
		bea.doc.getArray('list').push(['after']);
		await waitFor(() => listOf(ada.doc).includes('after'), 'a new edit to cross the nodes');
	});

	it('reloads a board from the store when its node fell behind the trimmed stream', async () => {
		const env = { REDIS_STREAM_MAXLEN: '10', COMPACT_AFTER_UPDATES: '100000' };
		const [nodeA, nodeB] = [await cluster.startNode(env), await cluster.startNode(env)];
		const ada = await cluster.connect(nodeA, keys.boardId, keys.editKey);
		const bea = await cluster.connect(nodeB, keys.boardId, keys.editKey);
		bea.doc.getArray('list').push(['first']);
		await waitForConvergence([ada.doc, bea.doc], 'the first edit to reach node A');
		const stored = await storedUpdateCount(cluster.databaseUrl, keys.boardId);
		const streams = new Redis(redis.url);
		const info = (field: string) =>
			streams.call('XINFO', ['STREAM', boardStreamKey(keys.boardId)]).then((reply) => {
				const value = streamInfoField(reply, field);
				return String(Array.isArray(value) ? value[0] : value);
			});
		const readByA = await info('last-generated-id');

		// Node A stops reading while node B stores and publishes far more than the stream keeps.
		process.kill(nodeA.pid, 'SIGSTOP');
		try {
			for (let i = 0; i < 300; i++) {
				bea.doc.getArray('list').push([`while A sleeps ${i}`]);
				// One stream entry each (the node publishes one per group commit).
				await sleep(2);
			}
			await waitFor(
				async () => (await storedUpdateCount(cluster.databaseUrl, keys.boardId)) >= stored + 300,
				'node B to store every edit'
			);
			// Trimmed past what node A read: A cannot catch up from the stream alone.
			expect(compareStreamIds(await info('first-entry'), readByA)).toBe(1);
		} finally {
			process.kill(nodeA.pid, 'SIGCONT');
			streams.disconnect();
		}
		await waitForConvergence([ada.doc, bea.doc], 'node A to catch up from the store');
		expect(listOf(ada.doc)).toHaveLength(301);
		expect(nodeA.output()).toContain('fell behind the trimmed stream');
	});
});
