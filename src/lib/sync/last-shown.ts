import { openDB, type DBSchema } from 'idb';
import { lastShownName } from './local-boards.ts';

/** The board as this browser last showed it: `Y.encodeStateAsUpdate` of it, and when. */
export interface LastShown {
	state: Uint8Array;
	savedAt: number;
}

interface ShownSchema extends DBSchema {
	shown: { key: 'board'; value: LastShown };
}

/** Where a browser keeps the state of one board it last showed. */
export interface LastShownStore {
	get(): Promise<LastShown | undefined>;
	put(shown: LastShown): Promise<void>;
}

/**
 * The state of a board this browser last showed its person, in IndexedDB apart from the offline
 * copy (which also holds what arrived while nobody looked). Nothing of it reaches the server;
 * forgetBoard deletes it with the board.
 */
export function indexedDbLastShown(boardId: string): LastShownStore {
	const open = () =>
		openDB<ShownSchema>(lastShownName(boardId), 1, {
			upgrade(db) {
				db.createObjectStore('shown');
			}
		});
	return {
		async get() {
			const db = await open();
			try {
				return await db.get('shown', 'board');
			} finally {
				db.close();
			}
		},
		async put(shown) {
			const db = await open();
			try {
				await db.put('shown', shown, 'board');
			} finally {
				db.close();
			}
		}
	};
}
