import { describe, expect, it } from 'vitest';
import {
	addMilestone,
	addPerson,
	addRaciTask,
	createBoard,
	readAllocations,
	readMilestones,
	readPeople,
	readRaci,
	readRaciTasks,
	setAllocation,
	setRaciCell,
	updateMilestone
} from '../../../src/lib/board/index.ts';
import {
	allocationProblemText,
	checkAllocations,
	monthTotals,
	personMonths
} from '../../../src/lib/board/views/allocation-checks.ts';
import { boardMonthRange, monthsOf } from '../../../src/lib/board/views/allocation-months.ts';
import { summarizeForSponsor } from '../../../src/lib/board/views/sponsor-summary.ts';
import type * as Y from 'yjs';

function board(doc: Y.Doc) {
	return {
		people: readPeople(doc).items,
		milestones: readMilestones(doc).items,
		raciTasks: readRaciTasks(doc).items,
		raci: readRaci(doc).cells,
		allocations: readAllocations(doc).cells
	};
}

function texts(doc: Y.Doc): string[] {
	return checkAllocations(board(doc)).map(allocationProblemText);
}

describe('checkAllocations', () => {
	it('names every month a person is given more than 100%, by person then month', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		const theo = addPerson(doc, { name: 'Theo' });
		setAllocation(doc, theo, '2027-03', 101);
		setAllocation(doc, maya, '2027-05', 150);
		setAllocation(doc, maya, '2027-03', 200);
		setAllocation(doc, maya, '2027-04', 100);
		expect(texts(doc)).toEqual([
			'Maya is over-allocated in March 2027: 200%',
			'Maya is over-allocated in May 2027: 150%',
			'Theo is over-allocated in March 2027: 101%'
		]);
	});

	it('names a milestone whose owner has no allocation in its due month, and not a done one', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		const theo = addPerson(doc, { name: 'Theo' });
		addMilestone(doc, { title: 'Beta', due: '2027-04-30', owner: maya });
		addMilestone(doc, { title: 'Alpha', due: '2027-03-15', owner: maya });
		addMilestone(doc, { title: 'Covered', due: '2027-03-15', owner: theo });
		const shipped = addMilestone(doc, { title: 'Shipped', due: '2027-02-01', owner: maya });
		updateMilestone(doc, shipped, { status: 'done' });
		addMilestone(doc, { title: 'Nobody', due: '2027-03-15' });
		addMilestone(doc, { title: 'Undated', owner: maya });
		setAllocation(doc, theo, '2027-03', 40);
		setAllocation(doc, maya, '2027-02', 40);
		expect(texts(doc)).toEqual([
			'Maya owns “Alpha”, due in March 2027, but has no allocation that month',
			'Maya owns “Beta”, due in April 2027, but has no allocation that month'
		]);
		setAllocation(doc, maya, '2027-03', 20);
		expect(texts(doc)).toEqual([
			'Maya owns “Beta”, due in April 2027, but has no allocation that month'
		]);
	});

	it('names people Responsible for a task with no allocation at all', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		const theo = addPerson(doc, { name: 'Theo' });
		const ines = addPerson(doc, { name: 'Ines' });
		const plan = addRaciTask(doc, { title: 'Plan' });
		const build = addRaciTask(doc, { title: 'Build' });
		setRaciCell(doc, plan, maya, 'R');
		setRaciCell(doc, build, maya, 'R');
		setRaciCell(doc, plan, theo, 'R');
		setRaciCell(doc, build, ines, 'A');
		setAllocation(doc, theo, '2030-01', 10);
		expect(texts(doc)).toEqual(['Maya is Responsible for 2 RACI tasks but has no allocation']);
	});

	it('ignores cells of people no longer listed', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		setAllocation(doc, maya, '2027-03', 150);
		const read = { ...board(doc), people: [] };
		expect(checkAllocations(read)).toEqual([]);
	});
});

describe('month totals', () => {
	it('sums listed people per month, in percent, and words it in person-months', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		const theo = addPerson(doc, { name: 'Theo' });
		setAllocation(doc, maya, '2027-03', 50);
		setAllocation(doc, theo, '2027-03', 100);
		setAllocation(doc, theo, '2027-04', 5);
		const totals = monthTotals(readPeople(doc).items, readAllocations(doc).cells, [
			'2027-03',
			'2027-04',
			'2027-05'
		]);
		expect([...totals]).toEqual([
			['2027-03', 150],
			['2027-04', 5],
			['2027-05', 0]
		]);
		expect([150, 5, 0, 100, 110, 333].map(personMonths)).toEqual([
			'1.5',
			'0.05',
			'0.0',
			'1.0',
			'1.1',
			'3.33'
		]);
	});
});

describe('boardMonthRange', () => {
	it('runs from the earliest to the latest milestone month', () => {
		const range = boardMonthRange(
			[{ due: '2027-09-30' }, { due: '' }, { due: '2027-01-10' }],
			[],
			'2026-12-07'
		);
		expect(range).toEqual({ from: '2027-01', to: '2027-09' });
	});

	it('shows at least six months, from the current month when no milestone has a date', () => {
		expect(boardMonthRange([], [], '2026-11-07')).toEqual({ from: '2026-11', to: '2027-04' });
		expect(boardMonthRange([{ due: '2027-01-10' }], [], '2026-12-07')).toEqual({
			from: '2027-01',
			to: '2027-06'
		});
	});

	it('widens to take in every allocated month', () => {
		const range = boardMonthRange([{ due: '2027-03-01' }], ['2026-10', '2028-01'], '2026-12-07');
		expect(range).toEqual({ from: '2026-10', to: '2028-01' });
	});

	it('lists the months of a range widened earlier and later', () => {
		const range = { from: '2026-12', to: '2027-02' };
		expect(monthsOf(range)).toEqual(['2026-12', '2027-01', '2027-02']);
		expect(monthsOf(range, { earlier: 2, later: 1 })).toEqual([
			'2026-10',
			'2026-11',
			'2026-12',
			'2027-01',
			'2027-02',
			'2027-03'
		]);
	});
});

describe('the Overview’s resource checks', () => {
	it('run only once the board holds an allocation', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		addMilestone(doc, { title: 'Beta', due: '2027-04-30', owner: maya });
		const before = summarizeForSponsor({ ...board(doc), risks: [], actions: [] }, '2026-12-07');
		expect(before.plansResources).toBe(false);
		expect(before.allocationProblems).toEqual([]);
		setAllocation(doc, maya, '2027-03', 120);
		const after = summarizeForSponsor({ ...board(doc), risks: [], actions: [] }, '2026-12-07');
		expect(after.plansResources).toBe(true);
		expect(after.allocationProblems.map(allocationProblemText)).toEqual([
			'Maya is over-allocated in March 2027: 120%',
			'Maya owns “Beta”, due in April 2027, but has no allocation that month'
		]);
	});
});
