import { parseAllocationKey, type Month } from '../allocation-model.ts';
import type { Person } from '../schema.ts';
import { matchById } from './entities.ts';

/** An allocation cell that was added, changed or removed; null = no allocation on that side. */
export interface AllocationChange {
	personId: string;
	person: string;
	month: Month;
	before: number | null;
	after: number | null;
}

/**
 * Allocation cells that differ between an older and a newer state, each named by its person
 * (as the newer side names them, else the older) and month; by person in board order (people
 * only the older board has last), then by month. Cells of a person neither side lists are left
 * out, as the grid never shows them.
 */
export function compareAllocations(
	old: { people: readonly Person[]; allocations: ReadonlyMap<string, number> },
	now: { people: readonly Person[]; allocations: ReadonlyMap<string, number> }
): AllocationChange[] {
	const people = [...now.people, ...matchById({ before: old.people, after: now.people }).removed];
	const rank = new Map(people.map((person, index) => [person.id, { person, index }]));
	const changes: (AllocationChange & { rank: number })[] = [];
	for (const key of new Set([...old.allocations.keys(), ...now.allocations.keys()])) {
		const before = old.allocations.get(key) ?? null;
		const after = now.allocations.get(key) ?? null;
		const cell = parseAllocationKey(key);
		const owner = cell && rank.get(cell.personId);
		if (before === after || !cell || !owner) continue;
		const { person, index } = owner;
		changes.push({
			personId: person.id,
			person: person.name,
			month: cell.month,
			before,
			after,
			rank: index
		});
	}
	changes.sort((a, b) => a.rank - b.rank || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
	return changes.map(({ rank: _rank, ...change }) => change);
}
