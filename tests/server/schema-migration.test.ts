import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	boardRoots,
	entryText,
	readRisks,
	SCHEMA_VERSION,
	updateRisk
} from '../../src/lib/board/index.ts';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { PostgresStore } from '../../server/store/postgres.ts';
import { mayNeedMigration, migrationUpdate } from '../../server/sync/schema-upgrade.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { createCluster } from '../helpers/cluster.ts';
import {
	exportedContent,
	fixtureDoc,
	schema1Fixture,
	storeBoardIn,
	valueHistory,
	withoutServerNumbers
} from '../helpers/schema1.ts';
import { startPostgres, startRedis } from '../helpers/services.ts';
import { describeWithServices } from '../helpers/services-suite.ts';
import { makeDataDir, removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { readStoredBoard } from '../helpers/stored-board.ts';
import { waitFor } from '../helpers/wait.ts';

const kickoff = schema1Fixture('schema1-kickoff');

/** Connects a client that records whether the first state it received was already migrated. */
function watchedClient(server: Pick<TestServer, 'syncUrl'>, keys: BoardKeys, doc = new Y.Doc()) {
	const client = connectClient(server, keys.boardId, keys.editKey, doc);
	let firstTitle: unknown;
	const onUpdate = () => {
		firstTitle ??= boardRoots(client.doc).meta.get('title');
		client.doc.off('update', onUpdate);
	};
	client.doc.on('update', onUpdate);
	return { client, firstTitle: () => firstTitle };
}

async function exportJson(server: TestServer, keys: BoardKeys): Promise<object> {
	const response = await fetch(`${server.httpUrl}/api/boards/${keys.boardId}/export.json`, {
		headers: { authorization: `Bearer ${keys.viewKey}` }
	});
	expect(response.status).toBe(200);
	return (await response.json()) as object;
}

describe('a board stored with schema 1', () => {
	let dataDir: string;
	let server: TestServer;
	let keys: BoardKeys;
	const clients: TestClient[] = [];

	beforeEach(async () => {
		dataDir = makeDataDir();
		keys = await generateBoardKeys();
		await storeBoardIn(dataDir, keys.boardId, kickoff.update);
		server = await startServer({ dataDir });
	});
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await server.stop();
		removeDataDir(dataDir);
	});

	it('is migrated when it loads, before anyone syncs, once for two clients opening it at once', async () => {
		const opening = [watchedClient(server, keys), watchedClient(server, keys)];
		clients.push(...opening.map(({ client }) => client));
		await Promise.all(opening.map(({ client }) => client.synced()));
		for (const { client, firstTitle } of opening) {
			// The very first state a client received already held the title as a Y.Text.
			expect(firstTitle()).toBeInstanceOf(Y.Text);
			const { meta } = boardRoots(client.doc);
			expect(meta.get('schema')).toBe(SCHEMA_VERSION);
			// Set twice in its life: by its creator (a string), by the one migration (a Y.Text).
			expect(valueHistory(meta, 'title')).toBe(2);
			for (const risk of readRisks(client.doc).items)
				expect(entryText(client.doc, 'risks', risk.id, 'title')).toBeInstanceOf(Y.Text);
		}
		// The server numbered the risks it loaded (R-1 …): apart from that, the export is the file's.
		const { content, refs, riskSeq } = withoutServerNumbers(await exportJson(server, keys));
		expect([...refs].sort()).toEqual(refs.map((_, index) => index + 1));
		expect(riskSeq).toBe(refs.length);
		expect(content).toEqual(exportedContent(kickoff.json));
	});

	it('is not migrated again when it loads again', async () => {
		const first = connectClient(server, keys.boardId, keys.editKey);
		await first.synced();
		first.destroy();
		await server.stop();
		expect(server.output().match(/migrated the board/g)).toHaveLength(1);
		expect(valueHistory(boardRoots(readStoredBoard(dataDir, keys.boardId).doc).meta, 'title')).toBe(
			2
		);
		server = await startServer({ dataDir });
		const again = connectClient(server, keys.boardId, keys.editKey);
		clients.push(again);
		await again.synced();
		expect(valueHistory(boardRoots(again.doc).meta, 'title')).toBe(2);
		expect(server.output()).not.toContain('migrated the board');
	});

	it('takes back an offline schema-1 copy: its late rename is folded into the shared title', async () => {
		const online = connectClient(server, keys.boardId, keys.editKey);
		clients.push(online);
		await online.synced();
		const risk = readRisks(online.doc).items[0]!;
		// An IndexedDB copy from before the migration, renamed offline with schema-1 strings.
		const copy = fixtureDoc(kickoff.update);
		updateRisk(copy, risk.id, { title: 'Second test, renamed offline' });
		const late = connectClient(server, keys.boardId, keys.editKey, copy);
		clients.push(late);
		await late.synced();
		// The online client holds a Y.Text title all along: wait for the folded rename to reach it,
		// not just for a Y.Text (it arrives after the late client's sync, and under load later).
		for (const client of [online, late]) {
			await waitFor(
				() =>
					entryText(client.doc, 'risks', risk.id, 'title')?.toString() ===
					'Second test, renamed offline',
				'the late rename, folded into a Y.Text title, to reach every client'
			);
		}
		const exported = (await exportJson(server, keys)) as { risks: { title: string }[] };
		expect(exported.risks.map((r) => r.title)).toContain('Second test, renamed offline');
	});
});

