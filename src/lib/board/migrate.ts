import * as Y from 'yjs';
import { plainTextFieldsOf } from './collection.ts';
import { boardRoots, type RootKey } from './doc.ts';
import { nameEveryGroup } from './retro/groups.ts';
import { retroExtraRoots } from './retro/model.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { PLAIN_TEXT_FIELDS } from './text.ts';

/**
 * The `meta` key a migration writes, with the time it ran. Besides telling when a board was
 * migrated, its first write is what lets the server see, in a stored board's bytes and without
 * decoding them, that the board no longer needs a migration (server/sync/schema-upgrade.ts).
 */
export const MIGRATED_AT_KEY = 'schemaMigratedAt';

/** Whether the board says it has a layout older than this code's (schema 1: plain strings). */
export function needsMigration(doc: Y.Doc): boolean {
	const schema = boardRoots(doc).meta.get('schema');
	return typeof schema === 'number' && schema < SCHEMA_VERSION;
}

/**
 * Migrates a schema-1 board to schema 2 in one transaction with `origin`: every plain text field
 * that holds a string (text.ts) gets a Y.Text holding the same text, each group without a name
 * gets an empty one, and `meta` says schema 2 and when. A board already at schema 2, or not a
 * board at all, is left alone: it writes nothing and returns false.
 *
 * Two peers that migrate the same board at once each make their own Y.Text per field, and the
 * board keeps one of the two: the same text, so no text is lost and none doubled, but what
 * someone typed into the other before the two met would be. So one migrator does it — the
 * server, when it loads the board and before anyone syncs with it, under a per-board lock across
 * nodes (Store.upgrade) — and clients never migrate a board others may hold (a copy of a saved
 * version, a new board only this browser has, is theirs to migrate).
 */
export function migrateBoard(doc: Y.Doc, origin: unknown, now = Date.now()): boolean {
	if (!needsMigration(doc)) return false;
	const roots = boardRoots(doc);
	doc.transact(() => {
		textToYText(roots.meta, 'title');
		for (const collection of Object.keys(PLAIN_TEXT_FIELDS) as RootKey[]) {
			const fields = plainTextFieldsOf(collection);
			for (const entry of roots[collection].values()) {
				if (entry instanceof Y.Map) for (const field of fields) textToYText(entry, field);
			}
		}
		const { groupNames } = retroExtraRoots(doc);
		for (const lead of Array.from(groupNames.keys())) textToYText(groupNames, lead);
		roots.meta.set('schema', SCHEMA_VERSION);
		// After the schema: groups formed at schema 1 get the empty name a new group has.
		nameEveryGroup(doc);
		roots.meta.set(MIGRATED_AT_KEY, now);
	}, origin);
	return true;
}

function textToYText(map: Y.Map<unknown>, key: string): void {
	const value = map.get(key);
	if (typeof value === 'string') map.set(key, new Y.Text(value));
}
