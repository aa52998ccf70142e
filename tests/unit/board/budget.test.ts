import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	EntityNotFoundError,
	InvalidInputError,
	addBudgetLine,
	addBudgetLines,
	addMilestone,
	boardRoots,
	createBoard,
	moveBudgetLine,
	readList,
	readMilestones,
	readCurrency,
	removeBudgetLine,
	setCurrency,
	updateBudgetLine,
	updateMilestone
} from '../../../src/lib/board/index.ts';
import {
	budgetTotals,
	burnSeries,
	UNDATED_LABEL
} from '../../../src/lib/board/views/budget-totals.ts';
import { expectRejectedWithoutWrite } from '../../helpers/board.ts';
import { compareBoards, countChanges } from '../../../src/lib/board/diff/compare.ts';
import { countBudgetChanges } from '../../../src/lib/board/diff/budget.ts';

const linesOf = (doc: Y.Doc) => readList(doc, 'budgetLines').items;

describe('budget lines', () => {
	it('adds a line with its title and notes as Y.Text, amounts in minor units', () => {
		const doc = createBoard('kickoff');
		const id = addBudgetLine(doc, { title: ' Cloud ', planned: 120000 }, { now: 7 });
		expect(linesOf(doc)).toEqual([
			expect.objectContaining({
				id,
				title: 'Cloud',
				category: 'other',
				owner: '',
				milestone: '',
				planned: 120000,
				actual: 0,
				notes: '',
				createdAt: 7
			})
		]);
		const entry = boardRoots(doc).budgetLines.get(id) as Y.Map<unknown>;
		expect(entry.get('title')).toBeInstanceOf(Y.Text);
		expect(entry.get('notes')).toBeInstanceOf(Y.Text);
	});

	it('refuses floats, negatives and unsafe amounts, writing nothing', () => {
		const doc = createBoard('kickoff');
		const id = addBudgetLine(doc, { title: 'Laptops' });
		for (const planned of [10.5, -1, Number.MAX_SAFE_INTEGER + 1, Number.NaN])
			expectRejectedWithoutWrite(
				doc,
				() => updateBudgetLine(doc, id, { planned }),
				InvalidInputError
			);
		expect(() => addBudgetLine(doc, { title: 'x', actual: 0.1 })).toThrow(InvalidInputError);
		expect(() => addBudgetLine(doc, { title: 'x', category: 'food' as 'other' })).toThrow(
			InvalidInputError
		);
	});

	it('links a milestone only when the board has it; updates, moves and removes', () => {
		const doc = createBoard('kickoff');
		const milestone = addMilestone(doc, { title: 'Beta', due: '2026-03-01' });
		const a = addBudgetLine(doc, { title: 'A' });
		const b = addBudgetLine(doc, { title: 'B' });
		expect(() => updateBudgetLine(doc, a, { milestone: 'AAAAAAAAAAAAAAAA' })).toThrow(
			EntityNotFoundError
		);
		updateBudgetLine(doc, a, { milestone, actual: 500, category: 'travel', notes: 'Flights' });
		expect(linesOf(doc)[0]).toMatchObject({
			milestone,
			actual: 500,
			category: 'travel',
			notes: 'Flights'
		});
		moveBudgetLine(doc, b, 0);
		expect(linesOf(doc).map((line) => line.title)).toEqual(['B', 'A']);
		removeBudgetLine(doc, b);
		expect(linesOf(doc).map((line) => line.title)).toEqual(['A']);
	});

	it('adds many lines in one transaction, all or none', () => {
		const doc = createBoard('kickoff');
		addBudgetLine(doc, { title: 'First' });
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		addBudgetLines(doc, [{ title: 'Second' }, { title: 'Third', planned: 1 }]);
		expect(transactions).toBe(1);
		expect(linesOf(doc).map((line) => line.title)).toEqual(['First', 'Second', 'Third']);
		expect(() => addBudgetLines(doc, [{ title: 'Fourth' }, { title: '' }])).toThrow(
			InvalidInputError
		);
		expect(linesOf(doc)).toHaveLength(3);
	});
});

describe('currency', () => {
	it('defaults to EUR, takes ISO codes Intl knows, and a bad stored value hides only itself', () => {
		const doc = createBoard('kickoff');
		expect(readCurrency(doc)).toBe('EUR');
		setCurrency(doc, 'JPY');
		expect(readCurrency(doc)).toBe('JPY');
		expectRejectedWithoutWrite(doc, () => setCurrency(doc, 'XYZ'), InvalidInputError);
		expectRejectedWithoutWrite(doc, () => setCurrency(doc, 'usd'), InvalidInputError);
		boardRoots(doc).meta.set('currency', 12);
		expect(readCurrency(doc)).toBe('EUR');
		expect(readMilestones(doc).skipped).toBe(0);
	});
});

