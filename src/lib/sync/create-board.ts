import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { DEFAULT_BOARD_TITLES, initBoard } from '../board/doc.ts';
import type { BoardKind } from '../board/schema.ts';
import { generateBoardKeys, type BoardKeys } from './keys.ts';
import { boardDatabaseName, rememberBoard } from './local-boards.ts';

/**
 * Creates a board entirely in this browser: new keys, the board document written to its
 * offline copy, and an entry in the list of known boards. The server learns of it on first sync.
 */
export async function createLocalBoard(
	kind: BoardKind,
	options: { facilitator?: string } = {}
): Promise<BoardKeys> {
	const keys = await generateBoardKeys();
	const doc = new Y.Doc();
	const persistence = new IndexeddbPersistence(boardDatabaseName(keys.boardId), doc);
	await persistence.whenSynced;
	// The creator of a retro runs it until they hand facilitation over.
	initBoard(doc, kind, kind === 'retro' ? options : {});
	// Closing the database lets the pending write of the new board finish first.
	await persistence.destroy();
	doc.destroy();
	await rememberBoard({ ...keys, kind, title: DEFAULT_BOARD_TITLES[kind] });
	return keys;
}
