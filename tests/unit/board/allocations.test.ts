import { describe, expect, it } from 'vitest';
import {
	EntityNotFoundError,
	InvalidInputError,
	addPerson,
	addRaciTask,
	allocationKey,
	boardRoots,
	clearAllocation,
	createBoard,
	localOrigin,
	parseAllocationKey,
	readAllocations,
	readRaci,
	removePerson,
	setAllocation,
	setRaciCell
} from '../../../src/lib/board/index.ts';
import { newId } from '../../../src/lib/board/ids.ts';
import { addMonths, monthsBetween } from '../../../src/lib/board/allocation-model.ts';
import { expectRejectedWithoutWrite, recordWrites } from '../../helpers/board.ts';

function boardWithPeople() {
	const doc = createBoard('kickoff');
	return { doc, maya: addPerson(doc, { name: 'Maya' }), theo: addPerson(doc, { name: 'Theo' }) };
}

describe('setAllocation', () => {
	it('sets, replaces and clears a cell, each in one local transaction', () => {
		const { doc, maya } = boardWithPeople();
		const recorder = recordWrites(doc);
		setAllocation(doc, maya, '2027-03', 50);
		setAllocation(doc, maya, '2027-03', 120);
		expect(readAllocations(doc).cells).toEqual(new Map([[allocationKey(maya, '2027-03'), 120]]));
		clearAllocation(doc, maya, '2027-03');
		expect(readAllocations(doc).cells.size).toBe(0);
		expect(recorder.transactions).toBe(3);
		expect(recorder.origins.every((origin) => origin === localOrigin)).toBe(true);
	});

	it('writes nothing when the cell already holds the value, or 0 is set on an empty cell', () => {
		const { doc, maya } = boardWithPeople();
		setAllocation(doc, maya, '2027-03', 50);
		const recorder = recordWrites(doc);
		setAllocation(doc, maya, '2027-03', 50);
		setAllocation(doc, maya, '2027-04', 0);
		expect(recorder.updates).toBe(0);
	});

	it.each([
		['a fraction', '2027-03', 12.5],
		['a negative percent', '2027-03', -10],
		['more than 200%', '2027-03', 201],
		['not a number', '2027-03', Number.NaN],
		['a month 13', '2027-13', 50],
		['a full date', '2027-03-01', 50],
		['a month with a colon', '2027:03', 50],
		['year 0000', '0000-05', 50]
	])('refuses %s and writes nothing', (_, month, percent) => {
		const { doc, maya } = boardWithPeople();
		expectRejectedWithoutWrite(
			doc,
			() => setAllocation(doc, maya, month, percent),
			InvalidInputError
		);
	});

	it('refuses a person who is not on the board, or an id that is not one', () => {
		const { doc } = boardWithPeople();
		expectRejectedWithoutWrite(
			doc,
			() => setAllocation(doc, newId(), '2027-03', 50),
			EntityNotFoundError
		);
		expectRejectedWithoutWrite(
			doc,
			() => setAllocation(doc, '__proto__', '2027-03', 50),
			InvalidInputError
		);
	});

	it('accepts the bounds 1 and 200', () => {
		const { doc, maya } = boardWithPeople();
		setAllocation(doc, maya, '2027-01', 1);
		setAllocation(doc, maya, '2027-02', 200);
		expect([...readAllocations(doc).cells.values()]).toEqual([1, 200]);
	});
});

describe('removing a person', () => {
	it('deletes their allocations and RACI cells, and only theirs, in one transaction', () => {
		const { doc, maya, theo } = boardWithPeople();
		const task = addRaciTask(doc, { title: 'Plan' });
		setRaciCell(doc, task, maya, 'R');
		setAllocation(doc, maya, '2027-03', 50);
		setAllocation(doc, maya, '2027-04', 80);
		setAllocation(doc, theo, '2027-03', 100);
		const recorder = recordWrites(doc);
		removePerson(doc, maya);
		expect(recorder.transactions).toBe(1);
		expect([...readAllocations(doc).cells]).toEqual([[allocationKey(theo, '2027-03'), 100]]);
		expect(readRaci(doc).cells.size).toBe(0);
	});
});

describe('readAllocations', () => {
	it('skips and counts cells a peer wrote with a bad key or value', () => {
		const { doc, maya } = boardWithPeople();
		setAllocation(doc, maya, '2027-03', 50);
		const { allocations } = boardRoots(doc);
		allocations.set(`${maya}:2027-13`, 50);
		allocations.set(`${maya}:2027-04`, 250);
		allocations.set(`${maya}:2027-05`, 0);
		allocations.set(`${maya}:2027-06`, '50');
		allocations.set('nobody', 50);
		const read = readAllocations(doc);
		expect([...read.cells]).toEqual([[allocationKey(maya, '2027-03'), 50]]);
		expect(read.skipped).toBe(5);
	});

	it('parses only well-formed keys', () => {
		const id = newId();
		expect(parseAllocationKey(`${id}:2027-03`)).toEqual({ personId: id, month: '2027-03' });
		expect(parseAllocationKey(`${id}:2027-03:x`)).toBeNull();
		expect(parseAllocationKey(`short:2027-03`)).toBeNull();
	});
});

describe('month arithmetic', () => {
	it('adds months across years and counts the months between two', () => {
		expect(addMonths('2026-11', 3)).toBe('2027-02');
		expect(addMonths('2027-01', -1)).toBe('2026-12');
		expect(monthsBetween('2026-11', '2027-02')).toBe(3);
		expect(monthsBetween('2027-02', '2026-11')).toBe(-3);
		expect(addMonths('9999-12', 1)).toBe('9999-12');
		expect(addMonths('0001-01', -1)).toBe('0001-01');
	});
});
