import { describe, expect, it } from 'vitest';
import {
	addPerson,
	addRisk,
	createBoard,
	readPeople,
	readRisks,
	removePerson
} from '../../../src/lib/board/index.ts';
import {
	NO_RISK_FILTER,
	filterRisks,
	isRiskFilterActive,
	isRiskOverdue,
	ownerMatches
} from '../../../src/lib/board/views/risk-filter.ts';
import { heatMapRows, countInCell } from '../../../src/lib/board/views/risk-heat-map.ts';

function registerWithOwners() {
	const doc = createBoard('kickoff');
	const ann = addPerson(doc, { name: 'Ann' });
	const bo = addPerson(doc, { name: 'Bo' });
	addRisk(doc, { title: 'A', likelihood: 5, impact: 5, owner: ann });
	addRisk(doc, { title: 'B', likelihood: 4, impact: 5, owner: bo, status: 'mitigating' });
	addRisk(doc, { title: 'C', likelihood: 4, impact: 5, owner: ann, status: 'closed' });
	addRisk(doc, { title: 'D', likelihood: 1, impact: 2 });
	addRisk(doc, { title: 'E', likelihood: 2, impact: 3, owner: bo });
	return { doc, ann, bo };
}

function titlesOf(risks: { title: string }[]): string {
	return risks.map((risk) => risk.title).join('');
}

describe('filterRisks', () => {
	const { doc, ann, bo } = registerWithOwners();
	const risks = readRisks(doc).items;
	const people = readPeople(doc).items;

	it('passes every risk, in board order, when no filter is set', () => {
		expect(titlesOf(filterRisks(risks, NO_RISK_FILTER, people))).toBe('ABCDE');
		expect(isRiskFilterActive(NO_RISK_FILTER)).toBe(false);
	});

	it('filters by status', () => {
		const filter = { ...NO_RISK_FILTER, status: 'closed' as const };
		expect(titlesOf(filterRisks(risks, filter, people))).toBe('C');
		expect(isRiskFilterActive(filter)).toBe(true);
	});

	it('filters by owner, and by "unassigned"', () => {
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, owner: ann }, people))).toBe('AC');
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, owner: bo }, people))).toBe('BE');
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, owner: '' }, people))).toBe('D');
	});

	it('filters by severity band', () => {
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, band: 'critical' }, people))).toBe(
			'ABC'
		);
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, band: 'low' }, people))).toBe('D');
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, band: 'medium' }, people))).toBe('E');
		expect(filterRisks(risks, { ...NO_RISK_FILTER, band: 'high' }, people)).toEqual([]);
	});

	it('filters by heat-map cell', () => {
		const cell = { likelihood: 4, impact: 5 } as const;
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, cell }, people))).toBe('BC');
	});

	it('combines filters: a risk must pass all of them', () => {
		const cell = { likelihood: 4, impact: 5 } as const;
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, cell, owner: ann }, people))).toBe('C');
		expect(
			titlesOf(
				filterRisks(risks, { status: 'open', owner: ann, band: 'critical', cell: null }, people)
			)
		).toBe('A');
		expect(
			filterRisks(risks, { status: 'closed', owner: bo, band: null, cell: null }, people)
		).toEqual([]);
	});

	it('counts the heat map from the filtered risks', () => {
		const open = filterRisks(risks, { ...NO_RISK_FILTER, status: 'open' }, people);
		const rows = heatMapRows(open);
		expect(countInCell(rows, { likelihood: 4, impact: 5 })).toBe(0);
		expect(countInCell(rows, { likelihood: 5, impact: 5 })).toBe(1);
	});

	it('filters an empty register to an empty list', () => {
		expect(filterRisks([], { ...NO_RISK_FILTER, status: 'open' }, [])).toEqual([]);
	});
});

describe('ownerMatches', () => {
	it('counts an owner who was removed from the board as unassigned', () => {
		const { doc, ann } = registerWithOwners();
		removePerson(doc, ann);
		const people = readPeople(doc).items;
		const risks = readRisks(doc).items;
		expect(titlesOf(filterRisks(risks, { ...NO_RISK_FILTER, owner: '' }, people))).toBe('ACD');
		expect(filterRisks(risks, { ...NO_RISK_FILTER, owner: ann }, people)).toEqual([]);
	});

	it('passes anyone when the owner filter is null', () => {
		expect(ownerMatches('', null, [])).toBe(true);
		expect(ownerMatches('someone-gone', null, [])).toBe(true);
	});
});

describe('isRiskOverdue', () => {
	it('flags an open or mitigating risk whose due date has passed', () => {
		expect(isRiskOverdue({ status: 'open', due: '2025-01-09' }, '2025-01-10')).toBe(true);
		expect(isRiskOverdue({ status: 'mitigating', due: '2024-12-31' }, '2025-01-10')).toBe(true);
	});

	it('does not flag a risk due today, without a date, or accepted or closed', () => {
		expect(isRiskOverdue({ status: 'open', due: '2025-01-10' }, '2025-01-10')).toBe(false);
		expect(isRiskOverdue({ status: 'open', due: '' }, '2025-01-10')).toBe(false);
		expect(isRiskOverdue({ status: 'closed', due: '2024-01-01' }, '2025-01-10')).toBe(false);
		expect(isRiskOverdue({ status: 'accepted', due: '2024-01-01' }, '2025-01-10')).toBe(false);
	});
});
