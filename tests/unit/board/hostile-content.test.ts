import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	InvalidInputError,
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	createBoard,
	moveAction,
	moveMilestone,
	movePerson,
	moveRaciTask,
	moveRisk,
	readPeople,
	readRaci,
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
import { expectRejectedWithoutWrite } from '../../helpers/board.ts';
import {
	HARMLESS_ODD_TEXTS,
	HOSTILE_IDS,
	HOSTILE_PEOPLE,
	HOSTILE_TEXTS,
	prototypePolluted,
	writeHostileEntries
} from '../../helpers/hostile.ts';

function board() {
	const doc = createBoard('kickoff');
	const person = addPerson(doc, { name: 'Ana' });
	const task = addRaciTask(doc, { title: 'Plan' });
	return { doc, person, task };
}

type Board = ReturnType<typeof board>;

const commandsTakingAnId: [string, (board: Board, id: string) => unknown][] = [
	['updatePerson', ({ doc }, id) => updatePerson(doc, id, { role: 'x' })],
	['removePerson', ({ doc }, id) => removePerson(doc, id)],
	['movePerson', ({ doc }, id) => movePerson(doc, id, 0)],
	['updateMilestone', ({ doc }, id) => updateMilestone(doc, id, { status: 'done' })],
	['removeMilestone', ({ doc }, id) => removeMilestone(doc, id)],
	['moveMilestone', ({ doc }, id) => moveMilestone(doc, id, 0)],
	['updateRisk', ({ doc }, id) => updateRisk(doc, id, { impact: 2 })],
	['removeRisk', ({ doc }, id) => removeRisk(doc, id)],
	['moveRisk', ({ doc }, id) => moveRisk(doc, id, 0)],
	['updateRaciTask', ({ doc }, id) => updateRaciTask(doc, id, { title: 'x' })],
	['removeRaciTask', ({ doc }, id) => removeRaciTask(doc, id)],
	['moveRaciTask', ({ doc }, id) => moveRaciTask(doc, id, 0)],
	['setRaciCell (task)', ({ doc, person }, id) => setRaciCell(doc, id, person, 'R')],
	['setRaciCell (person)', ({ doc, task }, id) => setRaciCell(doc, task, id, 'R')],
	['updateAction', ({ doc }, id) => updateAction(doc, id, { status: 'done' })],
	['removeAction', ({ doc }, id) => removeAction(doc, id)],
	['moveAction', ({ doc }, id) => moveAction(doc, id, 0)]
];

const commandsTakingText: [string, (doc: Y.Doc, text: string) => unknown][] = [
	['setTitle', (doc, text) => setTitle(doc, text)],
	['addPerson (name)', (doc, text) => addPerson(doc, { name: text })],
	['addPerson (role)', (doc, text) => addPerson(doc, { name: 'Bo', role: text })],
	['addMilestone', (doc, text) => addMilestone(doc, { title: text })],
	['addRisk', (doc, text) => addRisk(doc, { title: text })],
	['addRaciTask', (doc, text) => addRaciTask(doc, { title: text })],
	['addAction', (doc, text) => addAction(doc, { title: text })]
];

describe('hostile ids', () => {
	it.each(commandsTakingAnId)('%s rejects ids like __proto__ and writes nothing', (_, command) => {
		const fixture = board();
		for (const id of HOSTILE_IDS) {
			expectRejectedWithoutWrite(fixture.doc, () => command(fixture, id), InvalidInputError);
		}
		expect(prototypePolluted()).toBe(false);
	});
});

describe('hostile text', () => {
	it.each(commandsTakingText)(
		'%s rejects control characters and 10 kB of text, writing nothing',
		(_, command) => {
			const { doc } = board();
			for (const text of HOSTILE_TEXTS) {
				expectRejectedWithoutWrite(doc, () => command(doc, text), InvalidInputError);
			}
		}
	);

	it('keeps odd but harmless text as plain text', () => {
		const { doc } = board();
		for (const name of HARMLESS_ODD_TEXTS) addPerson(doc, { name });
		const names = readPeople(doc).items.map((person) => person.name);
		expect(names).toEqual(expect.arrayContaining(HARMLESS_ODD_TEXTS));
		expect(prototypePolluted()).toBe(false);
	});
});

describe('hostile entries written by a peer', () => {
	it('are skipped and counted by the reads, and pollute no prototype', () => {
		const { doc } = board();
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
		const before = Y.encodeStateVector(peer);
		const smuggler = writeHostileEntries(peer);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), 'remote');

		const people = readPeople(doc);
		expect(people.skipped).toBe(HOSTILE_PEOPLE);
		expect(people.items.map((person) => person.name).sort()).toEqual(['Ana', 'Smuggler']);
		const smuggled = people.items.find((person) => person.id === smuggler)!;
		expect(Object.keys(smuggled).sort()).toEqual(['color', 'id', 'name', 'order', 'role']);
		expect(Object.getPrototypeOf(smuggled)).toBe(Object.prototype);
		expect(readRaci(doc).cells.size).toBe(0);
		expect(readRaci(doc).skipped).toBe(HOSTILE_IDS.length + 1);
		expect(prototypePolluted()).toBe(false);
	});

	it('can still be worked around: valid commands go on beside them', () => {
		const { doc, task } = board();
		writeHostileEntries(doc);
		const bo = addPerson(doc, { name: 'Bo' });
		setRaciCell(doc, task, bo, 'A');
		movePerson(doc, bo, 0);
		expect(readPeople(doc).items[0]!.name).toBe('Bo');
		expect(readRaci(doc).cells.size).toBe(1);
	});
});
