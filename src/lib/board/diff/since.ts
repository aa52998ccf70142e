import * as Y from 'yjs';
import { readEditors } from '../editors.ts';
import { changedFields, matchById, ownerName } from './entities.ts';
import { raciCellKey, readList } from '../read.ts';
import type { Decision, Person } from '../schema.ts';
import { boardSnapshot, compareSnapshots, type BoardChanges } from './compare.ts';
import { ChangeCollector, dateWords, fieldDetails, type SinceChange } from './since-collector.ts';
import { collectPlanning } from './since-planning.ts';
import type { StateVector } from './writers.ts';

export { SOMEONE, type SinceChange, type SinceSection } from './since-collector.ts';

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
	collectPlanning(list, changes);
	for (const text of changes.charter) {
		const writers = list.writers('charter', text.section);
		list.changed('charter', text.section, 'charter section', text.label, [], writers, null);
	}
	older.destroy();
	return list.result();
}

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
