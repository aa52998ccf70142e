import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardLockKey, PostgresStore } from '../../server/store/postgres.ts';
import { SCHEMA_VERSION } from '../../server/store/postgres-schema.ts';
import { StoreError } from '../../server/store/store.ts';
import { freePort } from '../helpers/server.ts';
import { startPostgres, type TestPostgres } from '../helpers/services.ts';
import { describeWithServices } from '../helpers/services-suite.ts';
import { waitFor } from '../helpers/wait.ts';
import { storeContract } from './store-contract.ts';

describeWithServices('PostgreSQL store', (binaries) => {
	let postgres: TestPostgres;
	beforeAll(async () => {
		postgres = await startPostgres(binaries.postgresBin);
	});
	afterAll(async () => {
		await postgres?.stop();
	});

	storeContract('PostgreSQL', async () => {
		const url = await postgres.createDatabase();
		const opened: PostgresStore[] = [await PostgresStore.open({ url })];
		return {
			store: opened[0]!,
			async reopen() {
				await opened[0]!.close();
				const store = await PostgresStore.open({ url });
				opened.push(store);
				return store;
			},
			async openAnother() {
				const store = await PostgresStore.open({ url });
				opened.push(store);
				return store;
			},
			async dispose() {
				for (const store of opened) await store.close();
			}
		};
	});

	describe('PostgresStore', () => {
		it('creates its schema once, however many nodes start on one database together', async () => {
			const url = await postgres.createDatabase();
			const stores = await Promise.all(
				Array.from({ length: 4 }, () => PostgresStore.open({ url }))
			);
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			const { rows } = await client.query('SELECT version FROM charter_schema');
			await client.end();
			expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
			for (const store of stores) await store.close();
		});

		it('waits for the board lock another transaction holds before it compacts', async () => {
			const url = await postgres.createDatabase();
			const store = await PostgresStore.open({ url });
			const doc = new Y.Doc();
			doc.getArray('list').push(['kept']);
			await store.append('locked-board', Y.encodeStateAsUpdate(doc));
			const holder = new pg.Client({ connectionString: url, application_name: 'lock-holder' });
			await holder.connect();
			await holder.query('BEGIN');
			await holder.query('SELECT pg_advisory_xact_lock($1::bigint)', [
				boardLockKey('locked-board').toString()
			]);
			let compacted = false;
			const compaction = store.compact('locked-board').then(() => (compacted = true));
			await waitFor(async () => {
				const { rows } = await holder.query(
					`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`
				);
				return rows[0].waiting === 1;
			}, 'the compaction to wait for the advisory lock');
			expect(compacted).toBe(false);
			await holder.query('COMMIT');
			await compaction;
			await holder.end();
			const stored = await store.load('locked-board');
			expect(stored.log).toHaveLength(0);
			expect(stored.snapshot).not.toBeNull();
			await store.close();
		});

		it('loses nothing when two nodes append and compact one board at once', async () => {
			const url = await postgres.createDatabase();
			const [nodeA, nodeB] = await Promise.all([
				PostgresStore.open({ url }),
				PostgresStore.open({ url })
			]);
			const writers = [new Y.Doc(), new Y.Doc()];
			const work = [nodeA, nodeB].map(async (node, n) => {
				const doc = writers[n]!;
				for (let round = 0; round < 30; round++) {
					const before = Y.encodeStateVector(doc);
					doc.getArray('list').push([`${n}:${round}`]);
					await node.append('shared-board', Y.encodeStateAsUpdate(doc, before));
					if (round % 3 === n) await node.compact('shared-board');
				}
			});
			await Promise.all(work);
			await Promise.all([nodeA.compact('shared-board'), nodeB.compact('shared-board')]);
			const stored = await nodeA.load('shared-board');
			const merged = new Y.Doc();
			if (stored.snapshot) Y.applyUpdate(merged, stored.snapshot);
			for (const update of stored.log) Y.applyUpdate(merged, update);
			const items = merged.getArray<string>('list').toArray();
			expect(items).toHaveLength(60);
			expect(new Set(items)).toEqual(
				new Set([0, 1].flatMap((n) => Array.from({ length: 30 }, (_, r) => `${n}:${r}`)))
			);
			await nodeA.close();
			await nodeB.close();
		});

		it('retries with backoff, reports each refused connection, then fails with a StoreError', async () => {
			const reported: Error[] = [];
			const nobody = `postgres://postgres@127.0.0.1:${await freePort()}/charter`;
			const opening = PostgresStore.open({
				url: nobody,
				retryForMs: 300,
				onConnectionError: (error) => reported.push(error)
			});
			await expect(opening).rejects.toBeInstanceOf(StoreError);
			expect(reported.length).toBeGreaterThan(1);
			expect(reported[0]!.message).toMatch(/ECONNREFUSED/);
		});
	});
});
