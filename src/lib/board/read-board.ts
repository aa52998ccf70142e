import type * as Y from 'yjs';
import { CHARTER_SECTIONS, type CharterSection } from './doc.ts';
import {
	CELLS_KEYS,
	LIST_KEYS,
	readCellMap,
	readCharterSection,
	readList,
	readMeta,
	readRetroSettings,
	tableOf,
	type CellOf,
	type CellsKey,
	type EntityOf,
	type ListKey
} from './read.ts';
import {
	readGroupNames,
	readRetroExtras,
	readReview,
	type RetroExtras,
	type RetroReviewEntry
} from './retro/model.ts';
import type { BoardMeta, RetroSettings } from './schema.ts';

/**
 * A whole board as its validated readers see it: what the JSON export, the document view and
 * the comparison of two states read. Each part is read the first time it is asked for and kept,
 * so a reader that needs only the risks pays only for the risks. Entries that do not parse are
 * left out, as by every reader.
 */
export type BoardRead = {
	/** The board's identity, or null when `meta` cannot be read. */
	readonly meta: BoardMeta | null;
	/** Each charter section's rich text, or null when the section is missing. */
	readonly charter: Readonly<Record<CharterSection, Y.XmlText | null>>;
	/** The retro's settings, or null on a board that is not a retro (or holds malformed ones). */
	readonly retroSettings: RetroSettings | null;
	readonly retroExtras: RetroExtras;
	readonly groupNames: ReadonlyMap<string, string>;
	readonly review: ReadonlyMap<string, RetroReviewEntry>;
} & { readonly [Key in ListKey]: readonly EntityOf<Key>[] } & {
	readonly [Key in CellsKey]: ReadonlyMap<string, CellOf<Key>>;
};

/** Reads `doc` as a BoardRead (each part on first use). */
export function readBoard(doc: Y.Doc): BoardRead {
	const lists = tableOf<{ [Key in ListKey]: () => BoardRead[Key] }>(
		LIST_KEYS,
		(key) => () => readList(doc, key).items
	);
	const cells = tableOf<{ [Key in CellsKey]: () => BoardRead[Key] }>(
		CELLS_KEYS,
		(key) => () => readCellMap(doc, key).cells
	);
	return readOnFirstUse<BoardRead>({
		meta: () => {
			const read = readMeta(doc);
			return read.ok ? read.meta : null;
		},
		charter: () =>
			Object.fromEntries(
				CHARTER_SECTIONS.map((section) => [section, readCharterSection(doc, section)])
			) as Record<CharterSection, Y.XmlText | null>,
		retroSettings: () => readRetroSettings(doc).settings,
		retroExtras: () => readRetroExtras(doc),
		groupNames: () => readGroupNames(doc),
		review: () => readReview(doc),
		...lists,
		...cells
	});
}

// An object whose every property is computed by its reader on first access, then kept.
function readOnFirstUse<Read extends object>(readers: {
	[Key in keyof Read]: () => Read[Key];
}): Read {
	const read = {} as Read;
	for (const key of Object.keys(readers) as (keyof Read)[]) {
		let value: Read[keyof Read] | undefined;
		let done = false;
		Object.defineProperty(read, key, {
			enumerable: true,
			get: () => {
				if (!done) {
					value = readers[key]();
					done = true;
				}
				return value;
			}
		});
	}
	return read;
}
