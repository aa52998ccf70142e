import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { localDateString } from '../board/dates.ts';
import { readMeta } from '../board/read.ts';
import { carryOverRetro } from '../board/retro/carry-over.ts';
import { createLocalBoard } from './create-board.ts';
import { boardDatabaseName, renameKnownBoard } from './local-boards.ts';

/**
 * Creates the next retro "from this board", in this browser like any new board: its columns,
 * people and open actions (listed for review at its start) come from `source`, and `facilitator`
 * facilitates it. Resolves with the new board's id.
 */
export async function startNextRetro(source: Y.Doc, facilitator: string): Promise<string> {
	const { boardId } = await createLocalBoard('retro');
	const doc = new Y.Doc();
	const persistence = new IndexeddbPersistence(boardDatabaseName(boardId), doc);
	try {
		await persistence.whenSynced;
		carryOverRetro(doc, source, { facilitator, today: localDateString() });
		const meta = readMeta(doc);
		if (meta.ok) await renameKnownBoard(boardId, meta.meta.title);
	} finally {
		// Closing the database lets the pending write of the new board finish first.
		await persistence.destroy();
		doc.destroy();
	}
	return boardId;
}
