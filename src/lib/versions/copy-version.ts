import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { setBaseline, setTitle } from '../board/commands.ts';
import { boardRoots, localOrigin } from '../board/doc.ts';
import { migrateBoard } from '../board/migrate.ts';
import { TEXT_LIMITS } from '../board/fields.ts';
import { readMeta } from '../board/read.ts';
import { generateBoardKeys, type BoardKeys } from '../sync/keys.ts';
import { boardDatabaseName, rememberBoard } from '../sync/local-boards.ts';

/** Thrown when a version holds no board Charter can read, so no copy is made. */
export class UnreadableVersionError extends Error {
	override name = 'UnreadableVersionError';
	constructor(readonly versionId: string) {
		super(`version ${versionId} holds no board that can be read`);
	}
}

/** The title of a copy: the version's board title and the version's label, within 200 characters. */
export function copyTitle(title: string, versionLabel: string): string {
	const suffix = ` (copy of “${versionLabel}”)`;
	return `${title.slice(0, Math.max(1, TEXT_LIMITS.title - suffix.length))}${suffix}`.slice(
		0,
		TEXT_LIMITS.title
	);
}

/**
 * Restores a version without loss: a new board, with new keys, holding the version's content,
 * written to this browser's offline copy and list of boards (the server learns of it on first
 * sync). The original board and its versions are not touched. The copy drops the baseline
 * mark, since the baseline's version belongs to the original board, and is at the current
 * schema whatever the version's was.
 */
export async function copyVersionIntoNewBoard(
	versionId: string,
	versionLabel: string,
	state: Uint8Array
): Promise<BoardKeys> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	const meta = readMeta(doc);
	if (!meta.ok) {
		doc.destroy();
		throw new UnreadableVersionError(versionId);
	}
	// A new board only this browser holds yet: migrating it here races with nobody (migrate.ts).
	migrateBoard(doc, localOrigin);
	const keys = await generateBoardKeys();
	const title = copyTitle(meta.meta.title, versionLabel);
	setTitle(doc, title);
	if (boardRoots(doc).meta.has('baselineVersionId')) setBaseline(doc, null);
	const persistence = new IndexeddbPersistence(boardDatabaseName(keys.boardId), doc);
	await persistence.whenSynced;
	// Closing the database lets the pending write of the copy finish first.
	await persistence.destroy();
	doc.destroy();
	await rememberBoard({ ...keys, kind: meta.meta.kind, title });
	return keys;
}
