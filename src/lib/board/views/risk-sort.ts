import type { Person, Risk } from '../schema.ts';
import { RISK_STATUS_ORDER, riskScore } from './risk-bands.ts';

/** Columns the register can be sorted by. */
export const RISK_SORT_COLUMNS = [
	'title',
	'likelihood',
	'impact',
	'score',
	'owner',
	'status',
	'due'
] as const;
/** A column the register can be sorted by. */
export type RiskSortColumn = (typeof RISK_SORT_COLUMNS)[number];

/** A sort direction, named as `aria-sort` names it. */
export type SortDirection = 'ascending' | 'descending';

/** A column sort, or null for board order (the order people arranged by hand). */
export type RiskSort = {
	readonly column: RiskSortColumn;
	readonly direction: SortDirection;
} | null;

/** Column names as users read them. */
export const RISK_SORT_LABELS: Readonly<Record<RiskSortColumn, string>> = {
	title: 'Title',
	likelihood: 'Likelihood',
	impact: 'Impact',
	score: 'Score',
	owner: 'Owner',
	status: 'Status',
	due: 'Due'
};

/** The direction a first click sorts in: worst or most first for numbers, A–Z and soonest for the rest. */
export const RISK_SORT_FIRST_DIRECTION: Readonly<Record<RiskSortColumn, SortDirection>> = {
	title: 'ascending',
	likelihood: 'descending',
	impact: 'descending',
	score: 'descending',
	owner: 'ascending',
	status: 'ascending',
	due: 'ascending'
};

/** The sort after a click on `column`'s header: its first direction, then the other, then board order. */
export function nextRiskSort(current: RiskSort, column: RiskSortColumn): RiskSort {
	const first = RISK_SORT_FIRST_DIRECTION[column];
	if (current?.column !== column) return { column, direction: first };
	if (current.direction === first) return { column, direction: opposite(first) };
	return null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * `risks` (given in board order) sorted by a column. The sort is stable and ties keep board
 * order in both directions; blank values (no owner, an owner who was removed, no due date) go
 * last in both directions, since "nobody" is neither first nor last alphabetically.
 */
export function sortRisks(
	risks: readonly Risk[],
	sort: RiskSort,
	people: readonly Pick<Person, 'id' | 'name'>[]
): Risk[] {
	if (sort === null) return [...risks];
	const names = new Map(people.map((person) => [person.id, person.name]));
	const key = sortKey(sort.column, names);
	const sign = sort.direction === 'ascending' ? 1 : -1;
	return risks
		.map((risk, index) => ({ risk, index, value: key(risk) }))
		.sort((a, b) => {
			if (a.value === null || b.value === null) {
				if (a.value === b.value) return a.index - b.index;
				return a.value === null ? 1 : -1;
			}
			return sign * compareValues(a.value, b.value) || a.index - b.index;
		})
		.map(({ risk }) => risk);
}

type SortValue = string | number | null;

function sortKey(column: RiskSortColumn, names: Map<string, string>): (risk: Risk) => SortValue {
	switch (column) {
		case 'title':
			return (risk) => risk.title;
		case 'likelihood':
			return (risk) => risk.likelihood;
		case 'impact':
			return (risk) => risk.impact;
		case 'score':
			return riskScore;
		case 'owner':
			return (risk) => names.get(risk.owner) ?? null;
		case 'status':
			return (risk) => RISK_STATUS_ORDER.indexOf(risk.status);
		case 'due':
			// YYYY-MM-DD as a number (20250301) sorts by date without a locale in the way.
			return (risk) => (risk.due ? Number(risk.due.replaceAll('-', '')) : null);
	}
}

function compareValues(a: string | number, b: string | number): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return collator.compare(String(a), String(b));
}

function opposite(direction: SortDirection): SortDirection {
	return direction === 'ascending' ? 'descending' : 'ascending';
}
