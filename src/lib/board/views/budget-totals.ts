import {
	BUDGET_CATEGORIES,
	BUDGET_CATEGORY_LABELS,
	type BudgetCategory,
	type BudgetLine
} from '../budget-schema.ts';
import { percentSpent, sumMinor, variance } from '../money.ts';
import type { Milestone } from '../schema.ts';

/**
 * The budget's arithmetic for its page, exports and status updates: totals per category, per
 * milestone and overall, variance and % spent, and the burn series. Sums are BigInt, so they
 * stay exact whatever the lines hold.
 */

/** Planned against actual for a set of lines. */
export interface BudgetTotal {
	readonly planned: bigint;
	readonly actual: bigint;
	/** Planned minus actual: negative when over budget. */
	readonly variance: bigint;
	/** Actual as a percentage of planned, to one decimal; null when nothing was planned. */
	readonly percentSpent: number | null;
	/** More spent than planned. */
	readonly over: boolean;
	readonly lines: number;
}

/** The total of lines, as every table row of the budget shows it. */
export function totalOf(lines: readonly Pick<BudgetLine, 'planned' | 'actual'>[]): BudgetTotal {
	const planned = sumMinor(lines.map((line) => line.planned));
	const actual = sumMinor(lines.map((line) => line.actual));
	return {
		planned,
		actual,
		variance: variance(planned, actual),
		percentSpent: percentSpent(actual, planned),
		over: actual > planned,
		lines: lines.length
	};
}

/** A line over its own budget: more spent than planned. */
export function isOverBudget(line: Pick<BudgetLine, 'planned' | 'actual'>): boolean {
	return line.actual > line.planned;
}

/** A category's row of the totals table. */
export interface CategoryTotal {
	readonly category: BudgetCategory;
	readonly label: string;
	readonly total: BudgetTotal;
}

/** A milestone's row of the totals table; `milestoneId` '' is the lines with no milestone. */
export interface MilestoneTotal {
	readonly milestoneId: string;
	readonly label: string;
	/** The milestone's due date, or '' (undated, or no milestone). */
	readonly due: string;
	readonly total: BudgetTotal;
}

/** Every total of the budget. */
export interface BudgetTotals {
	readonly overall: BudgetTotal;
	/** Categories that have lines, in the categories' order. */
	readonly byCategory: CategoryTotal[];
	/** Milestones that have lines, by due date (undated after, board order between equals), then "No milestone". */
	readonly byMilestone: MilestoneTotal[];
	/** Lines where more was spent than planned, in board order. */
	readonly overBudget: BudgetLine[];
}

/** The label of the lines without a milestone. */
export const NO_MILESTONE_LABEL = 'No milestone';

/**
 * The milestone a line counts under: its own when the board still has it; a line whose
 * milestone a peer removed counts as having none.
 */
export function lineMilestone(
	line: Pick<BudgetLine, 'milestone'>,
	milestones: ReadonlyMap<string, Milestone>
): Milestone | null {
	return (line.milestone && milestones.get(line.milestone)) || null;
}

/** Totals per category, per milestone and overall, and the lines over budget. */
export function budgetTotals(
	lines: readonly BudgetLine[],
	milestones: readonly Milestone[]
): BudgetTotals {
	const byId = new Map(milestones.map((milestone) => [milestone.id, milestone]));
	const byCategory = BUDGET_CATEGORIES.map((category) => ({
		category,
		label: BUDGET_CATEGORY_LABELS[category],
		lines: lines.filter((line) => line.category === category)
	}))
		.filter((group) => group.lines.length > 0)
		.map(({ category, label, lines: group }) => ({ category, label, total: totalOf(group) }));
	const groups = new Map<string, BudgetLine[]>();
	for (const line of lines) {
		const key = lineMilestone(line, byId)?.id ?? '';
		groups.set(key, [...(groups.get(key) ?? []), line]);
	}
	const byMilestone: MilestoneTotal[] = sortByDue(milestones)
		.filter((milestone) => groups.has(milestone.id))
		.map((milestone) => ({
			milestoneId: milestone.id,
			label: milestone.title,
			due: milestone.due,
			total: totalOf(groups.get(milestone.id)!)
		}));
	const unassigned = groups.get('');
	if (unassigned)
		byMilestone.push({
			milestoneId: '',
			label: NO_MILESTONE_LABEL,
			due: '',
			total: totalOf(unassigned)
		});
	return {
		overall: totalOf(lines),
		byCategory,
		byMilestone,
		overBudget: lines.filter(isOverBudget)
	};
}

// Dated milestones first by date, undated after; board order between equals (a stable sort).
function sortByDue(milestones: readonly Milestone[]): Milestone[] {
	return [...milestones].sort((a, b) => {
		if (a.due === b.due) return 0;
		if (a.due === '') return 1;
		if (b.due === '') return -1;
		return a.due < b.due ? -1 : 1;
	});
}

/** One point of the burn chart: the cumulative amounts up to and including a date. */
export interface BurnPoint {
	/** The due date, or null for the last point that gathers the undated lines. */
	readonly date: string | null;
	/** The milestones due that day, or what the undated point holds. */
	readonly label: string;
	readonly planned: bigint;
	readonly actual: bigint;
}

/** The label of the burn chart's last point, for lines with no dated milestone. */
export const UNDATED_LABEL = 'Without a dated milestone';

/**
 * The burn series: at each due date of a milestone that has lines, the planned and the actual
 * amounts of every line whose milestone is due by then, cumulated. Lines with no milestone, or
 * whose milestone has no due date, have no place in time: they are gathered into one last point
 * after the dated ones (labelled UNDATED_LABEL), so the series always ends at the overall totals.
 */
export function burnSeries(
	lines: readonly BudgetLine[],
	milestones: readonly Milestone[]
): BurnPoint[] {
	const byId = new Map(milestones.map((milestone) => [milestone.id, milestone]));
	const dated = new Map<string, { names: string[]; lines: BudgetLine[] }>();
	const undated: BudgetLine[] = [];
	for (const line of lines) {
		const milestone = lineMilestone(line, byId);
		if (!milestone || milestone.due === '') {
			undated.push(line);
			continue;
		}
		const point = dated.get(milestone.due) ?? { names: [], lines: [] };
		if (!point.names.includes(milestone.title)) point.names.push(milestone.title);
		point.lines.push(line);
		dated.set(milestone.due, point);
	}
	let planned = 0n;
	let actual = 0n;
	const points: BurnPoint[] = [];
	for (const date of [...dated.keys()].sort()) {
		const point = dated.get(date)!;
		planned += sumMinor(point.lines.map((line) => line.planned));
		actual += sumMinor(point.lines.map((line) => line.actual));
		points.push({ date, label: point.names.join(', '), planned, actual });
	}
	if (undated.length > 0) {
		planned += sumMinor(undated.map((line) => line.planned));
		actual += sumMinor(undated.map((line) => line.actual));
		points.push({ date: null, label: UNDATED_LABEL, planned, actual });
	}
	return points;
}