describe('telling a stored board that needs migrating from its bytes', () => {
	it('says yes for the schema-1 fixtures, and no once migrated or for a schema-2 board', () => {
		for (const name of ['schema1-kickoff', 'schema1-retro'] as const) {
			const { update } = schema1Fixture(name);
			expect(mayNeedMigration({ snapshot: null, log: [update] })).toBe(true);
			const migration = migrationUpdate({ snapshot: null, log: [update] })!;
			expect(migration).not.toBeNull();
			expect(mayNeedMigration({ snapshot: null, log: [update, migration] })).toBe(false);
			expect(mayNeedMigration({ snapshot: Y.mergeUpdates([update, migration]), log: [] })).toBe(
				false
			);
			const doc = fixtureDoc(update);
			Y.applyUpdate(doc, migration);
			expect(mayNeedMigration({ snapshot: Y.encodeStateAsUpdate(doc), log: [] })).toBe(false);
			expect(migrationUpdate({ snapshot: Y.encodeStateAsUpdate(doc), log: [] })).toBeNull();
		}
	});
});

describeWithServices('a schema-1 board on two nodes (PostgreSQL and Redis)', (binaries) => {
	it('is migrated once when both nodes load it at the same moment', async () => {
		const postgres = await startPostgres(binaries.postgresBin);
		const redis = await startRedis(binaries.redisServer);
		const cluster = await createCluster(postgres, redis);
		try {
			const keys = await generateBoardKeys();
			const store = await PostgresStore.open({ url: cluster.databaseUrl });
			await store.append(keys.boardId, kickoff.update);
			await store.close();
			const nodes = [await cluster.startNode(), await cluster.startNode()];
			const clients = await Promise.all(
				nodes.map((node) => cluster.connect(node, keys.boardId, keys.editKey))
			);
			// Both nodes' updates reach both clients before anything is counted.
			const vector = (doc: Y.Doc) => Y.encodeStateVector(doc).join();
			await waitFor(
				() =>
					clients.every((client) => boardRoots(client.doc).meta.get('title') instanceof Y.Text) &&
					vector(clients[0]!.doc) === vector(clients[1]!.doc),
				'both clients to hold the same migrated board'
			);
			for (const client of clients)
				expect(valueHistory(boardRoots(client.doc).meta, 'title')).toBe(2);
		} finally {
			await cluster.dispose();
			await redis.stop();
			await postgres.stop();
		}
	}, 120_000);
});