describe('budget totals and burn series', () => {
	function board() {
		const doc = createBoard('kickoff');
		const beta = addMilestone(doc, { title: 'Beta', due: '2026-03-01' });
		const launch = addMilestone(doc, { title: 'Launch', due: '2026-06-01' });
		const undated = addMilestone(doc, { title: 'Someday' });
		addBudgetLine(doc, {
			title: 'Dev',
			category: 'labour',
			milestone: launch,
			planned: 500000,
			actual: 100000
		});
		addBudgetLine(doc, {
			title: 'Design',
			category: 'labour',
			milestone: beta,
			planned: 200000,
			actual: 250000
		});
		addBudgetLine(doc, { title: 'Licences', category: 'licences', planned: 30, actual: 0 });
		addBudgetLine(doc, {
			title: 'Kit',
			category: 'hardware',
			milestone: undated,
			planned: 0,
			actual: 10
		});
		return { doc, beta, launch, undated };
	}

	it('sums per category, per milestone (by due date, then undated, then none) and overall', () => {
		const { doc, beta, launch, undated } = board();
		const totals = budgetTotals(linesOf(doc), readMilestones(doc).items);
		expect(totals.overall).toEqual({
			planned: 700030n,
			actual: 350010n,
			variance: 350020n,
			percentSpent: 50,
			over: false,
			lines: 4
		});
		expect(
			totals.byCategory.map((row) => [row.label, row.total.planned, row.total.actual])
		).toEqual([
			['Labour', 700000n, 350000n],
			['Licences', 30n, 0n],
			['Hardware', 0n, 10n]
		]);
		expect(
			totals.byMilestone.map((row) => [row.milestoneId, row.label, row.total.variance])
		).toEqual([
			[beta, 'Beta', -50000n],
			[launch, 'Launch', 400000n],
			[undated, 'Someday', -10n],
			['', 'No milestone', 30n]
		]);
		expect(totals.byMilestone[0]!.total).toMatchObject({ over: true, percentSpent: 125 });
		expect(totals.byMilestone[2]!.total.percentSpent).toBeNull();
		expect(totals.overBudget.map((line) => line.title)).toEqual(['Design', 'Kit']);
	});

	it('cumulates planned and actual at each due date; undated lines make one last point', () => {
		const { doc, beta } = board();
		const series = burnSeries(linesOf(doc), readMilestones(doc).items);
		expect(series).toEqual([
			{ date: '2026-03-01', label: 'Beta', planned: 200000n, actual: 250000n },
			{ date: '2026-06-01', label: 'Launch', planned: 700000n, actual: 350000n },
			{ date: null, label: UNDATED_LABEL, planned: 700030n, actual: 350010n }
		]);
		// Moving Beta after Launch reorders the series; its lines follow their milestone.
		updateMilestone(doc, beta, { due: '2026-07-01' });
		const moved = burnSeries(linesOf(doc), readMilestones(doc).items);
		expect(moved.map((point) => [point.label, point.planned])).toEqual([
			['Launch', 500000n],
			['Beta', 700000n],
			[UNDATED_LABEL, 700030n]
		]);
	});

	it('counts a line whose milestone was removed as having none', () => {
		const { doc, launch } = board();
		boardRoots(doc).milestones.delete(launch);
		const totals = budgetTotals(linesOf(doc), readMilestones(doc).items);
		expect(totals.byMilestone.at(-1)).toMatchObject({
			label: 'No milestone',
			total: { planned: 500030n }
		});
	});
});

describe('budget in the comparison of two board states', () => {
	it('lists lines added, removed and changed with amounts, and the currency', () => {
		const before = createBoard('kickoff');
		const kept = addBudgetLine(before, { title: 'Cloud', planned: 100_00 });
		const gone = addBudgetLine(before, { title: 'Travel', planned: 50_00, actual: 10_00 });
		const after = new Y.Doc();
		Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
		const beta = addMilestone(after, { title: 'Beta' });
		updateBudgetLine(after, kept, { actual: 120_50, milestone: beta, category: 'services' });
		removeBudgetLine(after, gone);
		addBudgetLine(after, { title: 'Desks', planned: 300_00 });
		setCurrency(after, 'USD');
		const changes = compareBoards(before, after);
		expect(changes.budget).toEqual({
			currency: { before: 'EUR', after: 'USD' },
			added: [expect.objectContaining({ title: 'Desks', planned: '$300.00', actual: '$0.00' })],
			removed: [expect.objectContaining({ id: gone, planned: '€50.00', actual: '€10.00' })],
			changed: [
				{
					id: kept,
					title: 'Cloud',
					changes: [
						{ field: 'category', before: 'Other', after: 'Services' },
						{ field: 'milestone', before: 'no milestone', after: 'Beta' },
						{ field: 'actual', before: '$0.00', after: '$120.50' }
					]
				}
			]
		});
		expect(countBudgetChanges(changes.budget)).toBe(4);
		expect(countChanges(changes)).toBeGreaterThanOrEqual(5);
	});
});
