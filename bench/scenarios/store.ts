import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../../server/store/postgres.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/store.ts';
import { findServiceBinaries, startPostgres } from '../../tests/helpers/services.ts';

/** A store the bench measures; more adapters (PostgreSQL) are more entries. */
export interface StoreEntry {
	name: string;
	/** Opens an empty store; `dispose` closes it and removes what it wrote. */
	open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

/** What one store run measured. */
export interface StoreFigures extends Record<string, number> {
	/** Durable appends per second, one `append` (one commit) at a time. */
	appends_per_s: number;
	/** Updates per second through `appendMany`, 50 per group commit (what a busy room does). */
	batched_appends_per_s: number;
}

/** Charter's SQLite store with its production settings (WAL, synchronous=NORMAL). */
export const sqliteStore: StoreEntry = {
	name: 'sqlite',
	async open() {
		const dir = mkdtempSync(join(tmpdir(), 'charter-bench-store-'));
		const store = new SqliteStore({ dataDir: dir });
		return {
			store,
			async dispose() {
				await store.close();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}
};

/**
 * Charter's PostgreSQL store on Debian's PostgreSQL, started for the run on loopback with its
 * default durability (synchronous_commit=on, fsync on).
 */
export const postgresStore: StoreEntry = {
	name: 'postgres',
	async open() {
		const binaries = findServiceBinaries();
		if (!binaries.ok) throw new Error(`the postgres store needs ${binaries.reason}`);
		const postgres = await startPostgres(binaries.postgresBin, { fsync: true });
		const store = await PostgresStore.open({ url: await postgres.createDatabase() });
		return {
			store,
			async dispose() {
				await store.close();
				await postgres.stop();
			}
		};
	}
};

/** Every store the bench measures (PostgreSQL when it is installed). */
export const STORES: readonly StoreEntry[] = findServiceBinaries().ok
	? [sqliteStore, postgresStore]
	: [sqliteStore];

const BATCH = 50;

// A small update, the size of one risk-field edit.
const UPDATE = Uint8Array.from({ length: 60 }, (_, i) => (i * 37) & 0xff);

async function rate(durationMs: number, step: () => Promise<number>): Promise<number> {
	let count = 0;
	const started = performance.now();
	while (performance.now() - started < durationMs) count += await step();
	return count / ((performance.now() - started) / 1000);
}

/** Durable appends per second of a store alone, one at a time and in group commits. */
export async function runStore(entry: StoreEntry, durationMs: number): Promise<StoreFigures> {
	const { store, dispose } = await entry.open();
	try {
		const boards = ['board-a', 'board-b', 'board-c', 'board-d'];
		let next = 0;
		const board = () => boards[next++ % boards.length]!;
		const batch = Array.from({ length: BATCH }, () => UPDATE);
		const single = await rate(durationMs / 2, async () => {
			await store.append(board(), UPDATE);
			return 1;
		});
		const batched = await rate(durationMs / 2, async () => {
			await store.appendMany(board(), batch);
			return BATCH;
		});
		return { appends_per_s: single, batched_appends_per_s: batched };
	} finally {
		await dispose();
	}
}
