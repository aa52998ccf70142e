import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	BoardNotInitializedError,
	EntityNotFoundError,
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
	newId,
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

/** A board with one entry in each collection, so updates have something to aim at. */
function populatedBoard() {
	const doc = createBoard('kickoff');
	const person = addPerson(doc, { name: 'Ana' });
	const milestone = addMilestone(doc, { title: 'Beta' });
	const risk = addRisk(doc, { title: 'Vendor late' });
	const task = addRaciTask(doc, { title: 'Plan' });
	const action = addAction(doc, { title: 'Call vendor' });
	return { doc, person, milestone, risk, task, action };
}

type Board = ReturnType<typeof populatedBoard>;

// Inputs are cast: these are the wrong values a buggy caller or a stale form could pass.
const invalidInputs: [string, (board: Board) => unknown][] = [
	[
		'addPerson with a name that is not a string',
		({ doc }) => addPerson(doc, { name: 42 as never })
	],
	['addPerson with a blank name', ({ doc }) => addPerson(doc, { name: '   ' })],
	[
		'addPerson with a colour that is not #rrggbb',
		({ doc }) => addPerson(doc, { name: 'Bo', color: 'red' })
	],
	[
		'addPerson with a role over 100 characters',
		({ doc }) => addPerson(doc, { name: 'Bo', role: 'x'.repeat(101) })
	],
	['addPerson with an unknown key', ({ doc }) => addPerson(doc, { name: 'Bo', age: 3 } as never)],
	[
		'addMilestone with an impossible date',
		({ doc }) => addMilestone(doc, { title: 'M', due: '2025-02-30' })
	],
	[
		'addMilestone with an unknown status',
		({ doc }) => addMilestone(doc, { title: 'M', status: 'late' as never })
	],
	[
		'addMilestone with an owner that is not an id',
		({ doc }) => addMilestone(doc, { title: 'M', owner: 'bob' })
	],
	['addRisk with a likelihood of 9', ({ doc }) => addRisk(doc, { title: 'R', likelihood: 9 })],
	['addRisk with an impact of 0', ({ doc }) => addRisk(doc, { title: 'R', impact: 0 })],
	[
		'addRisk with a fractional likelihood',
		({ doc }) => addRisk(doc, { title: 'R', likelihood: 2.5 })
	],
	[
		'addRisk with a likelihood given as a string',
		({ doc }) => addRisk(doc, { title: 'R', likelihood: '3' as never })
	],
	['addRisk with an empty title', ({ doc }) => addRisk(doc, { title: '' })],
	[
		'addRisk with a title over 200 characters',
		({ doc }) => addRisk(doc, { title: 'x'.repeat(201) })
	],
	[
		'addRisk with a mitigation in its input',
		({ doc }) => addRisk(doc, { title: 'R', mitigation: 'x' } as never)
	],
	['addRisk with a negative creation time', ({ doc }) => addRisk(doc, { title: 'R' }, { now: -1 })],
	['addRaciTask without a title', ({ doc }) => addRaciTask(doc, {} as never)],
	[
		'addAction with an unknown status',
		({ doc }) => addAction(doc, { title: 'A', status: 'blocked' as never })
	],
	[
		'addAction with a source that is not a card id',
		({ doc }) => addAction(doc, { title: 'A', source: 'card' })
	],
	['addAction with input that is not an object', ({ doc }) => addAction(doc, 'Call' as never)],
	[
		'updatePerson with a bad colour',
		({ doc, person }) => updatePerson(doc, person, { color: '#12345' })
	],
	[
		'updatePerson trying to change the id',
		({ doc, person }) => updatePerson(doc, person, { id: newId() } as never)
	],
	[
		'updateMilestone trying to change the order',
		({ doc, milestone }) => updateMilestone(doc, milestone, { order: 'a0' } as never)
	],
	[
		'updateRisk with a likelihood of 6',
		({ doc, risk }) => updateRisk(doc, risk, { likelihood: 6 })
	],
	[
		'updateRisk trying to replace the mitigation',
		({ doc, risk }) => updateRisk(doc, risk, { mitigation: new Y.XmlText() } as never)
	],
	[
		'updateRisk trying to change createdAt',
		({ doc, risk }) => updateRisk(doc, risk, { createdAt: 1 } as never)
	],
	[
		'updateRisk with an unknown key',
		({ doc, risk }) => updateRisk(doc, risk, { priority: 1 } as never)
	],
	[
		'updateRaciTask with a blank title',
		({ doc, task }) => updateRaciTask(doc, task, { title: ' ' })
	],
	[
		'updateAction with a null status',
		({ doc, action }) => updateAction(doc, action, { status: null } as never)
	],
	['moveRisk to a negative index', ({ doc, risk }) => moveRisk(doc, risk, -1)],
	['movePerson to a fractional index', ({ doc, person }) => movePerson(doc, person, 0.5)],
	[
		'setRaciCell with the letter X',
		({ doc, task, person }) => setRaciCell(doc, task, person, 'X' as never)
	],
	[
		'setRaciCell with a lower-case letter',
		({ doc, task, person }) => setRaciCell(doc, task, person, 'r' as never)
	],
	['setTitle with an empty title', ({ doc }) => setTitle(doc, '')],
	['setTitle with a number', ({ doc }) => setTitle(doc, 7 as never)]
];

