import * as Y from 'yjs';
import { boardRoots } from '../doc.ts';
import { readEditors, type Editor } from '../editors.ts';
import { changedFields, matchById, ownerName, type FieldChange } from './entities.ts';
import { formatDate } from '../dates.ts';
import { raciCellKey, readList } from '../read.ts';
import type { Decision, Person } from '../schema.ts';
import { boardSnapshot, compareSnapshots, type BoardChanges } from './compare.ts';
import { writersOfEntry, type StateVector } from './writers.ts';

/** Where a changed entry is shown: a board section's path segment, or `''` for the board itself. */
export type SinceSection =
	'risks' | 'milestones' | 'people' | 'actions' | 'decisions' | 'raci' | 'charter' | '';

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

/**
 * What changed on the board from `previous` (a `Y.encodeStateAsUpdate` of it as this browser
 * last showed it) to `doc` now, one entry per changed entry, each attributed through the
 * board's recorded editors (editors.ts) to the writers of its items the older state had not
 * seen. Entries only `me` (a user id) changed are left out. Reads both states through the
 * validated readers and compares them with compareSnapshots: some tens of milliseconds on a
 * board of a thousand risks, so it is meant to run once when the board opens.
 */
export function changesSince(previous: Uint8Array, doc: Y.Doc, me: string): SinceChange[] {
	const older = new Y.Doc();
	Y.applyUpdate(older, previous);
	const seen: StateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(previous));
	const before = boardSnapshot(older);
	const after = boardSnapshot(doc);
	const changes = compareSnapshots(before, after);
	const list = new ChangeCollector(doc, seen, readEditors(doc), me);
	collectTitle(list, changes);
	collectRisks(list, changes);
	collectMilestones(list, changes);
	collectPeople(list, changes);
	collectActions(list, changes);
	collectDecisions(list, { doc: older, people: before.people }, { doc, people: after.people });
	// RACI tasks by id (compare names only their titles), so a link can find the row.
	const tasks = matchById({ before: before.raciTasks, after: after.raciTasks });
	for (const task of tasks.added) list.added('raci', 'raciTasks', task.id, 'RACI task', task.title);
	for (const task of tasks.removed) list.removed('raci', task.id, 'RACI task', task.title);
	for (const cell of changes.raci.cells) {
		const detail = `${cell.person} from ${cell.before ?? 'empty'} to ${cell.after ?? 'empty'}`;
		const writers = list.writers('raci', raciCellKey(cell.taskId, cell.personId));
		list.changed('raci', cell.taskId, 'RACI task', cell.task, [detail], writers);
	}
	for (const text of changes.charter) {
		const writers = list.writers('charter', text.section);
		list.changed('charter', text.section, 'charter section', text.label, [], writers, null);
	}
	older.destroy();
	return list.result();
}

type ListRoot = 'risks' | 'milestones' | 'people' | 'actions' | 'decisions' | 'raciTasks';

/** A decision's fields as the list words them; like a risk's mitigation, its rich texts are not compared. */
const DECISION_FIELDS: Record<string, (decision: Decision, people: readonly Person[]) => string> = {
	title: (decision) => decision.title,
	status: (decision) => decision.status.charAt(0).toUpperCase() + decision.status.slice(1),
	'decided on': (decision) => decision.decidedOn || 'no date',
	owner: (decision, people) => ownerName(people, decision.owner)
};

// The decision log, read here from both states: compare.ts lists only additions, removals and
// status changes, and a date, an owner or a title changed matters to someone coming back too.
function collectDecisions(
	list: ChangeCollector,
	older: { doc: Y.Doc; people: readonly Person[] },
	now: { doc: Y.Doc; people: readonly Person[] }
): void {
	const before = readList(older.doc, 'decisions').items;
	const after = readList(now.doc, 'decisions').items;
	const { added, removed, kept } = matchById({ before, after });
	const noun = 'decision';
	for (const entry of added) list.added('decisions', 'decisions', entry.id, noun, entry.title);
	for (const entry of removed) list.removed('decisions', entry.id, noun, entry.title);
	for (const { before: old, after: entry } of kept) {
		const changes = changedFields(
			{ entity: old, people: older.people },
			{ entity: entry, people: now.people },
			DECISION_FIELDS
		);
		if (changes.length === 0) continue;
		const details = fieldDetails(changes);
		list.changed(
			'decisions',
			entry.id,
			noun,
			entry.title,
			details,
			list.writers('decisions', entry.id)
		);
	}
}

