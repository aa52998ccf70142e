import * as Y from 'yjs';
import {
	addEntry,
	existingEntry,
	moveEntry,
	removeEntry,
	updateEntry,
	type OrderedCollection
} from './collection.ts';
import { boardRoots, boardSchemaVersion, isInitialized, localOrigin } from './doc.ts';
import { BoardNotInitializedError } from './errors.ts';
import {
	parseRaciCellKey,
	raciCellKey,
	readActions,
	readMilestones,
	readPeople,
	readRaciTasks,
	readRisks
} from './read.ts';
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
	type Action,
	type ActionPatch,
	type BaselineInput,
	type CreateOptions,
	type Milestone,
	type MilestonePatch,
	type NewActionInput,
	type NewMilestoneInput,
	type NewPersonInput,
	type NewRaciTaskInput,
	type NewRiskInput,
	type Person,
	type PersonPatch,
	type RaciTask,
	type RaciTaskPatch,
	type RaciValue,
	type Risk,
	type RiskPatch
} from './schema.ts';
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

const people: OrderedCollection<Person> = { key: 'people', read: readPeople };
const milestones: OrderedCollection<Milestone> = { key: 'milestones', read: readMilestones };
const risks: OrderedCollection<Risk> = { key: 'risks', read: readRisks };
const raciTasks: OrderedCollection<RaciTask> = { key: 'raciTasks', read: readRaciTasks };
const actions: OrderedCollection<Action> = { key: 'actions', read: readActions };

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

/** Changes a person's name, role or colour. */
export function updatePerson(doc: Y.Doc, id: string, patch: PersonPatch): void {
	updateEntry(
		doc,
		people,
		entityId('updatePerson', id),
		parseInput('updatePerson', personPatchSchema, patch)
	);
}

/** Removes a person and, in the same transaction, their RACI cells. */
export function removePerson(doc: Y.Doc, id: string): void {
	const personId = entityId('removePerson', id);
	removeEntry(doc, people, personId, () =>
		deleteRaciCells(doc, (cell) => cell.personId === personId)
	);
}

/** Moves a person to `index` in the sorted list. */
export function movePerson(doc: Y.Doc, id: string, index: number): void {
	moveEntry(doc, people, 'movePerson', entityId('movePerson', id), index);
}

/** Adds a milestone at the end of the list and returns its id. */
export function addMilestone(doc: Y.Doc, input: NewMilestoneInput): string {
	const milestone = parseInput('addMilestone', newMilestoneSchema, input);
	return addEntry(doc, milestones, (order) => ({ ...milestone, order }));
}

/** Changes a milestone's fields. */
export function updateMilestone(doc: Y.Doc, id: string, patch: MilestonePatch): void {
	updateEntry(
		doc,
		milestones,
		entityId('updateMilestone', id),
		parseInput('updateMilestone', milestonePatchSchema, patch)
	);
}

/** Removes a milestone. */
export function removeMilestone(doc: Y.Doc, id: string): void {
	removeEntry(doc, milestones, entityId('removeMilestone', id));
}

/** Moves a milestone to `index` in the sorted list. */
export function moveMilestone(doc: Y.Doc, id: string, index: number): void {
	moveEntry(doc, milestones, 'moveMilestone', entityId('moveMilestone', id), index);
}

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

/** Changes a risk's fields; the mitigation is edited through its own Y.XmlText. */
export function updateRisk(doc: Y.Doc, id: string, patch: RiskPatch): void {
	updateEntry(
		doc,
		risks,
		entityId('updateRisk', id),
		parseInput('updateRisk', riskPatchSchema, patch)
	);
}

/** Removes a risk. */
export function removeRisk(doc: Y.Doc, id: string): void {
	removeEntry(doc, risks, entityId('removeRisk', id));
}

/** Moves a risk to `index` in the sorted list. */
export function moveRisk(doc: Y.Doc, id: string, index: number): void {
	moveEntry(doc, risks, 'moveRisk', entityId('moveRisk', id), index);
}

/** Adds a RACI task (a matrix row) at the end and returns its id. */
export function addRaciTask(doc: Y.Doc, input: NewRaciTaskInput): string {
	const task = parseInput('addRaciTask', newRaciTaskSchema, input);
	return addEntry(doc, raciTasks, (order) => ({ ...task, order }));
}

/** Renames a RACI task. */
export function updateRaciTask(doc: Y.Doc, id: string, patch: RaciTaskPatch): void {
	updateEntry(
		doc,
		raciTasks,
		entityId('updateRaciTask', id),
		parseInput('updateRaciTask', raciTaskPatchSchema, patch)
	);
}

/** Removes a RACI task and, in the same transaction, its cells. */
export function removeRaciTask(doc: Y.Doc, id: string): void {
	const taskId = entityId('removeRaciTask', id);
	removeEntry(doc, raciTasks, taskId, () => deleteRaciCells(doc, (cell) => cell.taskId === taskId));
}

/** Moves a RACI task to `index` in the sorted list. */
export function moveRaciTask(doc: Y.Doc, id: string, index: number): void {
	moveEntry(doc, raciTasks, 'moveRaciTask', entityId('moveRaciTask', id), index);
}

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

/** Changes an action item's fields. */
export function updateAction(doc: Y.Doc, id: string, patch: ActionPatch): void {
	updateEntry(
		doc,
		actions,
		entityId('updateAction', id),
		parseInput('updateAction', actionPatchSchema, patch)
	);
}

/** Removes an action item. */
export function removeAction(doc: Y.Doc, id: string): void {
	removeEntry(doc, actions, entityId('removeAction', id));
}

/** Moves an action item to `index` in the sorted list. */
export function moveAction(doc: Y.Doc, id: string, index: number): void {
	moveEntry(doc, actions, 'moveAction', entityId('moveAction', id), index);
}

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