const missingIds: [string, (board: Board, missing: string) => unknown][] = [
	['updatePerson', ({ doc }, missing) => updatePerson(doc, missing, { name: 'X' })],
	['removePerson', ({ doc }, missing) => removePerson(doc, missing)],
	['movePerson', ({ doc }, missing) => movePerson(doc, missing, 0)],
	['updateMilestone', ({ doc }, missing) => updateMilestone(doc, missing, { title: 'X' })],
	['removeMilestone', ({ doc }, missing) => removeMilestone(doc, missing)],
	['moveMilestone', ({ doc }, missing) => moveMilestone(doc, missing, 0)],
	['updateRisk', ({ doc }, missing) => updateRisk(doc, missing, { title: 'X' })],
	['removeRisk', ({ doc }, missing) => removeRisk(doc, missing)],
	['moveRisk', ({ doc }, missing) => moveRisk(doc, missing, 0)],
	['updateRaciTask', ({ doc }, missing) => updateRaciTask(doc, missing, { title: 'X' })],
	['removeRaciTask', ({ doc }, missing) => removeRaciTask(doc, missing)],
	['moveRaciTask', ({ doc }, missing) => moveRaciTask(doc, missing, 0)],
	['updateAction', ({ doc }, missing) => updateAction(doc, missing, { title: 'X' })],
	['removeAction', ({ doc }, missing) => removeAction(doc, missing)],
	['moveAction', ({ doc }, missing) => moveAction(doc, missing, 0)],
	[
		'setRaciCell for a missing task',
		({ doc, person }, missing) => setRaciCell(doc, missing, person, 'R')
	],
	[
		'setRaciCell for a missing person',
		({ doc, task }, missing) => setRaciCell(doc, task, missing, 'R')
	]
];

describe('command input validation', () => {
	it.each(invalidInputs)('rejects %s with InvalidInputError and writes nothing', (_, command) => {
		const board = populatedBoard();
		expectRejectedWithoutWrite(board.doc, () => command(board), InvalidInputError);
	});

	it('names the command and every problem in the error', () => {
		const { doc } = populatedBoard();
		const error = expectRejectedWithoutWrite(
			doc,
			() => addRisk(doc, { title: '', likelihood: 9 }),
			InvalidInputError
		) as InvalidInputError;
		expect(error.name).toBe('InvalidInputError');
		expect(error.command).toBe('addRisk');
		expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['title', 'likelihood']);
		expect(error.message).toMatch(/^addRisk: invalid input: title: .+; likelihood: .+/);
	});
});

describe('commands on missing entities', () => {
	it.each(missingIds)('%s throws EntityNotFoundError and writes nothing', (_, command) => {
		const board = populatedBoard();
		const missing = newId();
		const error = expectRejectedWithoutWrite(
			board.doc,
			() => command(board, missing),
			EntityNotFoundError
		) as EntityNotFoundError;
		expect(error.name).toBe('EntityNotFoundError');
		expect(error.id).toBe(missing);
	});

	it('says which collection was searched', () => {
		const { doc, person } = populatedBoard();
		const missing = newId();
		const error = expectRejectedWithoutWrite(
			doc,
			() => setRaciCell(doc, missing, person, 'A'),
			EntityNotFoundError
		) as EntityNotFoundError;
		expect(error.collection).toBe('raciTasks');
	});

	it('treats an entry a peer removed as missing', () => {
		const { doc, risk } = populatedBoard();
		removeRisk(doc, risk);
		expectRejectedWithoutWrite(
			doc,
			() => updateRisk(doc, risk, { impact: 1 }),
			EntityNotFoundError
		);
	});
});

describe('setTitle on an empty doc', () => {
	it('throws BoardNotInitializedError and writes nothing', () => {
		const doc = new Y.Doc();
		expectRejectedWithoutWrite(doc, () => setTitle(doc, 'Plan'), BoardNotInitializedError);
	});
});
