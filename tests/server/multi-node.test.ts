import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { startBalancer, type TestBalancer } from '../helpers/balancer.ts';
import {
	contentOf,
	createCluster,
	holdsEverything,
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
import { sleep, waitFor } from '../helpers/wait.ts';

const listOf = (doc: Y.Doc) => doc.getArray<string>('list').toArray();

describeWithServices('several nodes on PostgreSQL and Redis', (binaries) => {
	let postgres: TestPostgres;
	let redis: TestRedis;
	let cluster: TestCluster;
	let keys: BoardKeys;
	let balancer: TestBalancer | null = null;

	beforeAll(async () => {
		postgres = await startPostgres(binaries.postgresBin);
		redis = await startRedis(binaries.redisServer);
	});
	afterAll(async () => {
		await redis?.stop();
		await postgres?.stop();
	});
	beforeEach(async () => {
		cluster = await createCluster(postgres, redis);
		keys = await generateBoardKeys();
	});
	afterEach(async () => {
		await balancer?.close();
		balancer = null;
		await cluster.dispose();
	});

	it('lets clients on two nodes of one board converge', async () => {
		const [nodeA, nodeB] = [await cluster.startNode(), await cluster.startNode()];
		const ada = await cluster.connect(nodeA, keys.boardId, keys.editKey);
		const bea = await cluster.connect(nodeB, keys.boardId, keys.editKey);
		ada.doc.getMap('meta').set('title', 'Kickoff');
		for (let i = 0; i < 20; i++) {
			ada.doc.getArray('list').push([`ada ${i}`]);
			bea.doc.getArray('list').push([`bea ${i}`]);
		}
		await waitForConvergence([ada.doc, bea.doc], 'both nodes to converge');
		expect(listOf(ada.doc)).toHaveLength(40);
		expect(bea.doc.getMap('meta').get('title')).toBe('Kickoff');

		// A newcomer on either node reads the same board.
		const late = await cluster.connect(nodeB, keys.boardId, keys.viewKey);
		expect(contentOf(late.doc)).toEqual(contentOf(ada.doc));
	});

	it('stores each update once: a node never stores again what another node stored', async () => {
		const [nodeA, nodeB] = [await cluster.startNode(), await cluster.startNode()];
		const ada = await cluster.connect(nodeA, keys.boardId, keys.editKey);
		const bea = await cluster.connect(nodeB, keys.boardId, keys.editKey);
		const before = await storedUpdateCount(cluster.databaseUrl, keys.boardId);
		for (let i = 0; i < 10; i++) {
			ada.doc.getArray('list').push([`ada ${i}`]);
			await waitFor(() => listOf(bea.doc).length === i + 1, `bea to see edit ${i}`);
		}
		expect((await storedUpdateCount(cluster.databaseUrl, keys.boardId)) - before).toBe(10);
	});

	it('carries presence across nodes: seen, greeted to newcomers, and gone when its client leaves', async () => {
		const [nodeA, nodeB] = [await cluster.startNode(), await cluster.startNode()];
		const ada = await cluster.connect(nodeA, keys.boardId, keys.editKey);
		const bea = await cluster.connect(nodeB, keys.boardId, keys.editKey);
		ada.provider.awareness.setLocalStateField('user', { name: 'Ada' });
		const adaId = ada.doc.clientID;
		const seesAda = (client: typeof bea) =>
			(client.provider.awareness.getStates().get(adaId) as { user?: { name: string } } | undefined)
				?.user?.name === 'Ada';
		await waitFor(() => seesAda(bea), 'bea on node B to see Ada of node A');

		const cy = await cluster.connect(nodeB, keys.boardId, keys.editKey);
		await waitFor(() => seesAda(cy), 'a newcomer on node B to be greeted with Ada');

		ada.destroy();
		await waitFor(() => !bea.provider.awareness.getStates().has(adaId), 'Ada to leave node B');
		await waitFor(() => !cy.provider.awareness.getStates().has(adaId), 'Ada to leave for Cy');
	});

	it('loses nothing any peer had seen when a node is killed with -9 while its clients write', async () => {
		const [nodeA, nodeB] = [await cluster.startNode(), await cluster.startNode()];
		const alive = new Set([nodeA, nodeB]);
		balancer = await startBalancer(() => [...alive].map((node) => node.port));
		// Round robin: writers alternate between node A and node B.
		const writers = [];
		for (let i = 0; i < 6; i++)
			writers.push(await cluster.connect(balancer, keys.boardId, keys.editKey));
		let writing = true;
		const loops = writers.map(async (writer, n) => {
			for (let i = 0; writing; i++) {
				writer.doc.getArray('list').push([`w${n}:${i}`]);
				await sleep(5 + n);
			}
		});
		await sleep(400);
		alive.delete(nodeA);
		await nodeA.kill();
		const seenAtKill = writers.map((writer) =>
			Y.decodeStateVector(Y.encodeStateVector(writer.doc))
		);
		await sleep(600);
		writing = false;
		await Promise.all(loops);

		await waitForConvergence(
			writers.map((writer) => writer.doc),
			'every writer to converge through node B'
		);
		for (const seen of seenAtKill) expect(holdsEverything(writers[0]!.doc, seen)).toBe(true);
		// And the store has it all: a fresh reader on the surviving node gets the whole board.
		const reader = await cluster.connect(nodeB, keys.boardId, keys.viewKey);
		expect(contentOf(reader.doc)).toEqual(contentOf(writers[0]!.doc));
		for (const seen of seenAtKill) expect(holdsEverything(reader.doc, seen)).toBe(true);
	});
});
