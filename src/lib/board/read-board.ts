import type * as Y from 'yjs';
import { CHARTER_SECTIONS, type CharterSection } from './doc.ts';
import {
	readActions,
	readCharterSection,
	readMeta,
	readMilestones,
	readPeople,
	readRaci,
	readRaciTasks,
	readRetroCards,
	readRetroColumns,
	readRetroSettings,
	readRetroVotes,
	readRisks
} from './read.ts';
import {
	readGroupNames,
	readRetroExtras,
	readReview,
	type RetroExtras,
	type RetroReviewEntry
} from './retro/model.ts';
import type {
	Action,
	BoardMeta,
	Milestone,
	Person,
	RaciTask,
	RaciValue,
	RetroCard,
	RetroColumn,
	RetroSettings,
	Risk
} from './schema.ts';

/**
 * A whole board as its validated readers see it: what the JSON export, the document view and
 * the comparison of two states read. Each part is read the first time it is asked for and kept,
 * so a reader that needs only the risks pays only for the risks. Entries that do not parse are
 * left out, as by every reader.
 */
export interface BoardRead {
	/** The board's identity, or null when `meta` cannot be read. */
	readonly meta: BoardMeta | null;
	/** Each charter section's rich text, or null when the section is missing. */
	readonly charter: Readonly<Record<CharterSection, Y.XmlText | null>>;
	readonly people: readonly Person[];
	readonly milestones: readonly Milestone[];
	readonly risks: readonly Risk[];
	readonly raciTasks: readonly RaciTask[];
	readonly raci: ReadonlyMap<string, RaciValue>;
	readonly actions: readonly Action[];
	/** The retro's settings, or null on a board that is not a retro (or holds malformed ones). */
	readonly retroSettings: RetroSettings | null;
	readonly retroExtras: RetroExtras;
	readonly retroColumns: readonly RetroColumn[];
	readonly retroCards: readonly RetroCard[];
	readonly retroVotes: ReadonlyMap<string, number>;
	readonly groupNames: ReadonlyMap<string, string>;
	readonly review: ReadonlyMap<string, RetroReviewEntry>;
}

/** Reads `doc` as a BoardRead (each part on first use). */
export function readBoard(doc: Y.Doc): BoardRead {
	return readOnFirstUse<BoardRead>({
		meta: () => {
			const read = readMeta(doc);
			return read.ok ? read.meta : null;
		},
		charter: () =>
			Object.fromEntries(
				CHARTER_SECTIONS.map((section) => [section, readCharterSection(doc, section)])
			) as Record<CharterSection, Y.XmlText | null>,
		people: () => readPeople(doc).items,
		milestones: () => readMilestones(doc).items,
		risks: () => readRisks(doc).items,
		raciTasks: () => readRaciTasks(doc).items,
		raci: () => readRaci(doc).cells,
		actions: () => readActions(doc).items,
		retroSettings: () => readRetroSettings(doc).settings,
		retroExtras: () => readRetroExtras(doc),
		retroColumns: () => readRetroColumns(doc).items,
		retroCards: () => readRetroCards(doc).items,
		retroVotes: () => readRetroVotes(doc).cells,
		groupNames: () => readGroupNames(doc),
		review: () => readReview(doc)
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
