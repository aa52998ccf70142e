import type pg from 'pg';

/**
 * The schema, one migration per version, applied in order and never edited once released: a
 * database records the versions it has, and a node applies only those it lacks.
 */
const MIGRATIONS: readonly string[] = [
	`CREATE TABLE board_snapshot (
		board_id TEXT PRIMARY KEY,
		snapshot BYTEA NOT NULL,
		compacted_at BIGINT NOT NULL
	);
	CREATE TABLE board_update (
		seq BIGSERIAL PRIMARY KEY,
		board_id TEXT NOT NULL,
		data BYTEA NOT NULL
	);
	CREATE INDEX board_update_by_board ON board_update (board_id, seq);
	-- Ids compare byte by byte ("C"), as in SQLite and JavaScript, whatever the locale.
	CREATE TABLE board_version (
		board_id TEXT NOT NULL,
		id TEXT COLLATE "C" NOT NULL,
		label TEXT NOT NULL,
		kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto')),
		created_at BIGINT NOT NULL,
		created_by TEXT,
		bytes INTEGER NOT NULL,
		state BYTEA NOT NULL,
		PRIMARY KEY (board_id, id)
	);`,
	// One row every node rewrites to prove the database takes writes (health checks).
	`CREATE TABLE store_probe (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		probed_at BIGINT NOT NULL
	);`
];

/** The advisory-lock key migrations run under, so nodes starting together migrate once. */
const MIGRATION_LOCK = 0x63686172746572n; // "charter"

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Thrown when the database was migrated by a newer Charter than this one. */
export class SchemaTooNewError extends Error {
	override name = 'SchemaTooNewError';
	constructor(readonly found: number) {
		super(`the database has schema ${found}, newer than this Charter's ${SCHEMA_VERSION}`);
	}
}

/** Creates the schema or brings it up to SCHEMA_VERSION, in one transaction. */
export async function migrate(pool: pg.Pool): Promise<void> {
	const client = await pool.connect();
	try {
		await client.query('BEGIN');
		await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK.toString()]);
		await client.query('CREATE TABLE IF NOT EXISTS charter_schema (version INTEGER NOT NULL)');
		const { rows } = await client.query<{ version: number }>('SELECT version FROM charter_schema');
		const current = rows[0]?.version ?? 0;
		if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current);
		for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
			await client.query(MIGRATIONS[version - 1]!);
		}
		if (rows.length === 0) {
			await client.query('INSERT INTO charter_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
		} else if (current < SCHEMA_VERSION) {
			await client.query('UPDATE charter_schema SET version = $1', [SCHEMA_VERSION]);
		}
		await client.query('COMMIT');
		client.release();
	} catch (error) {
		await client.query('ROLLBACK').catch(() => {});
		client.release(error as Error);
		throw error;
	}
}
