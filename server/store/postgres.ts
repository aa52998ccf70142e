import { createHash } from 'node:crypto';
import pg from 'pg';
import {
	StoreError,
	type Store,
	type StoredBoard,
	type UpgradePlan,
	type VersionInfo
} from './store.ts';
import { mergeCollected } from './collect-garbage.ts';
import { isConnectionError } from './postgres-errors.ts';
import { migrate } from './postgres-schema.ts';

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
	/** A postgres:// URL. */
	url: string;
	/** Connections in the pool (default 10). */
	poolSize?: number;
	/**
	 * How long an operation keeps retrying, with backoff, while the server cannot be reached
	 * (default 3 s); past that it fails with StoreError.
	 */
	retryForMs?: number;
	/** How long opening keeps retrying while the server cannot be reached (default retryForMs). */
	connectRetryForMs?: number;
	/** Told of every lost or refused connection, for the dependency metrics and the log. */
	onConnectionError?: (error: Error) => void;
}

interface UpdateRow {
	seq: string;
	data: Buffer;
}

interface VersionRow {
	id: string;
	label: string;
	kind: 'manual' | 'auto';
	created_at: string;
	created_by: string | null;
	bytes: number;
}

/** SQLSTATE of a unique violation (a version id the board already has). */
const UNIQUE_VIOLATION = '23505';

/**
 * The advisory-lock key of a board: 64 bits of SHA-256 over its id, so every node that compacts
 * the board takes the same lock and boards almost never share one.
 */