function collectTitle(list: ChangeCollector, { title }: BoardChanges): void {
	if (!title) return;
	const writers = list.writers('meta', 'title');
	list.changed('', 'title', 'board title', title.after, [`from “${title.before}”`], writers, null);
}

function collectRisks(list: ChangeCollector, { risks }: BoardChanges): void {
	for (const risk of risks.added) list.added('risks', 'risks', risk.id, 'risk', risk.title);
	for (const risk of risks.removed) list.removed('risks', risk.id, 'risk', risk.title);
	for (const risk of risks.rescored) {
		const detail = `score from ${risk.before.score} to ${risk.after.score}`;
		list.changed('risks', risk.id, 'risk', risk.title, [detail], list.writers('risks', risk.id));
	}
	for (const risk of risks.changed)
		list.changed(
			'risks',
			risk.id,
			'risk',
			risk.title,
			fieldDetails(risk.changes),
			list.writers('risks', risk.id)
		);
}

function collectMilestones(list: ChangeCollector, { milestones }: BoardChanges): void {
	const noun = 'milestone';
	for (const entry of milestones.added)
		list.added('milestones', 'milestones', entry.id, noun, entry.title);
	for (const entry of milestones.removed) list.removed('milestones', entry.id, noun, entry.title);
	for (const entry of milestones.moved) {
		const detail = `due date from ${dateWords(entry.before)} to ${dateWords(entry.after)}`;
		list.changed(
			'milestones',
			entry.id,
			noun,
			entry.title,
			[detail],
			list.writers('milestones', entry.id)
		);
	}
	for (const entry of milestones.changed) {
		const writers = list.writers('milestones', entry.id);
		list.changed('milestones', entry.id, noun, entry.title, fieldDetails(entry.changes), writers);
	}
}

function collectPeople(list: ChangeCollector, { people }: BoardChanges): void {
	for (const person of people.added)
		list.added('people', 'people', person.id, 'person', person.name);
	for (const person of people.removed) list.removed('people', person.id, 'person', person.name);
}

function collectActions(list: ChangeCollector, { actions }: BoardChanges): void {
	for (const action of actions.added)
		list.added('actions', 'actions', action.id, 'action', action.title);
	for (const action of actions.removed) list.removed('actions', action.id, 'action', action.title);
	for (const action of actions.changed) {
		const writers = list.writers('actions', action.id);
		list.changed(
			'actions',
			action.id,
			'action',
			action.title,
			fieldDetails(action.changes),
			writers
		);
	}
}

function fieldDetails(changes: readonly FieldChange[]): string[] {
	return changes.map((change) => {
		const isDate = change.field === 'due' || change.field === 'decided on';
		const dated = (value: string) => (isDate ? dateWords(value) : `“${value}”`);
		const field = change.field === 'due' ? 'due date' : change.field;
		return `${field} from ${dated(change.before)} to ${dated(change.after)}`;
	});
}

function dateWords(date: string): string {
	return date && date !== 'no date' ? formatDate(date) : 'no date';
}

/** Gathers one change per entry, its details and writers merged, then names the writers. */
class ChangeCollector {
	readonly #entries = new Map<string, SinceChange & { writers: Set<number> }>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly seen: StateVector,
		private readonly editors: ReadonlyMap<number, Editor>,
		private readonly me: string
	) {}

	/** Who wrote into entry `key` of the root `root` since the older state. */
	writers(root: ListRoot | 'raci' | 'charter' | 'meta', key: string): Set<number> {
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
