import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { writeImportedBoard } from '../board/export/board-import.ts';
import type { BoardImport } from '../board/export/import-schema.ts';
import { generateBoardKeys, type BoardKeys } from './keys.ts';
import { distinctTitle } from './distinct-title.ts';
import { boardDatabaseName, listKnownBoards, rememberBoard } from './local-boards.ts';

/**
 * Creates a new board in this browser from a validated JSON export: new keys (the exported
 * board's links never open the copy), its content written to the offline copy, and an entry in
 * the list of known boards. Like a new board, the server learns of it on first sync. The person
 * importing a retro facilitates the copy.
 */
export async function importLocalBoard(
	board: BoardImport,
	options: { facilitator?: string } = {}
): Promise<BoardKeys> {
	const keys = await generateBoardKeys();
	const facilitator = board.board.kind === 'retro' ? options.facilitator : undefined;
	// An import of a board this browser knows gets a title of its own, so the list tells them apart.
	const known = await listKnownBoards();
	const title = distinctTitle(
		board.board.title,
		known.map((entry) => entry.title)
	);
	const content: BoardImport = {
		...board,
		board: { ...board.board, title, ...(facilitator ? { facilitator } : {}) }
	};
	const doc = new Y.Doc();
	const persistence = new IndexeddbPersistence(boardDatabaseName(keys.boardId), doc);
	await persistence.whenSynced;
	writeImportedBoard(doc, content);
	// Closing the database lets the pending write of the new board finish first.
	await persistence.destroy();
	doc.destroy();
	await rememberBoard({ ...keys, kind: board.board.kind, title });
	return keys;
}
