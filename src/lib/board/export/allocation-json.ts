import * as z from 'zod';
import {
	allocationKey,
	allocationPercentSchema,
	monthSchema,
	parseAllocationKey
} from '../allocation-model.ts';
import { boardRoots } from '../doc.ts';
import { idSchema } from '../fields.ts';
import type * as Y from 'yjs';

/** An allocation in a JSON export: a person's share of a month, in whole percent (1–200). */
export interface ExportedAllocation {
	person: string;
	month: string;
	percent: number;
}

/** The allocations of a board as the export writes them, sorted by person id, then month. */
export function exportAllocations(cells: ReadonlyMap<string, number>): ExportedAllocation[] {
	return [...cells]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.flatMap(([key, percent]) => {
			const cell = parseAllocationKey(key);
			return cell ? [{ person: cell.personId, month: cell.month, percent }] : [];
		});
}

/** The allocations as an import reads them; files written before allocations existed have none. */
export const allocationsImportSchema = z
	.array(z.object({ person: idSchema, month: monthSchema, percent: allocationPercentSchema }))
	.max(100_000)
	.default([]);

/** Cross-entry problems of imported allocations: unknown people and cells given twice. */
export function allocationImportIssues(
	allocations: z.output<typeof allocationsImportSchema>,
	people: ReadonlySet<string>
): { path: (string | number)[]; message: string }[] {
	const issues: { path: (string | number)[]; message: string }[] = [];
	const seen = new Set<string>();
	allocations.forEach((cell, index) => {
		if (!people.has(cell.person))
			issues.push({
				path: ['allocations', index, 'person'],
				message: `no person has the id ${cell.person}`
			});
		const key = allocationKey(cell.person, cell.month);
		if (seen.has(key)) issues.push({ path: ['allocations', index], message: 'duplicate cell' });
		seen.add(key);
	});
	return issues;
}

/** Writes imported allocations into the board (inside the import's transaction). */
export function writeAllocations(
	doc: Y.Doc,
	allocations: z.output<typeof allocationsImportSchema>
): void {
	const map = boardRoots(doc).allocations;
	for (const cell of allocations) map.set(allocationKey(cell.person, cell.month), cell.percent);
}
