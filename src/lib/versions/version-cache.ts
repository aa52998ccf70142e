import { openDB, type DBSchema } from 'idb';
import { versionCacheName } from '../sync/local-boards.ts';

interface CacheSchema extends DBSchema {
	states: { key: string; value: Uint8Array };
}

/** Where a browser keeps the versions of one board it has opened. Browser only. */
export interface VersionCache {
	get(versionId: string): Promise<Uint8Array | undefined>;
	put(versionId: string, state: Uint8Array): Promise<void>;
}

/**
 * The versions of a board this browser has opened, kept in IndexedDB: a version never changes,
 * so a kept copy is always right, and the baseline can be compared with offline. forgetBoard
 * deletes it with the board.
 */
export function indexedDbVersionCache(boardId: string): VersionCache {
	const open = () =>
		openDB<CacheSchema>(versionCacheName(boardId), 1, {
			upgrade(db) {
				db.createObjectStore('states');
			}
		});
	return {
		async get(versionId) {
			const db = await open();
			try {
				return await db.get('states', versionId);
			} finally {
				db.close();
			}
		},
		async put(versionId, state) {
			const db = await open();
			try {
				await db.put('states', state, versionId);
			} finally {
				db.close();
			}
		}
	};
}
