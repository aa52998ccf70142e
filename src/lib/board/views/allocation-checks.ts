import { allocationKey, formatMonth, monthOf, parseAllocationKey } from '../allocation-model.ts';
import { raciCellKey } from '../read.ts';
import type { Milestone, Person, RaciTask, RaciValue } from '../schema.ts';
import type { Month } from '../allocation-model.ts';

/** What the resource checks can find, in the order the panel lists them. */
export type AllocationProblem =
	| {
			readonly kind: 'overAllocated';
			readonly person: Person;
			readonly month: Month;
			readonly percent: number;
	  }
	| {
			readonly kind: 'ownerUnallocated';
			readonly person: Person;
			readonly month: Month;
			readonly milestone: Milestone;
	  }
	| { readonly kind: 'responsibleUnallocated'; readonly person: Person; readonly tasks: number };

/** A kind of resource problem. */
export type AllocationCheckKind = AllocationProblem['kind'];

/** A share of a month above this is more than a person has. */
export const FULL_MONTH = 100;

/** The board parts the resource checks read. */
export interface AllocatedBoard {
	readonly people: readonly Person[];
	readonly milestones: readonly Milestone[];
	readonly raciTasks: readonly RaciTask[];
	readonly raci: ReadonlyMap<string, RaciValue>;
	readonly allocations: ReadonlyMap<string, number>;
}

/**
 * The resource checks: every month a person is given more than a full month (by person, then
 * month), every milestone not done whose owner has no allocation in its due month (by date), and
 * every person Responsible for a RACI task with no allocation at all (by person). Only listed
 * people, milestones and tasks count: cells a peer left behind for a removed one are ignored.
 */
export function checkAllocations(board: AllocatedBoard): AllocationProblem[] {
	const byPerson = allocationsByPerson(board);
	const people = new Map(board.people.map((person) => [person.id, person]));
	const over: AllocationProblem[] = board.people.flatMap((person) =>
		[...(byPerson.get(person.id) ?? [])]
			.filter(([, percent]) => percent > FULL_MONTH)
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([month, percent]) => ({ kind: 'overAllocated' as const, person, month, percent }))
	);
	const owners: AllocationProblem[] = [...board.milestones]
		.filter((milestone) => milestone.due !== '' && milestone.status !== 'done')
		.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
		.flatMap((milestone) => {
			const person = people.get(milestone.owner);
			const month = monthOf(milestone.due);
			if (!person || board.allocations.has(allocationKey(person.id, month))) return [];
			return [{ kind: 'ownerUnallocated' as const, person, month, milestone }];
		});
	const responsible: AllocationProblem[] = board.people.flatMap((person) => {
		if (byPerson.has(person.id)) return [];
		const tasks = board.raciTasks.filter(
			(task) => board.raci.get(raciCellKey(task.id, person.id)) === 'R'
		).length;
		return tasks > 0 ? [{ kind: 'responsibleUnallocated' as const, person, tasks }] : [];
	});
	return [...over, ...owners, ...responsible];
}

/** A problem as the panel, the Overview and the exports word it. */
export function allocationProblemText(problem: AllocationProblem): string {
	const name = problem.person.name;
	switch (problem.kind) {
		case 'overAllocated':
			return `${name} is over-allocated in ${formatMonth(problem.month)}: ${problem.percent}%`;
		case 'ownerUnallocated':
			return `${name} owns “${problem.milestone.title}”, due in ${formatMonth(problem.month)}, but has no allocation that month`;
		case 'responsibleUnallocated': {
			const tasks = `${problem.tasks} RACI ${problem.tasks === 1 ? 'task' : 'tasks'}`;
			return `${name} is Responsible for ${tasks} but has no allocation`;
		}
	}
}

/** The month a problem concerns, or null for one about the person as a whole. */
export function problemMonth(problem: AllocationProblem): Month | null {
	return problem.kind === 'responsibleUnallocated' ? null : problem.month;
}

/**
 * The sum of every listed person's allocation in each of `months`, in whole percent (100 is one
 * person-month); integers, so sums never drift.
 */
export function monthTotals(
	people: readonly Pick<Person, 'id'>[],
	allocations: ReadonlyMap<string, number>,
	months: readonly Month[]
): Map<Month, number> {
	return new Map(
		months.map((month) => [
			month,
			people.reduce(
				(sum, person) => sum + (allocations.get(allocationKey(person.id, month)) ?? 0),
				0
			)
		])
	);
}

/** Percent as person-months, "1.5" for 150 (two decimals at most; 100% is 1.0 PM). */
export function personMonths(percent: number): string {
	const whole = Math.trunc(percent / 100);
	const rest = String(percent % 100)
		.padStart(2, '0')
		.replace(/0$/, '');
	return `${whole}.${rest || '0'}`;
}

// Each listed person's allocations, month → percent; people with none are absent.
function allocationsByPerson(board: AllocatedBoard): Map<string, Map<Month, number>> {
	const listed = new Set(board.people.map((person) => person.id));
	const byPerson = new Map<string, Map<Month, number>>();
	for (const [key, percent] of board.allocations) {
		const cell = parseAllocationKey(key);
		if (!cell || !listed.has(cell.personId)) continue;
		let months = byPerson.get(cell.personId);
		if (!months) byPerson.set(cell.personId, (months = new Map()));
		months.set(cell.month, percent);
	}
	return byPerson;
}
