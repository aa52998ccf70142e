import * as Y from 'yjs';
import { MIGRATED_AT_KEY, migrateBoard } from '../../src/lib/board/migrate.ts';
import { numberRisks } from '../../src/lib/board/risk-numbering.ts';
import { foldLateStrings, lateStrings, type LateString } from '../../src/lib/board/text-fold.ts';
import type { Store, StoredBoard } from '../store/store.ts';
import { mayNeedNumbering, NUMBERING_ORIGIN } from './risk-numberer.ts';

/**
 * The server keeps boards at the current layout (DESIGN.md §3), off the hot path:
 * - a board stored with schema 1 is migrated when a room loads it, before anyone syncs with it,
 *   under the store's per-board lock (Store.upgrade), so two nodes loading it at once migrate it
 *   once. Only the migrator writes the new Y.Texts: two peers making their own would race, and
 *   what was typed into the one dropped would be lost;
 * - a board whose risks were never numbered (stored before numbers) gets its numbers in the same
 *   step: one node numbers it, and the other loads the numbered board. (Two nodes numbering at
 *   load each wrote the same numbers, and an update another node sends while a room is still
 *   loading waits until the next one arrives, so the two copies could stay apart for seconds.)
 * - whether a stored board needs that is told from its bytes without decoding them: a resting
 *   board is never rebuilt for the check (see mayNeedMigration);
 * - a late string (a schema-1 copy that comes back with plain strings in text fields) is folded
 *   into the field's Y.Text after the update that brought it (text-fold.ts).
 */

/** Origin of the changes the server makes to a board itself: migrating it, folding late strings. */
export const UPGRADE_ORIGIN = Symbol('charter.upgrade');

// How a Yjs v1 update writes a `meta` entry set when the key had no value before: the root's
// name, then the key, each as a length-prefixed UTF-8 string.
function metaEntryBytes(key: string, content: readonly number[] = []): Buffer {
	const strings = ['meta', key].map((text) => {
		const bytes = Buffer.from(text, 'utf8');
		return Buffer.concat([Uint8Array.of(bytes.length), bytes]);
	});
	return Buffer.concat([...strings, Uint8Array.from(content)]);
}

/** `meta.schema = 1` as schema-1 boards were created: one value (0x01), an integer (0x7d), 1. */
const SCHEMA_1_BYTES = metaEntryBytes('schema', [0x01, 0x7d, 0x01]);
/** The first write of `meta.schemaMigratedAt`, which only a migration makes. */
const MIGRATED_BYTES = metaEntryBytes(MIGRATED_AT_KEY);

function partsOf(stored: StoredBoard): Uint8Array[] {
	return stored.snapshot ? [stored.snapshot, ...stored.log] : stored.log;
}

function holds(part: Uint8Array, bytes: Buffer): boolean {
	return Buffer.from(part.buffer, part.byteOffset, part.byteLength).includes(bytes);
}

/**
 * Whether a stored board may still be at schema 1: its bytes hold `meta.schema = 1` as a new
 * board wrote it and no migration's mark. A byte search (half a millisecond for the 430 KB large
 * board on the shared test machine, where decoding it takes some 100 ms): the cold open of a board
 * already at schema 2 decodes nothing more. It may say yes for a board that is not (the check
 * that follows decodes it), never no for one written by Charter at schema 1.
 */
export function mayNeedMigration(stored: StoredBoard): boolean {
	const parts = partsOf(stored);
	return (
		parts.some((part) => holds(part, SCHEMA_1_BYTES)) &&
		!parts.some((part) => holds(part, MIGRATED_BYTES))
	);
}

/** The update that migrates a stored board to the current layout, or null when it needs none. */
export function migrationUpdate(stored: StoredBoard): Uint8Array | null {
	const upgrade = loadUpgrade(stored, { number: false });
	return upgrade?.migrated ? upgrade.update : null;
}

/** What a load's upgrade did: the update it appends, and which of its two steps it took. */
export interface LoadUpgrade {
	readonly update: Uint8Array;
	readonly migrated: boolean;
	readonly numbered: boolean;
}

/**
 * The upgrade that brings a stored board up to date at load: migrated to the current layout
 * and its risks numbered (risk-numbering.ts), or null when it needs neither.
 */
export function loadUpgrade(
	stored: StoredBoard,
	{ number = true }: { number?: boolean } = {}
): LoadUpgrade | null {
	const doc = new Y.Doc();
	try {
		doc.transact(() => {
			for (const part of partsOf(stored)) Y.applyUpdate(doc, part);
		});
		const before = Y.encodeStateVector(doc);
		const migrated = migrateBoard(doc, UPGRADE_ORIGIN);
		const numbered = number && doc.share.has('risks') && numberRisks(doc, NUMBERING_ORIGIN);
		if (!migrated && !numbered) return null;
		return { update: Y.encodeStateAsUpdate(doc, before), migrated, numbered };
	} finally {
		doc.destroy();
	}
}

/**
 * Upgrades a board the room is loading when it may need it: under the store's lock, what is
 * stored is read again, migrated and numbered if it still needs that, and the update appended.
 * Gives what is stored now, and the upgrade's update when this call made it.
 */
export async function upgradeOnLoad(
	boardId: string,
	store: Store,
	stored: StoredBoard
): Promise<{ stored: StoredBoard; upgrade: LoadUpgrade | null }> {
	if (!mayNeedMigration(stored) && !mayNeedNumbering(stored)) return { stored, upgrade: null };
	let upgrade: LoadUpgrade | null = null;
	const upgraded = await store.upgrade(boardId, (current) => {
		upgrade = loadUpgrade(current);
		return upgrade?.update ?? null;
	});
	return { stored: upgraded, upgrade };
}

/**
 * Finds the late strings that peers' updates bring into a room's doc and folds them into their
 * Y.Text. `collect` watches the doc's transactions, `fold` runs after the update was applied.
 */
export class LateStringFolder {
	#found: LateString[] = [];

	/** Watches `doc`: the transactions `fromPeer` accepts are searched for late strings. */
	constructor(
		private readonly doc: Y.Doc,
		private readonly fromPeer: (origin: unknown) => boolean
	) {
		doc.on('beforeObserverCalls', this.#collect);
	}

	readonly #collect = (transaction: Y.Transaction) => {
		if (this.fromPeer(transaction.origin)) this.#found.push(...lateStrings(this.doc, transaction));
	};

	/** Folds what was found since the last call, in one transaction of the server's own. */
	fold(): void {
		if (this.#found.length === 0) return;
		const found = this.#found;
		this.#found = [];
		foldLateStrings(this.doc, found, UPGRADE_ORIGIN);
	}
}
