import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';

/** What the SQLite file in `dataDir` holds for a board, read directly (the server may be down). */
export interface StoredRows {
	doc: Y.Doc;
	logRows: number;
	snapshots: number;
}

/** Reads a board straight from a data directory's SQLite file into a new doc. */
export function readStoredBoard(dataDir: string, boardId: string): StoredRows {
	const db = new Database(join(dataDir, 'charter.sqlite'), { readonly: true });
	try {
		const doc = new Y.Doc();
		const snapshot = db
			.prepare('SELECT snapshot FROM board_snapshot WHERE board_id = ?')
			.get(boardId) as { snapshot: Buffer } | undefined;
		const log = db
			.prepare('SELECT data FROM board_update WHERE board_id = ? ORDER BY seq')
			.all(boardId) as { data: Buffer }[];
		if (snapshot) Y.applyUpdate(doc, snapshot.snapshot);
		for (const row of log) Y.applyUpdate(doc, row.data);
		return { doc, logRows: log.length, snapshots: snapshot ? 1 : 0 };
	} finally {
		db.close();
	}
}

/** A state vector as a map from client id to clock. */
export function stateOf(doc: Y.Doc): Map<number, number> {
	return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** The client ids whose clock in `seen` is ahead of `stored`: updates seen but not stored. */
export function missingFrom(
	stored: Map<number, number>,
	seen: Map<number, number>
): Array<{ client: number; seen: number; stored: number }> {
	const missing = [];
	for (const [client, clock] of seen) {
		const have = stored.get(client) ?? 0;
		if (have < clock) missing.push({ client, seen: clock, stored: have });
	}
	return missing;
}
