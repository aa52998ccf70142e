import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { localDateString } from '../board/dates.ts';
import { setTitle } from '../board/commands.ts';
import { readMeta } from '../board/read.ts';
import { carryOverRetro } from '../board/retro/carry-over.ts';
import { createLocalBoard } from './create-board.ts';
import { distinctTitle } from './distinct-title.ts';
import { boardDatabaseName, listKnownBoards, renameKnownBoard } from './local-boards.ts';

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
		if (meta.ok) {
			// A second next retro on the same day gets a title of its own in "Your boards".
			const others = (await listKnownBoards()).filter((known) => known.boardId !== boardId);
			const title = distinctTitle(
				meta.meta.title,
				others.map((known) => known.title)
			);
			if (title !== meta.meta.title) setTitle(doc, title);
			await renameKnownBoard(boardId, title);
		}
	} finally {
		// Closing the database lets the pending write of the new board finish first.
		await persistence.destroy();
		doc.destroy();
	}
	return boardId;
}
