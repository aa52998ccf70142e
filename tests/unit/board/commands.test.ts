import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	boardRoots,
	createBoard,
	moveAction,
	moveMilestone,
	movePerson,
	moveRaciTask,
	moveRisk,
	raciCellKey,
	readActions,
	readMeta,
	readMilestones,
	readPeople,
	readRaci,
	readRaciTasks,
	readRisks,
	removeAction,
	removeMilestone,
	removePerson,
	removeRaciTask,
	removeRisk,
	setRaciCell,
	setTitle,
	updateAction,
	updateMilestone,
	updatePerson,
	updateRaciTask,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { recordWrites } from '../../helpers/board.ts';

/** The fields of every entry of a collection, as plain values, to spot what a command changed. */
function snapshot(map: Y.Map<unknown>): Record<string, Record<string, unknown>> {
	const entries = [...map.entries()].map(([id, entry]) => [id, (entry as Y.Map<unknown>).toJSON()]);
	return Object.fromEntries(entries);
}

function boardWithRisks(...titles: string[]): { doc: Y.Doc; ids: string[] } {
	const doc = createBoard('kickoff');
	const ids = titles.map((title) => addRisk(doc, { title }));
	return { doc, ids };
}

const titlesOf = (items: readonly { title: string }[]) => items.map((item) => item.title);

describe('setTitle', () => {
	it('renames the board, trimmed', () => {
		const doc = createBoard('blank');
		setTitle(doc, '  Launch plan ');
		const meta = readMeta(doc);
		expect(meta.ok && meta.meta.title).toBe('Launch plan');
	});

	it('writes nothing when the title is unchanged', () => {
		const doc = createBoard('blank');
		const recorder = recordWrites(doc);
		setTitle(doc, 'Untitled board');
		expect(recorder.updates).toBe(0);
	});
});

