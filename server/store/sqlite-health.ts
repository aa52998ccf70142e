import type Database from 'better-sqlite3';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Thrown at start when SQLite finds the database damaged; names the first problem it reported. */
export class StoreDamagedError extends Error {
	override name = 'StoreDamagedError';
	constructor(
		readonly file: string,
		readonly problem: string
	) {
		super(`SQLite's quick_check found ${file} damaged (${problem}); restore it from a backup`);
	}
}

/**
 * Runs SQLite's `PRAGMA quick_check` (every page and record is readable and well formed; it
 * skips the costlier index-content checks of integrity_check) and throws StoreDamagedError when
 * it reports a problem, or fails while reading, as damaged pages make it do.
 */
export function quickCheck(db: Database.Database, file: string): void {
	let rows: { quick_check: string }[];
	try {
		rows = db.pragma('quick_check') as { quick_check: string }[];
	} catch (error) {
		throw new StoreDamagedError(file, error instanceof Error ? error.message : String(error));
	}
	const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
	if (problems.length > 0) throw new StoreDamagedError(file, firstProblem(problems));
}

// SQLite starts its report with a header line ("*** in database main ***"): skip it, and keep
// the report on one line.
function firstProblem(problems: readonly string[]): string {
	const lines = problems.flatMap((problem) => problem.split('\n'));
	const detail = lines.find((line) => line.trim() !== '' && !line.startsWith('***'));
	return (detail ?? lines[0] ?? 'unknown problem').trim().slice(0, 200);
}

/** Bytes the probe writes: a page, so a full filesystem cannot take it in slack space. */
const PROBE_BYTES = Buffer.alloc(4096, 0x2a);

/**
 * Writes and removes a small file in the data directory, as growing the database would: fails
 * when the filesystem is full or read-only, or the directory is no longer writable. SQLite can
 * go on writing into space its files already hold, so its own writes succeed for a while on a
 * full disk; this one cannot.
 */
export async function probeDirectory(dataDir: string): Promise<void> {
	const file = join(dataDir, `.write-probe-${process.pid}`);
	try {
		await writeFile(file, PROBE_BYTES, { flush: true });
	} finally {
		await unlink(file).catch(() => {});
	}
}
