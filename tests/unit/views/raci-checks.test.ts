import { describe, expect, it } from 'vitest';
import {
	addPerson,
	addRaciTask,
	createBoard,
	raciCellKey,
	readPeople,
	readRaci,
	readRaciTasks,
	removePerson,
	setRaciCell,
	type RaciValue
} from '../../../src/lib/board/index.ts';
import {
	checkRaciMatrix,
	checkRaciRow,
	nextRaciValue,
	RACI_CHECKS,
	raciValueForKey
} from '../../../src/lib/board/views/raci-checks.ts';

const task = (id: string) => ({ id: id.padEnd(16, 't') });
const person = (id: string) => ({ id: id.padEnd(16, 'p') });

/** Cells given as rows of letters ('.' for empty), one column per person. */
function cellsOf(
	tasks: { id: string }[],
	people: { id: string }[],
	rows: string[]
): Map<string, RaciValue> {
	const cells = new Map<string, RaciValue>();
	rows.forEach((row, r) =>
		[...row].forEach((letter, p) => {
			if (letter !== '.') cells.set(raciCellKey(tasks[r]!.id, people[p]!.id), letter as RaciValue);
		})
	);
	return cells;
}

describe('checkRaciRow', () => {
	it('finds nothing wrong with one A and at least one R', () => {
		expect(checkRaciRow({ R: 2, A: 1, C: 3, I: 0 })).toEqual([]);
	});

	it('reports both a missing Accountable and a missing Responsible on an empty row', () => {
		expect(checkRaciRow({ R: 0, A: 0, C: 0, I: 0 })).toEqual(['noAccountable', 'noResponsible']);
	});

	it('reports more than one Accountable when two people hold an A', () => {
		expect(checkRaciRow({ R: 1, A: 2, C: 0, I: 0 })).toEqual(['severalAccountable']);
	});

	it('reports a missing Responsible when the only letters are A, C and I', () => {
		expect(checkRaciRow({ R: 0, A: 1, C: 1, I: 1 })).toEqual(['noResponsible']);
	});

	it('has a message and a description for every kind of problem', () => {
		expect(RACI_CHECKS.noAccountable.message).toBe('No Accountable');
		expect(RACI_CHECKS.severalAccountable.message).toBe('More than one Accountable');
		expect(RACI_CHECKS.noResponsible.message).toBe('No Responsible');
		for (const check of Object.values(RACI_CHECKS)) expect(check.description).not.toBe('');
	});
});

describe('checkRaciMatrix', () => {
	const tasks = [task('design'), task('build'), task('launch')];
	const people = [person('ana'), person('ben'), person('cy')];

	it('checks each row and counts the tasks that have a problem', () => {
		const cells = cellsOf(tasks, people, ['RAC', 'AA.', '...']);
		const report = checkRaciMatrix(tasks, people, cells);
		expect(report.problems.get(tasks[0]!.id)).toEqual([]);
		expect(report.problems.get(tasks[1]!.id)).toEqual(['severalAccountable', 'noResponsible']);
		expect(report.problems.get(tasks[2]!.id)).toEqual(['noAccountable', 'noResponsible']);
		expect(report.tasksWithProblems).toBe(2);
	});

	it('totals the letters of each person column', () => {
		const cells = cellsOf(tasks, people, ['RAI', 'RCI', 'AR.']);
		const report = checkRaciMatrix(tasks, people, cells);
		expect(report.totals.get(people[0]!.id)).toEqual({ R: 2, A: 1, C: 0, I: 0 });
		expect(report.totals.get(people[1]!.id)).toEqual({ R: 1, A: 1, C: 1, I: 0 });
		expect(report.totals.get(people[2]!.id)).toEqual({ R: 0, A: 0, C: 0, I: 2 });
	});

	it('ignores cells of a person who is no longer on the board', () => {
		const cells = cellsOf(tasks, people, ['RAA', 'R.A', '...']);
		const remaining = people.slice(0, 2);
		const report = checkRaciMatrix(tasks, remaining, cells);
		// Without the removed third column, the first row has one A and the second none.
		expect(report.problems.get(tasks[0]!.id)).toEqual([]);
		expect(report.problems.get(tasks[1]!.id)).toEqual(['noAccountable']);
		expect(report.totals.has(people[2]!.id)).toBe(false);
	});

	it('ignores cells of a task that is no longer on the board', () => {
		const cells = cellsOf(tasks, people, ['RAC', 'RRR', 'AAA']);
		const report = checkRaciMatrix(tasks.slice(0, 1), people, cells);
		expect([...report.problems.keys()]).toEqual([tasks[0]!.id]);
		expect(report.tasksWithProblems).toBe(0);
		expect(report.totals.get(people[0]!.id)).toEqual({ R: 1, A: 0, C: 0, I: 0 });
	});

	it('reads a board whose person was removed without counting their cells', () => {
		const doc = createBoard('kickoff');
		const write = addRaciTask(doc, { title: 'Write the plan' });
		const ana = addPerson(doc, { name: 'Ana' });
		const ben = addPerson(doc, { name: 'Ben' });
		setRaciCell(doc, write, ana, 'R');
		setRaciCell(doc, write, ben, 'A');
		expect(
			checkRaciMatrix(
				readRaciTasks(doc).items,
				readPeople(doc).items,
				readRaci(doc).cells
			).problems.get(write)
		).toEqual([]);
		removePerson(doc, ben);
		const report = checkRaciMatrix(
			readRaciTasks(doc).items,
			readPeople(doc).items,
			readRaci(doc).cells
		);
		expect(report.problems.get(write)).toEqual(['noAccountable']);
		expect([...report.totals.keys()]).toEqual([ana]);
	});

	it('has no problems and no totals on an empty board', () => {
		const report = checkRaciMatrix([], [], new Map());
		expect(report.tasksWithProblems).toBe(0);
		expect(report.problems.size).toBe(0);
		expect(report.totals.size).toBe(0);
	});
});

describe('nextRaciValue', () => {
	it('cycles a clicked cell from empty through R, A, C and I back to empty', () => {
		const seen: (RaciValue | null)[] = [];
		let value: RaciValue | null = null;
		for (let click = 0; click < 5; click++) {
			value = nextRaciValue(value);
			seen.push(value);
		}
		expect(seen).toEqual(['R', 'A', 'C', 'I', null]);
		expect(nextRaciValue(undefined)).toBe('R');
	});
});

describe('raciValueForKey', () => {
	it('maps r, a, c and i in either case to their letter', () => {
		expect(['r', 'A', 'c', 'I'].map(raciValueForKey)).toEqual(['R', 'A', 'C', 'I']);
	});

	it('ignores every other key', () => {
		expect(['x', 'Enter', 'Backspace', 'RA', ' ', ''].map(raciValueForKey)).toEqual([
			null,
			null,
			null,
			null,
			null,
			null
		]);
	});
});
