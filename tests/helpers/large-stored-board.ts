import * as Y from 'yjs';
import { createBoard } from '../../src/lib/board/doc.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';

const MiB = 1024 * 1024;

/**
 * A kickoff board holding about `mebibytes` MiB, as years of status updates would make it: a
 * collection this version of Charter does not show (`statusUpdates`, planned in DESIGN.md §3),
 * so the browser has a large state to sync but little to render.
 */
export function largeBoardState(mebibytes: number, title = 'Years of history'): Uint8Array {
	const doc = createBoard('kickoff', { title });
	const updates = doc.getMap<Y.Map<unknown>>('statusUpdates');
	const entryBytes = 64 * 1024;
	const line = 'Status: on track, the migration moved a step further. ';
	const text = line.repeat(Math.ceil(entryBytes / line.length)).slice(0, entryBytes);
	doc.transact(() => {
		for (let i = 0; i < Math.ceil((mebibytes * MiB) / entryBytes); i++) {
			updates.set(`update-${i}`, new Y.Map<unknown>([['text', `${i} ${text}`]]));
		}
	});
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

/** Stores a board straight into the SQLite store of `dataDir` (safe while a server uses it). */
export async function storeBoard(
	dataDir: string,
	boardId: string,
	state: Uint8Array
): Promise<void> {
	const store = new SqliteStore({ dataDir });
	try {
		await store.append(boardId, state);
	} finally {
		await store.close();
	}
}
