import type * as Y from 'yjs';
import { existingEntry } from './collection.ts';
import { boardRoots, localOrigin } from './doc.ts';
import {
	allocationCellSchema,
	allocationInputSchema,
	allocationKey,
	parseAllocationKey,
	type Month
} from './allocation-model.ts';
import { parseInput } from './validate.ts';

export * from './allocation-model.ts';

/**
 * Sets how much of a month a person gives the project, a whole percent 0–200; 0 clears the
 * cell. The person must be on the board. Writes nothing when the cell already holds it.
 */
export function setAllocation(doc: Y.Doc, personId: string, month: Month, percent: number): void {
	const cell = parseInput('setAllocation', allocationCellSchema, { person: personId, month });
	const value = parseInput('setAllocation', allocationInputSchema, percent);
	existingEntry(doc, { key: 'people' }, cell.person);
	const { allocations } = boardRoots(doc);
	const key = allocationKey(cell.person, cell.month);
	if (value === 0 ? !allocations.has(key) : allocations.get(key) === value) return;
	doc.transact(() => {
		if (value === 0) allocations.delete(key);
		else allocations.set(key, value);
	}, localOrigin);
}

/** Clears a person's allocation in a month. */
export function clearAllocation(doc: Y.Doc, personId: string, month: Month): void {
	setAllocation(doc, personId, month, 0);
}

/**
 * Deletes every allocation of a person. Called inside the transaction that removes the person,
 * so the row and its cells go together (as RACI cells do).
 */
export function deleteAllocationsOf(doc: Y.Doc, personId: string): void {
	const { allocations } = boardRoots(doc);
	for (const key of Array.from(allocations.keys()))
		if (parseAllocationKey(key)?.personId === personId) allocations.delete(key);
}
