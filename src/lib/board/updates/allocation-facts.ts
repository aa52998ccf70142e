import * as z from 'zod';
import { formatMonth, monthSchema, parseAllocationKey } from '../allocation-model.ts';
import { idSchema } from '../fields.ts';
import { FULL_MONTH } from '../views/allocation-checks.ts';
import type { StatusFact } from './model.ts';

/** An over-allocated month as a basis keeps it: whom, when, how much. */
export const basisOverAllocationSchema = z.object({
	person: idSchema,
	month: monthSchema,
	percent: z.number().int()
});
/** An over-allocated month in a basis. */
export type BasisOverAllocation = z.output<typeof basisOverAllocationSchema>;

/** Every month a listed person is given more than a full month, as a basis keeps them. */
export function overAllocationsOf(
	people: readonly { id: string }[],
	allocations: ReadonlyMap<string, number>
): BasisOverAllocation[] {
	const listed = new Set(people.map((person) => person.id));
	return [...allocations].flatMap(([key, percent]) => {
		const cell = parseAllocationKey(key);
		if (!cell || !listed.has(cell.personId) || percent <= FULL_MONTH) return [];
		return [{ person: cell.personId, month: cell.month, percent }];
	});
}

/**
 * "Maya is over-allocated in March 2027 (150%)": a person's month over a full month now that
 * was not in the previous basis, by person (as `people` orders them), then month.
 */
export function overAllocationFacts(
	previous: readonly BasisOverAllocation[],
	current: readonly BasisOverAllocation[],
	people: readonly { id: string; name: string }[]
): StatusFact[] {
	const before = new Set(previous.map(({ person, month }) => `${person}:${month}`));
	const rank = new Map(people.map((person, index) => [person.id, { person, index }]));
	return current
		.filter(({ person, month }) => !before.has(`${person}:${month}`) && rank.has(person))
		.sort(
			(a, b) =>
				rank.get(a.person)!.index - rank.get(b.person)!.index || (a.month < b.month ? -1 : 1)
		)
		.map(({ person, month, percent }) => ({
			kind: 'person-over-allocated',
			text: `${rank.get(person)!.person.name} is over-allocated in ${formatMonth(month)} (${percent}%)`,
			section: 'resources',
			id: person
		}));
}
