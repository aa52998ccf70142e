import { describe, expect, it } from 'vitest';
import {
	addPerson,
	addRisk,
	createBoard,
	readPeople,
	readRisks,
	removePerson,
	type NewRiskInput
} from '../../../src/lib/board/index.ts';
import { nextRiskSort, sortRisks, type RiskSort } from '../../../src/lib/board/views/risk-sort.ts';

/** A kickoff board with people and risks added in the order given; returns both as the UI reads them. */
function board(people: string[], risks: ((ids: Record<string, string>) => NewRiskInput)[]) {
	const doc = createBoard('kickoff');
	const ids: Record<string, string> = {};
	for (const name of people) ids[name] = addPerson(doc, { name });
	for (const risk of risks) addRisk(doc, risk(ids));
	return { doc, people: readPeople(doc).items, risks: readRisks(doc).items };
}

function titles(sorted: { title: string }[]): string[] {
	return sorted.map((risk) => risk.title);
}

describe('sortRisks', () => {
	const { people, risks } = board(
		['Zoe', 'adam', 'Mia'],
		[
			(p) => ({ title: 'Vendor late', likelihood: 4, impact: 3, owner: p.Zoe, due: '2025-03-01' }),
			(p) => ({ title: 'budget cut', likelihood: 2, impact: 5, owner: p.adam, status: 'closed' }),
			() => ({ title: 'Key person leaves', likelihood: 3, impact: 4, due: '2024-12-24' }),
			(p) => ({
				title: 'API change',
				likelihood: 5,
				impact: 5,
				owner: p.Mia,
				status: 'mitigating'
			}),
			(p) => ({ title: 'Scope creep', likelihood: 2, impact: 2, owner: p.Zoe, due: '2025-01-10' })
		]
	);

	it('keeps board order when there is no column sort', () => {
		const sorted = sortRisks(risks, null, people);
		expect(titles(sorted)).toEqual(titles(risks));
		expect(sorted).not.toBe(risks);
	});

	it('sorts titles alphabetically, ignoring case', () => {
		expect(titles(sortRisks(risks, { column: 'title', direction: 'ascending' }, people))).toEqual([
			'API change',
			'budget cut',
			'Key person leaves',
			'Scope creep',
			'Vendor late'
		]);
		expect(titles(sortRisks(risks, { column: 'title', direction: 'descending' }, people))[0]).toBe(
			'Vendor late'
		);
	});

	it('sorts by score, keeping board order between equal scores in both directions', () => {
		// Vendor late and Key person leaves both score 12; Vendor late comes first on the board.
		const descending = sortRisks(risks, { column: 'score', direction: 'descending' }, people);
		expect(titles(descending)).toEqual([
			'API change',
			'Vendor late',
			'Key person leaves',
			'budget cut',
			'Scope creep'
		]);
		const ascending = sortRisks(risks, { column: 'score', direction: 'ascending' }, people);
		expect(titles(ascending)).toEqual([
			'Scope creep',
			'budget cut',
			'Vendor late',
			'Key person leaves',
			'API change'
		]);
	});

	it('sorts by likelihood and by impact', () => {
		const byLikelihood = sortRisks(risks, { column: 'likelihood', direction: 'ascending' }, people);
		expect(byLikelihood.map((risk) => risk.likelihood)).toEqual([2, 2, 3, 4, 5]);
		expect(titles(byLikelihood).slice(0, 2)).toEqual(['budget cut', 'Scope creep']);
		const byImpact = sortRisks(risks, { column: 'impact', direction: 'descending' }, people);
		expect(byImpact.map((risk) => risk.impact)).toEqual([5, 5, 4, 3, 2]);
	});

	it("sorts by the owner's name, with unowned risks last in both directions", () => {
		const ascending = sortRisks(risks, { column: 'owner', direction: 'ascending' }, people);
		expect(titles(ascending)).toEqual([
			'budget cut',
			'API change',
			'Vendor late',
			'Scope creep',
			'Key person leaves'
		]);
		const descending = sortRisks(risks, { column: 'owner', direction: 'descending' }, people);
		expect(titles(descending)).toEqual([
			'Vendor late',
			'Scope creep',
			'API change',
			'budget cut',
			'Key person leaves'
		]);
	});

	it('treats an owner who was removed from the board as no owner', () => {
		const { doc, people: before } = board(['Ann', 'Bo'], []);
		const [ann, bo] = before;
		addRisk(doc, { title: 'Owned by Bo', owner: bo?.id });
		addRisk(doc, { title: 'Owned by Ann', owner: ann?.id });
		addRisk(doc, { title: 'Nobody' });
		removePerson(doc, ann?.id ?? '');
		const sorted = sortRisks(
			readRisks(doc).items,
			{ column: 'owner', direction: 'ascending' },
			readPeople(doc).items
		);
		expect(titles(sorted)).toEqual(['Owned by Bo', 'Owned by Ann', 'Nobody']);
	});

	it('sorts statuses in workflow order: open, mitigating, accepted, closed', () => {
		const sorted = sortRisks(risks, { column: 'status', direction: 'ascending' }, people);
		expect(sorted.map((risk) => risk.status)).toEqual([
			'open',
			'open',
			'open',
			'mitigating',
			'closed'
		]);
	});

	it('sorts by due date across months and years, with undated risks last', () => {
		const ascending = sortRisks(risks, { column: 'due', direction: 'ascending' }, people);
		expect(ascending.map((risk) => risk.due)).toEqual([
			'2024-12-24',
			'2025-01-10',
			'2025-03-01',
			'',
			''
		]);
		const descending = sortRisks(risks, { column: 'due', direction: 'descending' }, people);
		expect(descending.map((risk) => risk.due)).toEqual([
			'2025-03-01',
			'2025-01-10',
			'2024-12-24',
			'',
			''
		]);
	});

	it('sorts an empty register to an empty list', () => {
		expect(sortRisks([], { column: 'score', direction: 'descending' }, [])).toEqual([]);
	});
});

describe('nextRiskSort', () => {
	it('cycles a numeric column from highest first, to lowest first, back to board order', () => {
		let sort: RiskSort = null;
		sort = nextRiskSort(sort, 'score');
		expect(sort).toEqual({ column: 'score', direction: 'descending' });
		sort = nextRiskSort(sort, 'score');
		expect(sort).toEqual({ column: 'score', direction: 'ascending' });
		expect(nextRiskSort(sort, 'score')).toBeNull();
	});

	it('starts a text column from A to Z, and a click on another column starts over', () => {
		expect(nextRiskSort(null, 'title')).toEqual({ column: 'title', direction: 'ascending' });
		expect(nextRiskSort({ column: 'score', direction: 'ascending' }, 'due')).toEqual({
			column: 'due',
			direction: 'ascending'
		});
	});
});
