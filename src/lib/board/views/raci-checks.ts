import { raciCellKey } from '../read.ts';
import { RACI_VALUES, type RaciValue } from '../schema.ts';

/**
 * What can be wrong with a RACI row, with the words the grid shows and the sentence assistive
 * technology reads. A row can have several problems at once (an empty row has no A and no R).
 */
export const RACI_CHECKS = {
	noAccountable: {
		message: 'No Accountable',
		description: 'Nobody is accountable for this task: mark exactly one person A.'
	},
	severalAccountable: {
		message: 'More than one Accountable',
		description: 'Several people are accountable for this task: keep exactly one A.'
	},
	noResponsible: {
		message: 'No Responsible',
		description: 'Nobody does this task: mark at least one person R.'
	}
} as const;

/** A kind of RACI row problem. */
export type RaciCheckKind = keyof typeof RACI_CHECKS;

/** How many cells hold each letter, in a row or a column. */
export type RaciCounts = Record<RaciValue, number>;

/** What the matrix checks find, for the rows and columns that exist. */
export interface RaciReport {
	/** The problems of each task, by task id; an empty list means the row is fine. */
	readonly problems: ReadonlyMap<string, readonly RaciCheckKind[]>;
	/** How many cells of each letter each person holds, by person id. */
	readonly totals: ReadonlyMap<string, RaciCounts>;
	/** How many tasks have at least one problem. */
	readonly tasksWithProblems: number;
}

/** A task or a person: only its id matters to the checks. */
interface Identified {
	readonly id: string;
}

/** Zero of each letter. */
export function emptyRaciCounts(): RaciCounts {
	return { R: 0, A: 0, C: 0, I: 0 };
}

/** The problems of one row, given how many cells of each letter it holds. */
export function checkRaciRow(counts: RaciCounts): RaciCheckKind[] {
	const problems: RaciCheckKind[] = [];
	if (counts.A === 0) problems.push('noAccountable');
	if (counts.A > 1) problems.push('severalAccountable');
	if (counts.R === 0) problems.push('noResponsible');
	return problems;
}

/**
 * Checks every row and totals every column. Only cells of listed tasks and people count: cells
 * a peer left behind for a removed task or person must not raise or hide a problem.
 */
export function checkRaciMatrix(
	tasks: readonly Identified[],
	people: readonly Identified[],
	cells: ReadonlyMap<string, RaciValue>
): RaciReport {
	const problems = new Map<string, RaciCheckKind[]>();
	const totals = new Map(people.map((person) => [person.id, emptyRaciCounts()]));
	let tasksWithProblems = 0;
	for (const task of tasks) {
		const row = emptyRaciCounts();
		for (const person of people) {
			const value = cells.get(raciCellKey(task.id, person.id));
			if (value === undefined) continue;
			row[value]++;
			totals.get(person.id)![value]++;
		}
		const rowProblems = checkRaciRow(row);
		if (rowProblems.length > 0) tasksWithProblems++;
		problems.set(task.id, rowProblems);
	}
	return { problems, totals, tasksWithProblems };
}

/** The letters in the order a click cycles through them, starting from an empty cell. */
const CYCLE: readonly (RaciValue | null)[] = [null, ...RACI_VALUES];

/** The value a click gives a cell: empty → R → A → C → I → empty. */
export function nextRaciValue(current: RaciValue | null | undefined): RaciValue | null {
	const index = CYCLE.indexOf(current ?? null);
	return CYCLE[(index + 1) % CYCLE.length] ?? null;
}

/** The letter a key press sets (r, a, c, i in either case), or null for any other key. */
export function raciValueForKey(key: string): RaciValue | null {
	const letter = key.length === 1 ? key.toUpperCase() : '';
	return (RACI_VALUES as readonly string[]).includes(letter) ? (letter as RaciValue) : null;
}

/** The words behind each letter, for legends and screen readers. */
export const RACI_MEANINGS = {
	R: { name: 'Responsible', hint: 'does the work' },
	A: { name: 'Accountable', hint: 'owns the outcome; exactly one per task' },
	C: { name: 'Consulted', hint: 'gives input before' },
	I: { name: 'Informed', hint: 'is told after' }
} as const satisfies Record<RaciValue, { name: string; hint: string }>;
