import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mergeCollected } from './collect-garbage.ts';
import { probeDirectory, quickCheck } from './sqlite-health.ts';
import {
	StoreError,
	type Store,
	type StoredBoard,
	type UpgradePlan,
	type VersionInfo
} from './store.ts';

/** How hard SQLite works to keep an acknowledged write (see docs/operations.md, "Durability"). */
export type Durability = 'normal' | 'full';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
	/** Directory of the database file; created when missing. ':memory:' keeps nothing on disk. */
	dataDir: string;
	durability?: Durability;
}

const SCHEMA = `
	CREATE TABLE IF NOT EXISTS board_snapshot (
		board_id TEXT PRIMARY KEY,
		snapshot BLOB NOT NULL,
		compacted_at INTEGER NOT NULL
	);
	CREATE TABLE IF NOT EXISTS board_update (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		board_id TEXT NOT NULL,
		data BLOB NOT NULL
	);
	CREATE INDEX IF NOT EXISTS board_update_by_board ON board_update (board_id, seq);
	CREATE TABLE IF NOT EXISTS board_version (
		board_id TEXT NOT NULL,
		version_id TEXT NOT NULL,
		label TEXT NOT NULL,
		kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto')),
		created_at INTEGER NOT NULL,
		created_by TEXT,
		bytes INTEGER NOT NULL,
		state BLOB NOT NULL,
		PRIMARY KEY (board_id, version_id)
	) WITHOUT ROWID;
	CREATE INDEX IF NOT EXISTS board_version_newest ON board_version (board_id, created_at DESC, version_id DESC);
	CREATE TABLE IF NOT EXISTS store_probe (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		probed_at INTEGER NOT NULL
	);
`;

interface VersionRow {
	version_id: string;
	label: string;
	kind: VersionInfo['kind'];
	created_at: number;
	created_by: string | null;
	bytes: number;
}

interface UpdateRow {
	seq: number;
	data: Buffer;
}

/**
 * The embedded store: one SQLite file in WAL mode. With synchronous=NORMAL a committed append
 * survives a crash of the process (the WAL is in the OS before append returns); with FULL it
 * also survives a power loss, at the cost of an fsync per append.
 */
export class SqliteStore implements Store {
	readonly #db: Database.Database;
	readonly #selectSnapshot: Database.Statement<[string], { snapshot: Buffer }>;
	readonly #selectLog: Database.Statement<[string], UpdateRow>;
	readonly #insertUpdate: Database.Statement<[string, Uint8Array]>;
	readonly #insertUpdates: (boardId: string, updates: readonly Uint8Array[]) => void;
	readonly #compact: (boardId: string) => void;
	readonly #upgrade: (boardId: string, plan: UpgradePlan) => StoredBoard;
	readonly #insertVersion: Database.Statement<
		[string, string, string, string, number, string | null, number, Uint8Array]
	>;
	readonly #selectVersions: Database.Statement<[string], VersionRow>;
	readonly #selectVersionState: Database.Statement<[string, string], { state: Buffer }>;
	readonly #deleteVersions: (boardId: string, versionIds: readonly string[]) => number;
	readonly #countBoards: Database.Statement<[], { boards: number }>;
	readonly #writeProbe: Database.Statement<[number]>;
	readonly #dataDir: string | null;

