import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { makeDataDir, removeDataDir, startServer } from '../helpers/server.ts';
import { storeContract } from './store-contract.ts';

storeContract('SQLite', async () => {
	const dataDir = makeDataDir();
	const opened: SqliteStore[] = [new SqliteStore({ dataDir })];
	return {
		store: opened[0]!,
		async reopen() {
			await opened[0]!.close();
			const store = new SqliteStore({ dataDir });
			opened.push(store);
			return store;
		},
		async openAnother() {
			const store = new SqliteStore({ dataDir });
			opened.push(store);
			return store;
		},
		async dispose() {
			for (const store of opened) await store.close();
			removeDataDir(dataDir);
		}
	};
});

describe('SqliteStore', () => {
	it('creates its data directory and one database file in it', async () => {
		const parent = makeDataDir();
		const dataDir = join(parent, 'nested', 'data');
		const store = new SqliteStore({ dataDir, durability: 'full' });
		await store.append('board', Uint8Array.of(0, 0));
		expect(existsSync(join(dataDir, 'charter.sqlite'))).toBe(true);
		await store.close();
		removeDataDir(parent);
	});
});

/** The schema of data directories written before versions existed (main before issue 7). */
const SCHEMA_BEFORE_VERSIONS = `
	CREATE TABLE board_snapshot (board_id TEXT PRIMARY KEY, snapshot BLOB NOT NULL, compacted_at INTEGER NOT NULL);
	CREATE TABLE board_update (seq INTEGER PRIMARY KEY AUTOINCREMENT, board_id TEXT NOT NULL, data BLOB NOT NULL);
	CREATE INDEX board_update_by_board ON board_update (board_id, seq);
`;

describe('SqliteStore migration', () => {
	it('opens a data directory written before versions existed: its boards stay, versions work', async () => {
		const dataDir = makeDataDir();
		const doc = new Y.Doc();
		doc.getMap('meta').set('title', 'Written by an older Charter');
		const old = new Database(join(dataDir, 'charter.sqlite'));
		old.exec(SCHEMA_BEFORE_VERSIONS);
		old
			.prepare('INSERT INTO board_update (board_id, data) VALUES (?, ?)')
			.run('old-board', Y.encodeStateAsUpdate(doc));
		old.close();

		const store = new SqliteStore({ dataDir });
		const stored = await store.load('old-board');
		const reloaded = new Y.Doc();
		for (const update of stored.log) Y.applyUpdate(reloaded, update);
		expect(reloaded.getMap('meta').get('title')).toBe('Written by an older Charter');
		expect(await store.listVersions('old-board')).toEqual([]);
		const meta = {
			id: 'v'.repeat(21),
			label: 'After the upgrade',
			kind: 'manual' as const,
			createdAt: 1,
			createdBy: 'Ada'
		};
		await store.saveVersion('old-board', meta, Uint8Array.of(0, 0));
		await store.close();
		const reopened = new SqliteStore({ dataDir });
		expect(await reopened.listVersions('old-board')).toEqual([{ ...meta, bytes: 2 }]);
		await reopened.close();
		removeDataDir(dataDir);
	});
});

describe('DURABILITY', () => {
	it.each([
		['normal', 'normal'],
		['full', 'full']
	] as const)(
		'%s keeps the file in WAL mode with synchronous=%s, and zeroes deleted rows (secure_delete=FAST)',
		async (durability, expected) => {
			const dataDir = makeDataDir();
			const store = new SqliteStore({ dataDir, durability });
			expect(store.settings()).toEqual({
				journalMode: 'wal',
				synchronous: expected,
				secureDelete: 'fast'
			});
			await store.close();
			removeDataDir(dataDir);
		}
	);

	it('is reported by the server at start, as SQLite applied it', async () => {
		const server = await startServer({ env: { DURABILITY: 'full' } });
		try {
			expect(server.output()).toMatch(/"journalMode":"wal","synchronous":"full"/);
		} finally {
			await server.kill();
			removeDataDir(server.dataDir);
		}
	});
});
