import { BUDGET_CATEGORY_LABELS, type BudgetLine } from '../budget-schema.ts';
import { formatMoney } from '../money.ts';
import type { Milestone, Person } from '../schema.ts';
import { changedFields, matchById, ownerName, type FieldChange } from './entities.ts';

/** A budget line as the change list names it, its amounts formatted in its board's currency. */
export interface BudgetLineSummary {
	id: string;
	title: string;
	planned: string;
	actual: string;
}

/** A budget line whose fields changed (amounts formatted, owner and milestone named). */
export interface BudgetLineChange {
	id: string;
	title: string;
	changes: FieldChange[];
}

/** What changed in the budget between two states of a board. */
export interface BudgetChanges {
	currency: { before: string; after: string } | null;
	added: BudgetLineSummary[];
	removed: BudgetLineSummary[];
	changed: BudgetLineChange[];
}

/** One side of a budget comparison. */
export interface BudgetSide {
	readonly currency: string;
	readonly budgetLines: readonly BudgetLine[];
	readonly people: readonly Person[];
	readonly milestones: readonly Milestone[];
}

/** How many changes to the budget a comparison lists. */
export function countBudgetChanges(changes: BudgetChanges): number {
	return (
		(changes.currency ? 1 : 0) +
		changes.added.length +
		changes.removed.length +
		changes.changed.length
	);
}

/**
 * The currency changed, lines added (newer board order), removed (older board order) and
 * changed, each field as people read it; an added or removed line's amounts in its own side's
 * currency, a changed line's in the newer one.
 */
export function compareBudget(old: BudgetSide, now: BudgetSide): BudgetChanges {
	const { added, removed, kept } = matchById({ before: old.budgetLines, after: now.budgetLines });
	const summary = (currency: string) => (line: BudgetLine) => ({
		id: line.id,
		title: line.title,
		planned: formatMoney(line.planned, currency),
		actual: formatMoney(line.actual, currency)
	});
	const milestoneName = (side: BudgetSide, id: string) =>
		side.milestones.find((milestone) => milestone.id === id)?.title ?? 'no milestone';
	return {
		currency: old.currency === now.currency ? null : { before: old.currency, after: now.currency },
		added: added.map(summary(now.currency)),
		removed: removed.map(summary(old.currency)),
		changed: kept.flatMap(({ before, after }) => {
			const side = (line: BudgetLine) => (line === before ? old : now);
			const changes = changedFields(
				{ entity: before, people: old.people },
				{ entity: after, people: now.people },
				{
					title: (line) => line.title,
					category: (line) => BUDGET_CATEGORY_LABELS[line.category],
					owner: (line, people) => ownerName(people, line.owner),
					milestone: (line) => milestoneName(side(line), line.milestone),
					// In the newer currency on both sides: a currency change is listed once, above.
					planned: (line) => formatMoney(line.planned, now.currency),
					actual: (line) => formatMoney(line.actual, now.currency),
					notes: (line) => line.notes || 'none'
				}
			);
			return changes.length > 0 ? [{ id: after.id, title: after.title, changes }] : [];
		})
	};
}
