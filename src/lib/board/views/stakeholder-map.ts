import type { Person } from '../schema.ts';
import { STAKEHOLDER_SCALE } from '../stakeholders.ts';

/**
 * The power/interest grid: influence (power) from 5 at the top to 1, interest from 1 on the
 * left to 5, four quadrants. Pure, so the page, the exports and the compare agree.
 */

/** The quadrants of the grid, as the grid and the communications plan name them. */
export const STAKEHOLDER_QUADRANTS = {
	'manage-closely': 'Manage closely',
	'keep-satisfied': 'Keep satisfied',
	'keep-informed': 'Keep informed',
	monitor: 'Monitor'
} as const;
/** A quadrant of the grid. */
export type StakeholderQuadrant = keyof typeof STAKEHOLDER_QUADRANTS;

/**
 * From this score up, influence or interest counts as high. 3 counts as high: a stakeholder in
 * the middle of the grid is kept in view rather than only monitored.
 */
export const HIGH_FROM = 3;

/** The levels of either axis, low to high. */
export const STAKEHOLDER_LEVELS = [1, 2, 3, 4, 5] as const;

/** A place on the grid. */
export interface GridPlace {
	readonly influence: number;
	readonly interest: number;
}

/** The quadrant of a place on the grid. */
export function quadrantOf({ influence, interest }: GridPlace): StakeholderQuadrant {
	const powerful = influence >= HIGH_FROM;
	const interested = interest >= HIGH_FROM;
	if (powerful) return interested ? 'manage-closely' : 'keep-satisfied';
	return interested ? 'keep-informed' : 'monitor';
}

/** Where a person sits on the grid, or null when they are not placed (either score missing). */
export function placeOf(person: Pick<Person, 'influence' | 'interest'>): GridPlace | null {
	const { influence, interest } = person;
	return influence === undefined || interest === undefined ? null : { influence, interest };
}

/** A key naming a cell, for maps, keyed each blocks and `data-cell`. */
export function gridCellKey(place: GridPlace): string {
	return `${place.influence}x${place.interest}`;
}

/** The grid's cells as displayed: rows influence 5 → 1, each interest 1 → 5, with their people. */
export interface StakeholderGrid<P> {
	readonly rows: { place: GridPlace; quadrant: StakeholderQuadrant; people: P[] }[][];
	/** People with no place yet, in board order. */
	readonly unplaced: P[];
}

/** Lays `people` out on the grid (board order within a cell). */
export function stakeholderGrid<P extends Pick<Person, 'influence' | 'interest'>>(
	people: readonly P[]
): StakeholderGrid<P> {
	const cells = new Map<string, P[]>();
	const unplaced: P[] = [];
	for (const person of people) {
		const place = placeOf(person);
		if (!place) {
			unplaced.push(person);
			continue;
		}
		const key = gridCellKey(place);
		cells.set(key, [...(cells.get(key) ?? []), person]);
	}
	const rows = [...STAKEHOLDER_LEVELS].reverse().map((influence) =>
		STAKEHOLDER_LEVELS.map((interest) => {
			const place = { influence, interest };
			return { place, quadrant: quadrantOf(place), people: cells.get(gridCellKey(place)) ?? [] };
		})
	);
	return { rows, unplaced };
}

const ARROW_STEPS: Readonly<Record<string, [number, number]>> = {
	ArrowUp: [1, 0],
	ArrowDown: [-1, 0],
	ArrowRight: [0, 1],
	ArrowLeft: [0, -1]
};

/**
 * The place one arrow-key step away, staying on the grid (up = more influence, right = more
 * interest), or null for a key that is not an arrow.
 */
export function stepPlace(place: GridPlace, key: string): GridPlace | null {
	const step = ARROW_STEPS[key];
	if (!step) return null;
	const clamp = (value: number) =>
		Math.min(STAKEHOLDER_SCALE.max, Math.max(STAKEHOLDER_SCALE.min, value));
	return { influence: clamp(place.influence + step[0]), interest: clamp(place.interest + step[1]) };
}

/** Where a person sits, in words: "Maya: influence 4, interest 5 — Manage closely". */
export function describePlace(name: string, place: GridPlace | null): string {
	if (!place) return `${name}: not on the grid`;
	const quadrant = STAKEHOLDER_QUADRANTS[quadrantOf(place)];
	return `${name}: influence ${place.influence}, interest ${place.interest} — ${quadrant}`;
}

/** A person's quadrant in words, or "Not placed". */
export function quadrantLabel(person: Pick<Person, 'influence' | 'interest'>): string {
	const place = placeOf(person);
	return place ? STAKEHOLDER_QUADRANTS[quadrantOf(place)] : 'Not placed';
}

/** Whether a person has any stakeholder data, so the exports list them in the plan. */
export function hasStakeholderData(
	person: Pick<Person, 'influence' | 'interest' | 'attitude' | 'commsChannel' | 'commsFrequency'>
): boolean {
	return (
		placeOf(person) !== null ||
		person.attitude !== undefined ||
		(person.commsChannel ?? '') !== '' ||
		person.commsFrequency !== undefined
	);
}
