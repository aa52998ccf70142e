import { describe, expect, it } from 'vitest';
import { basisOf, emptyBasis, readBasis } from '../../../../src/lib/board/updates/basis.ts';
import { draftFacts } from '../../../../src/lib/board/updates/facts.ts';

const id = (letter: string) => letter.repeat(16);
const LAPTOPS = id('l');
const CLOUD = id('c');

function budget(lines: { id: string; title: string; planned: number; actual: number }[]) {
	return basisOf(
		{ milestones: [], risks: [], actions: [], people: [], budgetLines: lines, currency: 'EUR' },
		'2026-03-01'
	);
}

describe('budget facts of a status update', () => {
	it('says how the share of the plan spent moved, and names lines newly over budget', () => {
		const before = budget([
			{ id: LAPTOPS, title: 'Laptops', planned: 20000, actual: 10000 },
			{ id: CLOUD, title: 'Cloud', planned: 100000, actual: 15000 }
		]);
		const after = budget([
			{ id: LAPTOPS, title: 'Laptops', planned: 20000, actual: 25020 },
			{ id: CLOUD, title: 'Cloud', planned: 100000, actual: 15000 }
		]);
		expect(draftFacts(before, after, '2026-03-02')).toEqual([
			{
				kind: 'budget-spent',
				text: 'Budget spent moved from 20.8% to 33.4% (€400.20 of €1,200.00)',
				section: 'budget'
			},
			{
				kind: 'budget-line-over',
				text: 'Over budget: “Laptops” (€250.20 spent of €200.00 planned)',
				section: 'budget',
				id: LAPTOPS
			}
		]);
		// Still over, nothing newly spent: nothing to say.
		expect(draftFacts(after, after, '2026-03-02')).toEqual([]);
	});

	it('reads a basis stored before the budget as an empty budget in euros', () => {
		const stored = { ...emptyBasis('2026-03-01') } as Record<string, unknown>;
		delete stored.currency;
		delete stored.budgetLines;
		const read = readBasis(stored)!;
		expect(read).toMatchObject({ currency: 'EUR', budgetLines: [] });
		const now = budget([{ id: CLOUD, title: 'Cloud', planned: 1000, actual: 250 }]);
		expect(draftFacts(read, now, '2026-03-02').map((fact) => fact.text)).toEqual([
			'Budget spent: 25% of the plan (€2.50 of €10.00)'
		]);
	});
});
