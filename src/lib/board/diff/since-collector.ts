import type * as Y from 'yjs';
import { formatDate } from '../dates.ts';
import { boardRoots } from '../doc.ts';
import type { Editor } from '../editors.ts';
import type { FieldChange } from './entities.ts';
import { writersOfEntry, type StateVector } from './writers.ts';

/**
 * How "since you last looked" (since.ts) gathers its list: one change per entry, its details
 * and writers merged, each writer named through the board's recorded editors.
 */

/** Where a changed entry is shown: a board section's path segment, or `''` for the board itself. */
export type SinceSection =
	| 'risks'
	| 'milestones'
	| 'people'
	| 'actions'
	| 'decisions'
	| 'raci'
	| 'charter'
	| 'budget'
	| 'resources'
	| 'stakeholders'
	| '';

/**
 * One entry that changed since an older state, with who changed it: "Ada changed the risk
 * “Vendor late”: score from 12 to 20".
 */
export interface SinceChange {
	/** `section:id`, the key a row's change marker looks for (the same pair presence uses). */
	key: string;
	section: SinceSection;
	/** The entry a link can bring into view, or null (removed, a charter section, the title). */
	focus: string | null;
	verb: 'added' | 'removed' | 'changed';
	/** What kind of entry, in words: "risk", "milestone", "RACI task". */
	noun: string;
	title: string;
	/** What changed, in words, one part each ("score from 12 to 20"). */
	details: string[];
	/** The names of those who changed it; "someone" stands for writers nobody recorded. */
	authors: string[];
}

/** Stands for a writer whose Yjs client id no editor recorded, and for a deletion's author. */
export const SOMEONE = 'someone';

/** The roots whose entries a change can name its writers from. */
type ListRoot =
	'risks' | 'milestones' | 'people' | 'actions' | 'decisions' | 'raciTasks' | 'budgetLines';

export function fieldDetails(changes: readonly FieldChange[]): string[] {
	return changes.map((change) => {
		const isDate = change.field === 'due' || change.field === 'decided on';
		const dated = (value: string) => (isDate ? dateWords(value) : `“${value}”`);
		const field = change.field === 'due' ? 'due date' : change.field;
		return `${field} from ${dated(change.before)} to ${dated(change.after)}`;
	});
}

export function dateWords(date: string): string {
	return date && date !== 'no date' ? formatDate(date) : 'no date';
}

/** Gathers one change per entry, its details and writers merged, then names the writers. */
export class ChangeCollector {
	readonly #entries = new Map<string, SinceChange & { writers: Set<number> }>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly seen: StateVector,
		private readonly editors: ReadonlyMap<number, Editor>,
		private readonly me: string
	) {}

	/** Who wrote into entry `key` of the root `root` since the older state. */
	writers(
		root: ListRoot | 'raci' | 'charter' | 'meta' | 'allocations' | 'dependencies',
		key: string
	): Set<number> {
		return writersOfEntry(boardRoots(this.doc)[root], key, this.seen);
	}

	added(section: SinceSection, root: ListRoot, id: string, noun: string, title: string): void {
		this.#add(
			{ section, id, focus: id, verb: 'added', noun, title, details: [] },
			this.writers(root, id)
		);
	}

	removed(section: SinceSection, id: string, noun: string, title: string): void {
		this.#add({ section, id, focus: null, verb: 'removed', noun, title, details: [] }, new Set());
	}

	changed(
		section: SinceSection,
		id: string,
		noun: string,
		title: string,
		details: string[],
		writers: Set<number>,
		focus: string | null = id
	): void {
		this.#add({ section, id, focus, verb: 'changed', noun, title, details }, writers);
	}

	#add(change: Omit<SinceChange, 'key' | 'authors'> & { id: string }, writers: Set<number>): void {
		const { id, ...rest } = change;
		const key = `${change.section || 'board'}:${id}`;
		const known = this.#entries.get(key);
		if (known) {
			known.details.push(...change.details);
			for (const writer of writers) known.writers.add(writer);
		} else this.#entries.set(key, { ...rest, key, authors: [], writers: new Set(writers) });
	}

	/** The changes, in the order found, each with its authors; those only `me` made are left out. */
	result(): SinceChange[] {
		return [...this.#entries.values()].flatMap(({ writers, ...change }) => {
			const authors = this.#authors(writers);
			return authors.length > 0 ? [{ ...change, authors }] : [];
		});
	}

	// Names by user (a person's sessions are one author); unrecorded writers are "someone".
	#authors(writers: ReadonlySet<number>): string[] {
		if (writers.size === 0) return [SOMEONE];
		const names = new Map<string, string>();
		let unknown = false;
		for (const writer of writers) {
			const editor = this.editors.get(writer);
			if (!editor) unknown = true;
			else if (editor.userId !== this.me && !names.has(editor.userId))
				names.set(editor.userId, editor.name);
		}
		return [...names.values(), ...(unknown ? [SOMEONE] : [])];
	}
}
