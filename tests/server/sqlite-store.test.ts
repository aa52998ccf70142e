import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('DURABILITY', () => {
	it.each([
		['normal', 'normal'],
		['full', 'full']
	] as const)('%s keeps the file in WAL mode with synchronous=%s', async (durability, expected) => {
		const dataDir = makeDataDir();
		const store = new SqliteStore({ dataDir, durability });
		expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: expected });
		await store.close();
		removeDataDir(dataDir);
	});

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