describe('add commands', () => {
	it('append each new entry at the end of the sorted list', () => {
		const { doc } = boardWithRisks('first', 'second', 'third');
		expect(titlesOf(readRisks(doc).items)).toEqual(['first', 'second', 'third']);
	});

	it('append after an entry that was moved to the end', () => {
		const { doc, ids } = boardWithRisks('a', 'b');
		moveRisk(doc, ids[0]!, 1);
		addRisk(doc, { title: 'c' });
		expect(titlesOf(readRisks(doc).items)).toEqual(['b', 'a', 'c']);
	});

	it('fill in the defaults of a new risk and create its mitigation text in the same transaction', () => {
		const doc = createBoard('kickoff');
		const recorder = recordWrites(doc);
		const id = addRisk(doc, { title: 'Vendor late' }, { now: 42 });
		expect(recorder.transactions).toBe(1);
		const [risk] = readRisks(doc).items;
		expect(risk).toMatchObject({
			id,
			title: 'Vendor late',
			likelihood: 3,
			impact: 3,
			status: 'open',
			owner: '',
			due: '',
			createdAt: 42
		});
		expect(risk?.mitigation).toBeInstanceOf(Y.XmlText);
		expect(risk?.mitigation.doc).toBe(doc);
	});

	it('store a person with a palette colour when none is given, and keep a given one', () => {
		const doc = createBoard('kickoff');
		addPerson(doc, { name: 'Ana', role: 'PM' });
		addPerson(doc, { name: 'Bo', color: '#ABCDEF' });
		const [ana, bo] = readPeople(doc).items;
		expect(ana).toMatchObject({ name: 'Ana', role: 'PM' });
		expect(ana?.color).toMatch(/^#[0-9a-f]{6}$/);
		expect(bo).toMatchObject({ name: 'Bo', role: '', color: '#abcdef' });
	});

	it('store milestones, RACI tasks and actions with their defaults', () => {
		const doc = createBoard('kickoff');
		addMilestone(doc, { title: 'Beta', due: '2025-03-01' });
		addRaciTask(doc, { title: 'Design review' });
		addAction(doc, { title: 'Book room' }, { now: 7 });
		expect(readMilestones(doc).items[0]).toMatchObject({
			title: 'Beta',
			due: '2025-03-01',
			owner: '',
			status: 'planned'
		});
		expect(readRaciTasks(doc).items[0]).toMatchObject({ title: 'Design review' });
		expect(readActions(doc).items[0]).toMatchObject({
			title: 'Book room',
			owner: '',
			due: '',
			status: 'todo',
			source: '',
			createdAt: 7
		});
	});
});

describe('update commands', () => {
	it('change only the fields in the patch', () => {
		const { doc, ids } = boardWithRisks('Vendor late');
		updateRisk(doc, ids[0]!, { likelihood: 5, status: 'mitigating' });
		expect(readRisks(doc).items[0]).toMatchObject({
			title: 'Vendor late',
			likelihood: 5,
			impact: 3,
			status: 'mitigating'
		});
	});

	it('write nothing when the patch matches the stored values', () => {
		const { doc, ids } = boardWithRisks('Vendor late');
		const recorder = recordWrites(doc);
		updateRisk(doc, ids[0]!, { title: 'Vendor late', impact: 3 });
		updateRisk(doc, ids[0]!, {});
		expect(recorder.updates).toBe(0);
	});

	it('update people, milestones, RACI tasks and actions', () => {
		const doc = createBoard('kickoff');
		const person = addPerson(doc, { name: 'Ana' });
		const milestone = addMilestone(doc, { title: 'Beta' });
		const task = addRaciTask(doc, { title: 'Review' });
		const action = addAction(doc, { title: 'Call' });
		updatePerson(doc, person, { role: 'Lead', color: '#000000' });
		updateMilestone(doc, milestone, { status: 'done', owner: person });
		updateRaciTask(doc, task, { title: 'Final review' });
		updateAction(doc, action, { status: 'doing', due: '2025-01-31' });
		expect(readPeople(doc).items[0]).toMatchObject({ role: 'Lead', color: '#000000' });
		expect(readMilestones(doc).items[0]).toMatchObject({ status: 'done', owner: person });
		expect(readRaciTasks(doc).items[0]?.title).toBe('Final review');
		expect(readActions(doc).items[0]).toMatchObject({ status: 'doing', due: '2025-01-31' });
	});
});

describe('remove commands', () => {
	it('remove the entry from every collection', () => {
		const doc = createBoard('kickoff');
		removePerson(doc, addPerson(doc, { name: 'Ana' }));
		removeMilestone(doc, addMilestone(doc, { title: 'Beta' }));
		removeRisk(doc, addRisk(doc, { title: 'Risk' }));
		removeRaciTask(doc, addRaciTask(doc, { title: 'Task' }));
		removeAction(doc, addAction(doc, { title: 'Action' }));
		for (const read of [readPeople, readMilestones, readRisks, readRaciTasks, readActions]) {
			expect(read(doc)).toEqual({ items: [], skipped: 0 });
		}
	});

	it('removing a person deletes their RACI cells, and only theirs, in the same transaction', () => {
		const doc = createBoard('kickoff');
		const [ana, bo] = [addPerson(doc, { name: 'Ana' }), addPerson(doc, { name: 'Bo' })];
		const [plan, ship] = [addRaciTask(doc, { title: 'Plan' }), addRaciTask(doc, { title: 'Ship' })];
		setRaciCell(doc, plan, ana, 'R');
		setRaciCell(doc, ship, ana, 'A');
		setRaciCell(doc, plan, bo, 'C');
		const recorder = recordWrites(doc);
		removePerson(doc, ana);
		expect(recorder.transactions).toBe(1);
		expect([...readRaci(doc).cells]).toEqual([[raciCellKey(plan, bo), 'C']]);
	});

	it('removing a RACI task deletes its cells, and only its, in the same transaction', () => {
		const doc = createBoard('kickoff');
		const [ana, bo] = [addPerson(doc, { name: 'Ana' }), addPerson(doc, { name: 'Bo' })];
		const [plan, ship] = [addRaciTask(doc, { title: 'Plan' }), addRaciTask(doc, { title: 'Ship' })];
		setRaciCell(doc, plan, ana, 'R');
		setRaciCell(doc, plan, bo, 'I');
		setRaciCell(doc, ship, bo, 'A');
		const recorder = recordWrites(doc);
		removeRaciTask(doc, plan);
		expect(recorder.transactions).toBe(1);
		expect([...readRaci(doc).cells]).toEqual([[raciCellKey(ship, bo), 'A']]);
	});
});

describe('move commands', () => {
	it('put the entry at the requested position', () => {
		const { doc, ids } = boardWithRisks('a', 'b', 'c', 'd');
		moveRisk(doc, ids[3]!, 0);
		expect(titlesOf(readRisks(doc).items)).toEqual(['d', 'a', 'b', 'c']);
		moveRisk(doc, ids[3]!, 2);
		expect(titlesOf(readRisks(doc).items)).toEqual(['a', 'b', 'd', 'c']);
		moveRisk(doc, ids[0]!, 3);
		expect(titlesOf(readRisks(doc).items)).toEqual(['b', 'd', 'c', 'a']);
	});

	it('clamp an index past the end to the last position', () => {
		const { doc, ids } = boardWithRisks('a', 'b', 'c');
		moveRisk(doc, ids[0]!, 10);
		expect(titlesOf(readRisks(doc).items)).toEqual(['b', 'c', 'a']);
	});

	it("rewrite only the moved entry's order", () => {
		const { doc, ids } = boardWithRisks('a', 'b', 'c', 'd');
		const { risks } = boardRoots(doc);
		const before = snapshot(risks);
		moveRisk(doc, ids[0]!, 2);
		const after = snapshot(risks);
		for (const id of ids) {
			const { order: orderBefore, ...restBefore } = before[id]!;
			const { order: orderAfter, ...restAfter } = after[id]!;
			expect(restAfter).toEqual(restBefore);
			if (id === ids[0]) expect(orderAfter).not.toBe(orderBefore);
			else expect(orderAfter).toBe(orderBefore);
		}
	});

	it('write nothing when the entry is already at the requested position', () => {
		const { doc, ids } = boardWithRisks('a', 'b', 'c');
		const recorder = recordWrites(doc);
		moveRisk(doc, ids[1]!, 1);
		expect(recorder.updates).toBe(0);
	});

	it('move people, milestones, RACI tasks and actions', () => {
		const doc = createBoard('kickoff');
		const people = ['Ana', 'Bo'].map((name) => addPerson(doc, { name }));
		const milestones = ['M1', 'M2'].map((title) => addMilestone(doc, { title }));
		const tasks = ['T1', 'T2'].map((title) => addRaciTask(doc, { title }));
		const actions = ['A1', 'A2'].map((title) => addAction(doc, { title }));
		movePerson(doc, people[1]!, 0);
		moveMilestone(doc, milestones[1]!, 0);
		moveRaciTask(doc, tasks[1]!, 0);
		moveAction(doc, actions[1]!, 0);
		expect(readPeople(doc).items.map((person) => person.name)).toEqual(['Bo', 'Ana']);
		expect(titlesOf(readMilestones(doc).items)).toEqual(['M2', 'M1']);
		expect(titlesOf(readRaciTasks(doc).items)).toEqual(['T2', 'T1']);
		expect(titlesOf(readActions(doc).items)).toEqual(['A2', 'A1']);
	});
});

describe('setRaciCell', () => {
	it('fills, replaces and empties a cell', () => {
		const doc = createBoard('kickoff');
		const person = addPerson(doc, { name: 'Ana' });
		const task = addRaciTask(doc, { title: 'Plan' });
		const key = raciCellKey(task, person);
		setRaciCell(doc, task, person, 'R');
		expect(readRaci(doc).cells.get(key)).toBe('R');
		setRaciCell(doc, task, person, 'A');
		expect(readRaci(doc).cells.get(key)).toBe('A');
		setRaciCell(doc, task, person, null);
		expect(boardRoots(doc).raci.has(key)).toBe(false);
	});

	it('writes nothing when emptying an empty cell or repeating a value', () => {
		const doc = createBoard('kickoff');
		const person = addPerson(doc, { name: 'Ana' });
		const task = addRaciTask(doc, { title: 'Plan' });
		const emptyTask = addRaciTask(doc, { title: 'Other' });
		setRaciCell(doc, task, person, 'C');
		const recorder = recordWrites(doc);
		setRaciCell(doc, task, person, 'C');
		setRaciCell(doc, emptyTask, person, null);
		expect(recorder.updates).toBe(0);
	});
});