export function boardLockKey(boardId: string): bigint {
	return createHash('sha256').update(`charter.board\0${boardId}`).digest().readBigInt64BE(0);
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
const toBytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

// Snapshot and log in one statement, so one database snapshot: a compaction that commits
// between two reads could otherwise hide the log it merged.
const LOAD_BOARD = `
	SELECT 0 AS part, 0::bigint AS seq, snapshot AS data FROM board_snapshot WHERE board_id = $1
	UNION ALL
	SELECT 1, seq, data FROM board_update WHERE board_id = $1
	ORDER BY part, seq`;

interface BoardRow {
	part: number;
	data: Buffer;
}

function boardOf(rows: readonly BoardRow[]): StoredBoard {
	const snapshot = rows[0]?.part === 0 ? toBytes(rows[0].data) : null;
	const log = rows.filter((row) => row.part === 1).map((row) => toBytes(row.data));
	return { snapshot, log };
}

/**
 * The multi-node store: every node reads and writes one PostgreSQL database. An append commits
 * (synchronous_commit as the server has it, `on` by default) before it resolves; a compaction
 * runs under a per-board advisory lock, so two nodes never merge the same log at once.
 */
export class PostgresStore implements Store {
	readonly #pool: pg.Pool;
	readonly #retryForMs: number;
	#closed = false;

	private constructor(
		pool: pg.Pool,
		retryForMs: number,
		private readonly onConnectionError: (error: Error) => void
	) {
		this.#pool = pool;
		this.#retryForMs = retryForMs;
	}

	/** Connects, creates or migrates the schema, and returns the store. */
	static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
		const pool = new pg.Pool({
			connectionString: options.url,
			max: options.poolSize ?? 10,
			connectionTimeoutMillis: 5_000,
			idleTimeoutMillis: 30_000,
			application_name: 'charter'
		});
		const onConnectionError = options.onConnectionError ?? (() => {});
		// An idle connection that the server drops is reported here; unhandled, it would end
		// the process.
		pool.on('error', (error) => onConnectionError(error));
		const store = new PostgresStore(pool, options.retryForMs ?? 3_000, onConnectionError);
		try {
			await store.#run(null, 'migrate', () => migrate(pool), options.connectRetryForMs);
		} catch (error) {
			await pool.end();
			throw error;
		}
		return store;
	}

	/** {@inheritDoc Store.load} */
	async load(boardId: string): Promise<StoredBoard> {
		const { rows } = await this.#run(boardId, 'load', () =>
			this.#pool.query<BoardRow>(LOAD_BOARD, [boardId])
		);
		return boardOf(rows);
	}

	/** {@inheritDoc Store.append} */
	append(boardId: string, update: Uint8Array): Promise<void> {
		return this.appendMany(boardId, [update]);
	}

	/**
	 * {@inheritDoc Store.appendMany}
	 * One INSERT of many rows is one transaction; `seq` follows the order of the VALUES list.
	 * A retry after a lost connection may store an update twice, which Yjs ignores.
	 */
	async appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
		this.#assertOpen(boardId);
		if (updates.length === 0) return;
		const values = updates.map((_, i) => `($1, $${i + 2})`).join(', ');
		const text = `INSERT INTO board_update (board_id, data) VALUES ${values}`;
		await this.#run(boardId, 'append', () =>
			this.#pool.query(text, [boardId, ...updates.map(toBuffer)])
		);
	}

	/** {@inheritDoc Store.compact} */
	async compact(boardId: string): Promise<void> {
		await this.#run(boardId, 'compact', () =>
			this.#transaction(async (client) => {
				await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [
					boardLockKey(boardId).toString()
				]);
				// Read after the lock: another node's compaction has committed by now.
				const log = await client.query<UpdateRow>(
					'SELECT seq, data FROM board_update WHERE board_id = $1 ORDER BY seq',
					[boardId]
				);
				if (log.rows.length === 0) return;
				const snapshot = await client.query<{ snapshot: Buffer }>(
					'SELECT snapshot FROM board_snapshot WHERE board_id = $1',
					[boardId]
				);
				const parts = log.rows.map((row) => toBytes(row.data));
				if (snapshot.rows[0]) parts.unshift(toBytes(snapshot.rows[0].snapshot));
				await client.query(
					`INSERT INTO board_snapshot (board_id, snapshot, compacted_at) VALUES ($1, $2, $3)
					 ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot,
					 compacted_at = excluded.compacted_at`,
					[boardId, toBuffer(mergeCollected(parts)), Date.now()]
				);
				// Exactly the rows merged: an append that commits meanwhile stays in the log.
				await client.query(
					'DELETE FROM board_update WHERE board_id = $1 AND seq = ANY($2::bigint[])',
					[boardId, log.rows.map((row) => row.seq)]
				);
			})
		);
	}

	/**
	 * {@inheritDoc Store.upgrade}
	 * Under the board's advisory lock (the one compaction takes), so nodes upgrade one at a time.
	 */
	async upgrade(boardId: string, plan: UpgradePlan): Promise<StoredBoard> {
		let stored: StoredBoard = { snapshot: null, log: [] };
		await this.#run(boardId, 'upgrade', () =>
			this.#transaction(async (client) => {
				await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [
					boardLockKey(boardId).toString()
				]);
				stored = boardOf((await client.query<BoardRow>(LOAD_BOARD, [boardId])).rows);
				const update = plan(stored);
				if (!update) return;
				await client.query('INSERT INTO board_update (board_id, data) VALUES ($1, $2)', [
					boardId,
					toBuffer(update)
				]);
				stored = { snapshot: stored.snapshot, log: [...stored.log, update] };
			})
		);
		return stored;
	}

	/** {@inheritDoc Store.saveVersion} */
	async saveVersion(
		boardId: string,
		version: Omit<VersionInfo, 'bytes'>,
		state: Uint8Array
	): Promise<VersionInfo> {
		this.#assertOpen(boardId);
		try {
			// No retry: a lost acknowledgement would make the retry look like a duplicate id.
			await this.#pool.query(
				`INSERT INTO board_version (board_id, id, label, kind, created_at, created_by, bytes, state)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				[
					boardId,
					version.id,
					version.label,
					version.kind,
					version.createdAt,
					version.createdBy,
					state.length,
					toBuffer(state)
				]
			);
		} catch (cause) {
			if (isConnectionError(cause)) this.onConnectionError(cause as Error);
			const duplicate = (cause as { code?: string }).code === UNIQUE_VIOLATION;
			const message = duplicate
				? `version ${version.id} already exists`
				: 'PostgreSQL saveVersion failed';
			throw new StoreError(message, boardId, { cause });
		}
		return { ...version, bytes: state.length };
	}

	/** {@inheritDoc Store.listVersions} */
	async listVersions(boardId: string): Promise<VersionInfo[]> {
		const { rows } = await this.#run(boardId, 'listVersions', () =>
			this.#pool.query<VersionRow>(
				`SELECT id, label, kind, created_at, created_by, bytes FROM board_version
				 WHERE board_id = $1 ORDER BY created_at DESC, id DESC`,
				[boardId]
			)
		);
		return rows.map((row) => ({
			id: row.id,
			label: row.label,
			kind: row.kind,
			createdAt: Number(row.created_at),
			createdBy: row.created_by,
			bytes: row.bytes
		}));
	}

	/** {@inheritDoc Store.loadVersion} */
	async loadVersion(boardId: string, versionId: string): Promise<Uint8Array | null> {
		const { rows } = await this.#run(boardId, 'loadVersion', () =>
			this.#pool.query<{ state: Buffer }>(
				'SELECT state FROM board_version WHERE board_id = $1 AND id = $2',
				[boardId, versionId]
			)
		);
		return rows[0] ? toBytes(rows[0].state) : null;
	}

	/** {@inheritDoc Store.deleteVersions} */
	async deleteVersions(boardId: string, versionIds: readonly string[]): Promise<number> {
		if (versionIds.length === 0) {
			this.#assertOpen(boardId);
			return 0;
		}
		const { rowCount } = await this.#run(boardId, 'deleteVersions', () =>
			this.#pool.query('DELETE FROM board_version WHERE board_id = $1 AND id = ANY($2::text[])', [
				boardId,
				[...versionIds]
			])
		);
		return rowCount ?? 0;
	}

	/** {@inheritDoc Store.countBoards} */
	async countBoards(): Promise<number> {
		const { rows } = await this.#run(null, 'countBoards', () =>
			this.#pool.query<{ boards: string }>(
				`SELECT COUNT(*) AS boards FROM (
				 SELECT board_id FROM board_snapshot UNION SELECT board_id FROM board_update) AS boards`
			)
		);
		return Number(rows[0]!.boards);
	}

	/** {@inheritDoc Store.ping} */
	async ping(): Promise<void> {
		this.#assertOpen(null);
		try {
			await this.#pool.query('SELECT 1');
		} catch (cause) {
			if (isConnectionError(cause)) this.onConnectionError(cause as Error);
			throw new StoreError('PostgreSQL does not answer', null, { cause });
		}
	}

	/** {@inheritDoc Store.probe} */
	async probe(): Promise<void> {
		await this.#run(null, 'probe', () =>
			this.#pool.query(
				`INSERT INTO store_probe (id, probed_at) VALUES (1, $1)
				 ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at`,
				[Date.now()]
			)
		);
	}

	/** {@inheritDoc Store.close} */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		await this.#pool.end();
	}

	#assertOpen(boardId: string | null): void {
		if (this.#closed) throw new StoreError('the PostgreSQL store is closed', boardId);
	}

	async #transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
		const client = await this.#pool.connect();
		try {
			await client.query('BEGIN');
			await work(client);
			await client.query('COMMIT');
			client.release();
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			// A client whose connection broke is thrown away, not returned to the pool.
			client.release(error as Error);
			throw error;
		}
	}

	// Runs an operation, retrying with backoff while PostgreSQL cannot be reached, and wraps
	// whatever finally fails in a StoreError naming the board.
	async #run<T>(
		boardId: string | null,
		operation: string,
		work: () => Promise<T>,
		retryForMs = this.#retryForMs
	): Promise<T> {
		this.#assertOpen(boardId);
		const deadline = Date.now() + retryForMs;
		for (let attempt = 0; ; attempt++) {
			try {
				return await work();
			} catch (cause) {
				const lost = isConnectionError(cause);
				if (lost) this.onConnectionError(cause as Error);
				const wait = Math.min(50 * 2 ** attempt, 1_000);
				if (!lost || this.#closed || Date.now() + wait > deadline) {
					throw new StoreError(`PostgreSQL ${operation} failed`, boardId, { cause });
				}
				await new Promise((resolve) => setTimeout(resolve, wait));
			}
		}
	}
}
