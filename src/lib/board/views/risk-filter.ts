import type { Person, Risk, RiskStatus } from '../schema.ts';
import { riskBand, type RiskBandId } from './risk-bands.ts';
import { isInCell, type HeatCell } from './risk-heat-map.ts';

/**
 * Who a list is filtered to: null for anyone, '' for nobody (unassigned, or an owner who was
 * removed from the board), or a person's id.
 */
export type OwnerFilter = string | null;

/** The register's filters; null means "any". They combine: a risk must pass all of them. */
export interface RiskFilter {
	readonly status: RiskStatus | null;
	readonly owner: OwnerFilter;
	readonly band: RiskBandId | null;
	readonly cell: HeatCell | null;
}

/** No filter: every risk passes. */
export const NO_RISK_FILTER: RiskFilter = { status: null, owner: null, band: null, cell: null };

/** Whether any filter is set. */
export function isRiskFilterActive(filter: RiskFilter): boolean {
	return (
		filter.status !== null || filter.owner !== null || filter.band !== null || filter.cell !== null
	);
}

/**
 * Whether an item's owner passes an owner filter. An owner id that names nobody on the board
 * (the person was removed) counts as unassigned, as the owner select shows it.
 */
export function ownerMatches(
	owner: string,
	filter: OwnerFilter,
	people: readonly Pick<Person, 'id'>[]
): boolean {
	if (filter === null) return true;
	const effectiveOwner = people.some((person) => person.id === owner) ? owner : '';
	return effectiveOwner === filter;
}

/** Whether a risk passes every filter set. */
export function riskMatches(
	risk: Risk,
	filter: RiskFilter,
	people: readonly Pick<Person, 'id'>[]
): boolean {
	return (
		(filter.status === null || risk.status === filter.status) &&
		ownerMatches(risk.owner, filter.owner, people) &&
		(filter.band === null || riskBand(risk).id === filter.band) &&
		(filter.cell === null || isInCell(risk, filter.cell))
	);
}

/** The risks that pass every filter set, in the order given. */
export function filterRisks(
	risks: readonly Risk[],
	filter: RiskFilter,
	people: readonly Pick<Person, 'id'>[]
): Risk[] {
	return risks.filter((risk) => riskMatches(risk, filter, people));
}

/** Whether a risk's due date has passed while it is still being worked on (open or mitigating). */
export function isRiskOverdue(risk: Pick<Risk, 'status' | 'due'>, today: string): boolean {
	const active = risk.status === 'open' || risk.status === 'mitigating';
	return active && risk.due !== '' && risk.due < today;
}
