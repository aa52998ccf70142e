import * as z from 'zod';
import type { BudgetLine } from '../budget-schema.ts';
import { idSchema } from '../fields.ts';
import { DEFAULT_CURRENCY, formatMoney, formatPercent, isCurrencyCode } from '../money.ts';
import { isOverBudget, totalOf } from '../views/budget-totals.ts';
import type { StatusFact } from './model.ts';

/**
 * The budget in a status update's basis (its currency and each line's amounts) and the facts
 * drafted from it: how much of the plan is spent, and lines that went over their own plan.
 */

const amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The budget's part of the basis schema; bases stored before the budget have none. */
export const basisBudgetShape = {
	currency: z.string().refine(isCurrencyCode).catch(DEFAULT_CURRENCY).default(DEFAULT_CURRENCY),
	budgetLines: z
		.array(z.object({ id: idSchema, title: z.string().max(1000), planned: amount, actual: amount }))
		.max(10_000)
		.default([])
};

/** A budget line as a basis keeps it. */
export type BasisBudgetLine = Pick<BudgetLine, 'id' | 'title' | 'planned' | 'actual'>;

/** What the budget facts compare, on each side. */
export interface BudgetBasis {
	readonly currency: string;
	readonly budgetLines: readonly BasisBudgetLine[];
}

/** A board's budget as a basis keeps it. */
export function basisBudget(
	lines: readonly BasisBudgetLine[],
	currency: string,
	limit: number
): { currency: string; budgetLines: BasisBudgetLine[] } {
	return {
		currency,
		budgetLines: lines
			.slice(0, limit)
			.map(({ id, title, planned, actual }) => ({ id, title, planned, actual }))
	};
}

/**
 * "Budget spent moved from 20.9% to 35% (€350.00 of €1,000.00)" when the share of the plan
 * spent changed, and "Over budget: “Laptops” (€250.20 spent of €200.00 planned)" for each line
 * over its plan now that was not before. Amounts are in the board's currency now.
 */
export function budgetFacts(previous: BudgetBasis, current: BudgetBasis): StatusFact[] {
	const money = (minor: bigint | number) => formatMoney(minor, current.currency);
	const facts: StatusFact[] = [];
	const was = totalOf(previous.budgetLines);
	const now = totalOf(current.budgetLines);
	if (now.percentSpent !== null && now.percentSpent !== was.percentSpent) {
		const of = `${money(now.actual)} of ${money(now.planned)}`;
		const text =
			was.percentSpent === null
				? `Budget spent: ${formatPercent(now.percentSpent)} of the plan (${of})`
				: `Budget spent moved from ${formatPercent(was.percentSpent)} to ${formatPercent(now.percentSpent)} (${of})`;
		facts.push({ kind: 'budget-spent', text, section: 'budget' });
	}
	const overBefore = new Set(previous.budgetLines.filter(isOverBudget).map((line) => line.id));
	for (const line of current.budgetLines)
		if (isOverBudget(line) && !overBefore.has(line.id))
			facts.push({
				kind: 'budget-line-over',
				text: `Over budget: “${line.title}” (${money(line.actual)} spent of ${money(line.planned)} planned)`,
				section: 'budget',
				id: line.id
			});
	return facts;
}