	/** Opens (or creates) the database; throws StoreDamagedError when SQLite finds it damaged. */
	constructor({ dataDir, durability = 'normal' }: SqliteStoreOptions) {
		const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'charter.sqlite');
		if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
		this.#dataDir = dataDir === ':memory:' ? null : dataDir;
		this.#db = new Database(file);
		// Before anything is written to it: a damaged store is refused, not built upon.
		try {
			quickCheck(this.#db, file);
		} catch (error) {
			this.#db.close();
			throw error;
		}
		this.#db.pragma('journal_mode = WAL');
		this.#db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
		this.#db.pragma('busy_timeout = 5000');
		// Rows compaction deletes (the log, old snapshots) are zeroed where that costs no extra
		// I/O, so deleted text lingers less in free pages.
		this.#db.pragma('secure_delete = FAST');
		this.#db.exec(SCHEMA);
		this.#selectSnapshot = this.#db.prepare(
			'SELECT snapshot FROM board_snapshot WHERE board_id = ?'
		);
		this.#selectLog = this.#db.prepare(
			'SELECT seq, data FROM board_update WHERE board_id = ? ORDER BY seq'
		);
		this.#insertUpdate = this.#db.prepare(
			'INSERT INTO board_update (board_id, data) VALUES (?, ?)'
		);
		// One transaction, one commit: a burst of updates costs one WAL write, not one each.
		this.#insertUpdates = this.#db.transaction(
			(boardId: string, updates: readonly Uint8Array[]) => {
				for (const update of updates) this.#insertUpdate.run(boardId, update);
			}
		);
		const upsertSnapshot = this.#db.prepare(
			`INSERT INTO board_snapshot (board_id, snapshot, compacted_at) VALUES (?, ?, ?)
			 ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot,
			 compacted_at = excluded.compacted_at`
		);
		const deleteLog = this.#db.prepare('DELETE FROM board_update WHERE board_id = ? AND seq <= ?');
		// A plain INSERT: an id the board already has violates the primary key, so a version is
		// never overwritten. Tables made by older versions of Charter are left as they were.
		this.#insertVersion = this.#db.prepare(
			`INSERT INTO board_version
			 (board_id, version_id, label, kind, created_at, created_by, bytes, state)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		);
		this.#selectVersions = this.#db.prepare(
			`SELECT version_id, label, kind, created_at, created_by, bytes FROM board_version
			 WHERE board_id = ? ORDER BY created_at DESC, version_id DESC`
		);
		this.#selectVersionState = this.#db.prepare(
			'SELECT state FROM board_version WHERE board_id = ? AND version_id = ?'
		);
		const deleteVersion = this.#db.prepare(
			'DELETE FROM board_version WHERE board_id = ? AND version_id = ?'
		);
		this.#deleteVersions = this.#db.transaction((boardId: string, versionIds: readonly string[]) =>
			versionIds.reduce((sum, id) => sum + deleteVersion.run(boardId, id).changes, 0)
		);
		// Both tables are indexed by board: each side is read from its index.
		this.#countBoards = this.#db.prepare(
			`SELECT COUNT(*) AS boards FROM (
			 SELECT board_id FROM board_snapshot UNION SELECT board_id FROM board_update)`
		);
		this.#writeProbe = this.#db.prepare(
			`INSERT INTO store_probe (id, probed_at) VALUES (1, ?)
			 ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at`
		);
		// Read, merge, write and trim in one transaction, so a crash leaves either the old
		// snapshot and log or the new snapshot, never a mix.
		this.#compact = this.#db.transaction((boardId: string) => {
			const log = this.#selectLog.all(boardId);
			if (log.length === 0) return;
			const snapshot = this.#selectSnapshot.get(boardId)?.snapshot;
			const parts = log.map((row) => row.data as Uint8Array);
			if (snapshot) parts.unshift(snapshot);
			upsertSnapshot.run(boardId, mergeCollected(parts), Date.now());
			deleteLog.run(boardId, log.at(-1)!.seq);
		});
		// IMMEDIATE takes the write lock before reading, so the plan sees the last word.
		const upgrade = this.#db.transaction((boardId: string, plan: UpgradePlan) => {
			const update = plan(this.#read(boardId));
			if (update) this.#insertUpdate.run(boardId, update);
			return this.#read(boardId);
		});
		this.#upgrade = (boardId, plan) => upgrade.immediate(boardId, plan);
	}

	#read(boardId: string): StoredBoard {
		const snapshot = this.#selectSnapshot.get(boardId)?.snapshot ?? null;
		const log = this.#selectLog.all(boardId).map((row) => new Uint8Array(row.data));
		return { snapshot: snapshot && new Uint8Array(snapshot), log };
	}

	/** {@inheritDoc Store.load} */
	async load(boardId: string): Promise<StoredBoard> {
		return this.#guard(boardId, 'load', () => this.#read(boardId));
	}

	/** {@inheritDoc Store.append} */
	async append(boardId: string, update: Uint8Array): Promise<void> {
		this.#guard(boardId, 'append', () => this.#insertUpdate.run(boardId, update));
	}

	/** {@inheritDoc Store.appendMany} */
	async appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
		this.#guard(boardId, 'append', () => this.#insertUpdates(boardId, updates));
	}

	/** {@inheritDoc Store.compact} */
	async compact(boardId: string): Promise<void> {
		this.#guard(boardId, 'compact', () => this.#compact(boardId));
	}

	/** {@inheritDoc Store.upgrade} */
	async upgrade(boardId: string, plan: UpgradePlan): Promise<StoredBoard> {
		return this.#guard(boardId, 'upgrade', () => this.#upgrade(boardId, plan));
	}

	/** {@inheritDoc Store.saveVersion} */
	async saveVersion(
		boardId: string,
		version: Omit<VersionInfo, 'bytes'>,
		state: Uint8Array
	): Promise<VersionInfo> {
		const { id, label, kind, createdAt, createdBy } = version;
		this.#guard(boardId, 'saveVersion', () =>
			this.#insertVersion.run(boardId, id, label, kind, createdAt, createdBy, state.length, state)
		);
		return { ...version, bytes: state.length };
	}

	/** {@inheritDoc Store.listVersions} */
	async listVersions(boardId: string): Promise<VersionInfo[]> {
		return this.#guard(boardId, 'listVersions', () =>
			this.#selectVersions.all(boardId).map((row) => ({
				id: row.version_id,
				label: row.label,
				kind: row.kind,
				createdAt: row.created_at,
				createdBy: row.created_by,
				bytes: row.bytes
			}))
		);
	}

	/** {@inheritDoc Store.loadVersion} */
	async loadVersion(boardId: string, versionId: string): Promise<Uint8Array | null> {
		return this.#guard(boardId, 'loadVersion', () => {
			const row = this.#selectVersionState.get(boardId, versionId);
			return row ? new Uint8Array(row.state) : null;
		});
	}

	/** {@inheritDoc Store.deleteVersions} */
	async deleteVersions(boardId: string, versionIds: readonly string[]): Promise<number> {
		return this.#guard(boardId, 'deleteVersions', () => this.#deleteVersions(boardId, versionIds));
	}

	/** {@inheritDoc Store.countBoards} */
	async countBoards(): Promise<number> {
		return this.#guard(null, 'countBoards', () => this.#countBoards.get()!.boards);
	}

	/** {@inheritDoc Store.ping} */
	async ping(): Promise<void> {
		this.#guard(null, 'ping', () => this.#db.prepare('SELECT 1').get());
	}

	/**
	 * {@inheritDoc Store.probe}
	 * A one-row write committed like an append, then a page written into DATA_DIR (see
	 * probeDirectory: SQLite alone can keep writing into space it holds on a full disk).
	 */
	async probe(): Promise<void> {
		this.#guard(null, 'probe', () => this.#writeProbe.run(Date.now()));
		if (!this.#dataDir) return;
		try {
			await probeDirectory(this.#dataDir);
		} catch (cause) {
			throw new StoreError('DATA_DIR is not writable', null, { cause });
		}
	}

	/** What SQLite itself reports about how it keeps writes, for the start-up log and tests. */
	settings(): {
		journalMode: string;
		synchronous: Durability | 'other';
		secureDelete: 'off' | 'on' | 'fast';
	} {
		const journalMode = String(this.#db.pragma('journal_mode', { simple: true }));
		const level = Number(this.#db.pragma('synchronous', { simple: true }));
		// SQLite numbers its levels OFF=0, NORMAL=1, FULL=2, EXTRA=3.
		const synchronous = level === 1 ? 'normal' : level === 2 ? 'full' : 'other';
		// And secure_delete OFF=0, ON=1, FAST=2.
		const erase = Number(this.#db.pragma('secure_delete', { simple: true }));
		const secureDelete = erase === 2 ? 'fast' : erase === 1 ? 'on' : 'off';
		return { journalMode, synchronous, secureDelete };
	}

	/** {@inheritDoc Store.close} */
	async close(): Promise<void> {
		if (this.#db.open) this.#db.close();
	}

	#guard<T>(boardId: string | null, operation: string, run: () => T): T {
		try {
			return run();
		} catch (cause) {
			throw new StoreError(`SQLite ${operation} failed`, boardId, { cause });
		}
	}
}
