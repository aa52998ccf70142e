import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BoardKind } from '../board/schema.ts';

/** A board this browser has opened, with the keys it holds for it. */
export interface KnownBoard {
	boardId: string;
	title: string;
	kind: BoardKind;
	/** Present only when this browser may edit the board. */
	editKey: string | null;
	viewKey: string;
	lastOpenedAt: number;
}

interface IndexSchema extends DBSchema {
	boards: { key: string; value: KnownBoard };
}

const DATABASE = 'charter-index';

function open(): Promise<IDBPDatabase<IndexSchema>> {
	return openDB<IndexSchema>(DATABASE, 1, {
		upgrade(db) {
			db.createObjectStore('boards', { keyPath: 'boardId' });
		}
	});
}

/** The name of the IndexedDB database that holds a board's offline copy. */
export function boardDatabaseName(boardId: string): string {
	return `charter-board-${boardId}`;
}

/** The boards this browser knows, most recently opened first. */
export async function listKnownBoards(): Promise<KnownBoard[]> {
	const db = await open();
	try {
		const boards = await db.getAll('boards');
		return boards.sort((a, b) => b.lastOpenedAt - a.lastOpenedAt);
	} finally {
		db.close();
	}
}

/** One known board, or undefined. */
export async function getKnownBoard(boardId: string): Promise<KnownBoard | undefined> {
	const db = await open();
	try {
		return await db.get('boards', boardId);
	} finally {
		db.close();
	}
}

/**
 * Records a board and its keys. An edit key once known is never forgotten because the board
 * was later opened through a view link.
 */
export async function rememberBoard(
	board: Omit<KnownBoard, 'lastOpenedAt' | 'editKey'> & { editKey?: string | null }
): Promise<KnownBoard> {
	const db = await open();
	try {
		const transaction = db.transaction('boards', 'readwrite');
		const previous = await transaction.store.get(board.boardId);
		const entry: KnownBoard = {
			...board,
			editKey: board.editKey ?? previous?.editKey ?? null,
			lastOpenedAt: Date.now()
		};
		await transaction.store.put(entry);
		await transaction.done;
		return entry;
	} finally {
		db.close();
	}
}

/** Updates the title shown in the list of known boards. */
export async function renameKnownBoard(boardId: string, title: string): Promise<void> {
	const db = await open();
	try {
		const transaction = db.transaction('boards', 'readwrite');
		const previous = await transaction.store.get(boardId);
		if (previous && previous.title !== title) await transaction.store.put({ ...previous, title });
		await transaction.done;
	} finally {
		db.close();
	}
}

/** The name of the IndexedDB database that keeps the versions of a board this browser opened. */
export function versionCacheName(boardId: string): string {
	return `charter-versions-${boardId}`;
}

/** The name of the IndexedDB database that keeps the state of a board this browser last showed. */
export function lastShownName(boardId: string): string {
	return `charter-shown-${boardId}`;
}

/**
 * Removes a board from this device: its entry in the list, its offline copy, the versions
 * kept of it and the state it last showed.
 */
export async function forgetBoard(boardId: string): Promise<void> {
	const db = await open();
	try {
		await db.delete('boards', boardId);
	} finally {
		db.close();
	}
	await deleteDatabase(boardDatabaseName(boardId));
	await deleteDatabase(versionCacheName(boardId));
	await deleteDatabase(lastShownName(boardId));
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
		// Another tab still has the board open: the copy goes once that tab closes it.
		request.onblocked = () => resolve();
	});
}
