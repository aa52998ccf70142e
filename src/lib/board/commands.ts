import * as Y from 'yjs';
import type * as z from 'zod';
import {
	addEntry,
	existingEntry,
	moveEntry,
	removeEntry,
	updateEntry,
	type OrderedCollection
} from './collection.ts';
import { deleteMilestoneDependencies } from './dependency-commands.ts';
import { deleteAllocationsOf } from './allocations.ts';
import { boardRoots, boardSchemaVersion, isInitialized, localOrigin } from './doc.ts';
import { BoardNotInitializedError } from './errors.ts';
import { parseRaciCellKey, raciCellKey, readList, type EntityOf, type ListKey } from './read.ts';
import {
	actionPatchSchema,
	baselineSchema,
	createOptionsSchema,
	idSchema,
	milestonePatchSchema,
	newActionSchema,
	newMilestoneSchema,
	newPersonSchema,
	newRaciTaskSchema,
	newRiskSchema,
	personPatchSchema,
	raciTaskPatchSchema,
	raciValueSchema,
	riskPatchSchema,
	titleSchema,
	type BaselineInput,
	type CreateOptions,
	type NewActionInput,
	type NewMilestoneInput,
	type NewPersonInput,
	type NewRaciTaskInput,
	type NewRiskInput,
	type RaciValue
} from './schema.ts';
import { deleteRiskLinks } from './risk-links.ts';
import { plainTextOf, writePlainText } from './text.ts';
import { parseInput } from './validate.ts';

/** Colours handed to new people in turn, so avatars differ without the user picking one. */
export const PERSON_COLORS = [
	'#e11d48',
	'#2563eb',
	'#16a34a',
	'#d97706',
	'#7c3aed',
	'#0891b2',
	'#db2777',
	'#65a30d'
] as const;

/**
 * An entity id named by a caller, checked for its shape: ids like `__proto__` or a 10 kB string
 * are refused before they get near a map.
 */
function entityId(command: string, id: string): string {
	return parseInput(command, idSchema, id);
}

/** A hand-ordered collection as the generic commands of collection.ts take it. */
function collection<Key extends ListKey>(key: Key): OrderedCollection<EntityOf<Key>> {
	return { key, read: (doc) => readList(doc, key) };
}

const people = collection('people');
const milestones = collection('milestones');
const risks = collection('risks');
const raciTasks = collection('raciTasks');
const actions = collection('actions');

/**
 * The commands of a hand-ordered collection, as its list in the UI takes them: its own `add`, and
 * the update, remove and move that are the same for each (their errors name them
 * `update<Noun>`, …); `alsoRemove` deletes, in the removing transaction, what hangs on the entry
 * (a person's RACI cells). A patch that links a decision must name one the board has.
 */
export function listCommands<Key extends ListKey, Add, PatchSchema extends z.ZodType>(
	key: Key,
	noun: string,
	add: Add,
	patchSchema: PatchSchema,
	alsoRemove?: (doc: Y.Doc, id: string) => void
) {
	const entries = collection(key);
	return {
		add,
		update(doc: Y.Doc, id: string, patch: z.input<PatchSchema>): void {
			const command = `update${noun}`;
			const valid = parseInput(command, patchSchema, patch) as Record<string, unknown>;
			if (typeof valid.decision === 'string' && valid.decision !== '')
				existingEntry(doc, { key: 'decisions' }, valid.decision);
			updateEntry(doc, entries, entityId(command, id), valid);
		},
		remove(doc: Y.Doc, id: string): void {
			const entryId = entityId(`remove${noun}`, id);
			removeEntry(doc, entries, entryId, () => alsoRemove?.(doc, entryId));
		},
		move(doc: Y.Doc, id: string, index: number): void {
			moveEntry(doc, entries, `move${noun}`, entityId(`move${noun}`, id), index);
		}
	};
}

/** Renames the board, folding the new title into the title's Y.Text (text.ts). */
export function setTitle(doc: Y.Doc, title: string): void {
	const validTitle = parseInput('setTitle', titleSchema, title);
	if (!isInitialized(doc)) throw new BoardNotInitializedError();
	const { meta } = boardRoots(doc);
	if (plainTextOf(meta.get('title')) === validTitle) return;
	const schema = boardSchemaVersion(doc);
	doc.transact(() => writePlainText(meta, 'title', validTitle, schema), localOrigin);
}

/**
 * Marks a saved version as the board's kickoff baseline (its id and label, in `meta`), or
 * clears it with null. Both keys change in one transaction, so no peer sees half of it.
 */
export function setBaseline(doc: Y.Doc, baseline: BaselineInput | null): void {
	const valid = parseInput('setBaseline', baselineSchema.nullable(), baseline);
	if (!isInitialized(doc)) throw new BoardNotInitializedError();
	const { meta } = boardRoots(doc);
	doc.transact(() => {
		if (valid === null) {
			meta.delete('baselineVersionId');
			meta.delete('baselineLabel');
		} else {
			meta.set('baselineVersionId', valid.versionId);
			meta.set('baselineLabel', valid.label);
		}
	}, localOrigin);
}

