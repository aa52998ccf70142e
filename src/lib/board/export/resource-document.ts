import { allocationKey, parseAllocationKey, type Month } from '../allocation-model.ts';
import type { BoardRead } from '../read-board.ts';
import { markdownText } from '../retro/summary.ts';
import type { Person } from '../schema.ts';
import {
	allocationProblemText,
	checkAllocations,
	monthTotals,
	personMonths
} from '../views/allocation-checks.ts';
import { boardMonthRange, monthsOf } from '../views/allocation-months.ts';

/** The resource plan as documents show it: a row per person, a column per month, the checks. */
export interface DocumentResources {
	/** The board's months (allocation-months.ts); empty when nothing is allocated. */
	readonly months: Month[];
	/** Every person, in board order, with their percent per month (null: none). */
	readonly rows: { readonly person: Person; readonly percents: (number | null)[] }[];
	/** Each month's sum in percent (100 = one person-month). */
	readonly totals: number[];
	/** What the checks found, in words. */
	readonly problems: string[];
	/** How many cells hold an allocation. */
	readonly cells: number;
}

/**
 * The resource plan of a board read by readBoard. Its months are the grid's, but a board with no
 * dated milestone starts at its first allocated month rather than today, so an export of the
 * same board reads the same any day.
 */
export function documentResources(read: BoardRead): DocumentResources {
	const { people, allocations } = read;
	const listed = new Set(people.map((person) => person.id));
	const allocated = [...allocations.keys()]
		.flatMap((key) => {
			const cell = parseAllocationKey(key);
			return cell && listed.has(cell.personId) ? [cell.month] : [];
		})
		.sort();
	const problems = checkAllocations(read).map(allocationProblemText);
	if (allocated.length === 0) return { months: [], rows: [], totals: [], problems, cells: 0 };
	const months = monthsOf(boardMonthRange(read.milestones, allocated, `${allocated[0]}-01`));
	const totals = monthTotals(people, allocations, months);
	return {
		months,
		rows: people.map((person) => ({
			person,
			percents: months.map((month) => allocations.get(allocationKey(person.id, month)) ?? null)
		})),
		totals: months.map((month) => totals.get(month) ?? 0),
		problems,
		cells: allocated.length
	};
}

/** The resource plan as Markdown: the grid as a table with a person-months row, then the checks. */
export function resourcesMarkdown(
	resources: DocumentResources,
	headingTable: MarkdownTable
): string {
	const checks =
		resources.problems.length === 0
			? ''
			: `\n\n${resources.problems.map((problem) => `- ⚠ ${markdownText(problem)}`).join('\n')}`;
	if (resources.cells === 0) return `## Resources\n\n_No allocations planned._${checks}`;
	const table = headingTable(
		['Person', ...resources.months],
		[
			...resources.rows.map((row) => [
				row.person.name,
				...row.percents.map((percent) => (percent === null ? '' : `${percent}%`))
			]),
			['Person-months', ...resources.totals.map(personMonths)]
		]
	);
	return `## Resources\n\n${table}\n\n_100% is a full month; the last row sums each month in person-months._${checks}`;
}

/** How markdown.ts writes a table (passed in, so this module does not import it back). */
export type MarkdownTable = (
	header: readonly string[],
	rows: readonly (readonly string[])[]
) => string;
