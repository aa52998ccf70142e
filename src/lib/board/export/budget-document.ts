import type * as Y from 'yjs';
import { readCurrency } from '../budget.ts';
import { BUDGET_CATEGORY_LABELS, type BudgetLine } from '../budget-schema.ts';
import { formatMoney, formatPercent } from '../money.ts';
import { readList } from '../read.ts';
import { markdownText } from '../retro/summary.ts';
import type { Milestone, Person } from '../schema.ts';
import {
	budgetTotals,
	burnSeries,
	isOverBudget,
	lineMilestone,
	type BudgetTotal,
	type BudgetTotals,
	type BurnPoint
} from '../views/budget-totals.ts';

/** A budget line as documents show it: its owner, milestone and category named. */
export interface DocumentBudgetLine {
	readonly line: BudgetLine;
	readonly category: string;
	readonly owner: string;
	readonly milestone: string;
	readonly over: boolean;
}

/** The budget as the print view, the Markdown and the CSV show it. */
export interface DocumentBudget {
	readonly currency: string;
	readonly lines: DocumentBudgetLine[];
	readonly totals: BudgetTotals;
	readonly burn: BurnPoint[];
}

/** The budget of a board, read once for a document. */
export function documentBudget(
	doc: Y.Doc,
	people: readonly Person[],
	milestones: readonly Milestone[]
): DocumentBudget {
	const lines = readList(doc, 'budgetLines').items;
	const names = new Map(people.map((person) => [person.id, person.name]));
	const byId = new Map(milestones.map((milestone) => [milestone.id, milestone]));
	return {
		currency: readCurrency(doc),
		lines: lines.map((line) => ({
			line,
			category: BUDGET_CATEGORY_LABELS[line.category],
			owner: names.get(line.owner) ?? '',
			milestone: lineMilestone(line, byId)?.title ?? '',
			over: isOverBudget(line)
		})),
		totals: budgetTotals(lines, milestones),
		burn: burnSeries(lines, milestones)
	};
}

/** The cells of a totals row: planned, actual, variance, % spent and, in words, over budget. */
export function totalCells(total: BudgetTotal, currency: string): string[] {
	return [
		formatMoney(total.planned, currency),
		formatMoney(total.actual, currency),
		formatMoney(total.variance, currency),
		formatPercent(total.percentSpent),
		total.over ? 'Over budget' : 'Within budget'
	];
}

/** The header of a totals table, after its first column. */
export const TOTAL_HEADERS = ['Planned', 'Actual', 'Variance', '% spent', 'State'] as const;

/** The budget as Markdown: lines, totals per category and per milestone, and the burn table. */
export function budgetMarkdown(
	budget: DocumentBudget,
	table: (header: readonly string[], rows: readonly (readonly string[])[]) => string
): string {
	const { currency, totals } = budget;
	const money = (amount: number | bigint) => formatMoney(amount, currency);
	const lines = table(
		['Line', 'Category', 'Owner', 'Milestone', 'Planned', 'Actual', 'Notes'],
		budget.lines.map((entry) => [
			entry.line.title + (entry.over ? ' (over budget)' : ''),
			entry.category,
			entry.owner || '—',
			entry.milestone || '—',
			money(entry.line.planned),
			money(entry.line.actual),
			entry.line.notes || '—'
		])
	);
	const overall = `**Overall:** ${summaryText(totals.overall, currency)}`;
	const categories = table(
		['Category', ...TOTAL_HEADERS],
		totals.byCategory.map((row) => [row.label, ...totalCells(row.total, currency)])
	);
	const milestones = table(
		['Milestone', ...TOTAL_HEADERS],
		totals.byMilestone.map((row) => [row.label, ...totalCells(row.total, currency)])
	);
	const burn = table(
		['Date', 'Milestones', 'Planned (cumulative)', 'Actual (cumulative)'],
		budget.burn.map((point) => [
			point.date ?? '—',
			point.label,
			money(point.planned),
			money(point.actual)
		])
	);
	return [
		'## Budget',
		`_Currency: ${currency}_`,
		overall,
		lines,
		'### By category',
		categories,
		'### By milestone',
		milestones,
		'### Burn (planned against actual, cumulative by milestone date)',
		burn
	].join('\n\n');
}

/** One sentence of planned, actual, variance and % spent, over budget said in words. */
export function summaryText(total: BudgetTotal, currency: string): string {
	const [planned, actual, variance, percent] = totalCells(total, currency);
	const state = total.over ? ' — over budget' : '';
	return `${markdownText(actual!)} spent of ${markdownText(planned!)} planned (${percent} spent, variance ${markdownText(variance!)})${state}`;
}