/** Adds a person at the end of the list and returns its id. */
export function addPerson(doc: Y.Doc, input: NewPersonInput): string {
	const person = parseInput('addPerson', newPersonSchema, input);
	const count = boardRoots(doc).people.size;
	const color = person.color ?? PERSON_COLORS[count % PERSON_COLORS.length];
	return addEntry(doc, people, (order) => ({ ...person, color, order }));
}

/**
 * The people's commands: add, change a name, role or colour, remove a person and, in the same
 * transaction, their RACI cells and allocations, move a person to `index` in the sorted list.
 */
export const personCommands = listCommands(
	'people',
	'Person',
	addPerson,
	personPatchSchema,
	(doc, id) => {
		deleteRaciCells(doc, (cell) => cell.personId === id);
		deleteAllocationsOf(doc, id);
	}
);
export const { update: updatePerson, remove: removePerson, move: movePerson } = personCommands;

/** Adds a milestone at the end of the list and returns its id. */
export function addMilestone(doc: Y.Doc, input: NewMilestoneInput): string {
	const milestone = parseInput('addMilestone', newMilestoneSchema, input);
	return addEntry(doc, milestones, (order) => ({ ...milestone, order }));
}

/**
 * The milestones' commands: add, change fields, remove a milestone and, in the same transaction,
 * its dependency links, move to `index` in the sorted list.
 */
export const milestoneCommands = listCommands(
	'milestones',
	'Milestone',
	addMilestone,
	milestonePatchSchema,
	deleteMilestoneDependencies
);
export const {
	update: updateMilestone,
	remove: removeMilestone,
	move: moveMilestone
} = milestoneCommands;

/** Adds a risk, with its empty mitigation text, at the end of the list and returns its id. */
export function addRisk(doc: Y.Doc, input: NewRiskInput, options: CreateOptions = {}): string {
	const risk = parseInput('addRisk', newRiskSchema, input);
	const { now } = parseInput('addRisk', createOptionsSchema, options);
	return addEntry(doc, risks, (order) => ({
		...risk,
		mitigation: new Y.XmlText(),
		order,
		createdAt: now ?? Date.now()
	}));
}

/**
 * The risks' commands: add, change fields (the mitigation is edited through its own Y.XmlText;
 * the number is the server's alone, risk-numbering.ts), remove a risk and, in one transaction,
 * its links, move to `index` in the sorted list.
 */
export const riskCommands = listCommands(
	'risks',
	'Risk',
	addRisk,
	riskPatchSchema,
	deleteRiskLinks
);
export const { update: updateRisk, remove: removeRisk, move: moveRisk } = riskCommands;

/** Adds a RACI task (a matrix row) at the end and returns its id. */
export function addRaciTask(doc: Y.Doc, input: NewRaciTaskInput): string {
	const task = parseInput('addRaciTask', newRaciTaskSchema, input);
	return addEntry(doc, raciTasks, (order) => ({ ...task, order }));
}

/** The RACI tasks' commands: add, rename, remove a task and, in one transaction, its cells, move. */
export const raciTaskCommands = listCommands(
	'raciTasks',
	'RaciTask',
	addRaciTask,
	raciTaskPatchSchema,
	(doc, id) => deleteRaciCells(doc, (cell) => cell.taskId === id)
);
export const {
	update: updateRaciTask,
	remove: removeRaciTask,
	move: moveRaciTask
} = raciTaskCommands;

/** Fills a RACI cell, or empties it with null; the task and the person must exist. */
export function setRaciCell(
	doc: Y.Doc,
	taskId: string,
	personId: string,
	value: RaciValue | null
): void {
	const validValue = parseInput('setRaciCell', raciValueSchema.nullable(), value);
	existingEntry(doc, raciTasks, entityId('setRaciCell', taskId));
	existingEntry(doc, people, entityId('setRaciCell', personId));
	const { raci } = boardRoots(doc);
	const key = raciCellKey(taskId, personId);
	if (validValue === null && !raci.has(key)) return;
	if (raci.get(key) === validValue) return;
	doc.transact(() => {
		if (validValue === null) raci.delete(key);
		else raci.set(key, validValue);
	}, localOrigin);
}

/** Adds an action item at the end of the list and returns its id. */
export function addAction(doc: Y.Doc, input: NewActionInput, options: CreateOptions = {}): string {
	const action = parseInput('addAction', newActionSchema, input);
	const { now } = parseInput('addAction', createOptionsSchema, options);
	return addEntry(doc, actions, (order) => ({ ...action, order, createdAt: now ?? Date.now() }));
}

/** The action items' commands: add, change fields, remove, move to `index` in the sorted list. */
export const actionCommands = listCommands('actions', 'Action', addAction, actionPatchSchema);
export const { update: updateAction, remove: removeAction, move: moveAction } = actionCommands;

// Called inside the removing transaction, so the row or column and its cells go together.
function deleteRaciCells(
	doc: Y.Doc,
	matches: (cell: { taskId: string; personId: string }) => boolean
): void {
	const { raci } = boardRoots(doc);
	for (const key of Array.from(raci.keys())) {
		const cell = parseRaciCellKey(key);
		if (cell !== null && matches(cell)) raci.delete(key);
	}
}
