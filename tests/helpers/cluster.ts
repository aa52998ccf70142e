import pg from 'pg';
import * as Y from 'yjs';
import { connectClient, type TestClient } from './clients.ts';
import { removeDataDir, startServer, type TestServer } from './server.ts';
import type { TestPostgres, TestRedis } from './services.ts';
import { waitFor } from './wait.ts';

/** Charter nodes sharing one PostgreSQL database and one Redis, and the clients of a test. */
export interface TestCluster {
	readonly databaseUrl: string;
	readonly nodes: TestServer[];
	readonly clients: TestClient[];
	/** Starts one more node on the shared database and Redis. */
	startNode(env?: Record<string, string>): Promise<TestServer>;
	/** Connects a stock client to `at` (a node or a balancer) and waits for its first sync. */
	connect(at: Pick<TestServer, 'syncUrl'>, boardId: string, key: string): Promise<TestClient>;
	/** Destroys the clients and kills the nodes. */
	dispose(): Promise<void>;
}

/** A cluster over a fresh database of `postgres` and over `redis`. */
export async function createCluster(
	postgres: TestPostgres,
	redis: TestRedis
): Promise<TestCluster> {
	const databaseUrl = await postgres.createDatabase();
	const nodes: TestServer[] = [];
	const clients: TestClient[] = [];
	return {
		databaseUrl,
		nodes,
		clients,
		async startNode(env = {}) {
			const node = await startServer({
				env: {
					DATABASE_URL: databaseUrl,
					REDIS_URL: redis.url,
					HEALTH_CHECK_MS: '200',
					...env
				}
			});
			nodes.push(node);
			return node;
		},
		async connect(at, boardId, key) {
			const client = connectClient(at, boardId, key);
			clients.push(client);
			await client.synced();
			return client;
		},
		async dispose() {
			for (const client of clients) client.destroy();
			await Promise.all(nodes.map((node) => node.kill()));
			for (const node of nodes) removeDataDir(node.dataDir);
		}
	};
}

/** The board content of a doc as comparable JSON. */
export function contentOf(doc: Y.Doc): unknown {
	return { meta: doc.getMap('meta').toJSON(), list: doc.getArray('list').toJSON() };
}

/** Waits until every doc holds the same state (same state vectors and content). */
export async function waitForConvergence(docs: readonly Y.Doc[], what: string): Promise<void> {
	const same = () => {
		const first = JSON.stringify(contentOf(docs[0]!));
		const vector = Y.encodeStateVector(docs[0]!).join();
		return docs.every(
			(doc) =>
				JSON.stringify(contentOf(doc)) === first && Y.encodeStateVector(doc).join() === vector
		);
	};
	await waitFor(same, what, 20_000);
}

/** Whether `doc` holds everything `seen` (a state vector) holds. */
export function holdsEverything(doc: Y.Doc, seen: Map<number, number>): boolean {
	const have = Y.decodeStateVector(Y.encodeStateVector(doc));
	return [...seen].every(([client, clock]) => (have.get(client) ?? 0) >= clock);
}

/** How many updates of a board PostgreSQL holds in its log (not counting the snapshot). */
export async function storedUpdateCount(databaseUrl: string, boardId: string): Promise<number> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ count: number }>(
			'SELECT count(*)::int AS count FROM board_update WHERE board_id = $1',
			[boardId]
		);
		return rows[0]!.count;
	} finally {
		await client.end();
	}
}
