import type * as Y from 'yjs';
import * as z from 'zod';
import { newEntryMap } from '../collection.ts';
import { boardRoots } from '../doc.ts';
import { CURRENCY_KEY, readCurrency } from '../budget.ts';
import { BUDGET_LINE_FIELDS, currencySchema, type BudgetLine } from '../budget-schema.ts';
import { DEFAULT_CURRENCY } from '../money.ts';
import { readList } from '../read.ts';
import { idSchema, orderSchema, timestampSchema } from '../schema.ts';

/**
 * The budget in the board's JSON export and import: the board's currency and its lines, every
 * field as stored (amounts in minor units). A file written before the budget existed imports
 * with no lines, in euros.
 */

/** The budget's part of a JSON export. */
export interface ExportedBudget {
	currency: string;
	budgetLines: BudgetLine[];
}

/** The budget as the JSON export writes it. */
export function exportBudget(doc: Y.Doc): ExportedBudget {
	return { currency: readCurrency(doc), budgetLines: readList(doc, 'budgetLines').items };
}

const budgetLineImport = z.object({
	id: idSchema,
	...BUDGET_LINE_FIELDS,
	order: orderSchema,
	createdAt: timestampSchema
});

/** The budget's keys in the import's schema. */
export const budgetImportShape = {
	currency: currencySchema.default(DEFAULT_CURRENCY),
	budgetLines: z.array(budgetLineImport).max(10_000).default([])
};

type ImportedBudget = z.output<z.ZodObject<typeof budgetImportShape>>;
type Issue = { path: (string | number)[]; message: string };

/** Budget lines' ids are unique, and their owners and milestones are entries of the file. */
export function budgetImportIssues(
	budget: ImportedBudget,
	people: ReadonlySet<string>,
	milestones: ReadonlySet<string>
): Issue[] {
	const issues: Issue[] = [];
	const seen = new Set<string>();
	budget.budgetLines.forEach((line, index) => {
		if (seen.has(line.id))
			issues.push({ path: ['budgetLines', index, 'id'], message: `duplicate id ${line.id}` });
		seen.add(line.id);
		if (line.owner !== '' && !people.has(line.owner))
			issues.push({
				path: ['budgetLines', index, 'owner'],
				message: `no person has the id ${line.owner}`
			});
		if (line.milestone !== '' && !milestones.has(line.milestone))
			issues.push({
				path: ['budgetLines', index, 'milestone'],
				message: `no milestone has the id ${line.milestone}`
			});
	});
	return issues;
}

/** Writes an imported budget into the board; call it inside the import's transaction. */
export function writeImportedBudget(doc: Y.Doc, budget: ImportedBudget): void {
	const roots = boardRoots(doc);
	// The default is what no currency reads as: a board that never chose one still has none.
	if (budget.currency !== DEFAULT_CURRENCY) roots.meta.set(CURRENCY_KEY, budget.currency);
	for (const { id, ...line } of budget.budgetLines)
		roots.budgetLines.set(id, newEntryMap('budgetLines', line));
}
