import {
	BUDGET_CATEGORIES,
	BUDGET_CATEGORY_LABELS,
	notesSchema,
	type BudgetCategory,
	type NewBudgetLineInput
} from '../budget-schema.ts';
import { majorString, parseAmount } from '../money.ts';
import type { Milestone, Person } from '../schema.ts';
import { titleSchema } from '../fields.ts';
import type { DocumentBudget } from './budget-document.ts';

/**
 * Budget lines as CSV, both ways. The export has one row per line, amounts in major units of
 * the board's currency ("1234.56", never formatted); the import reads the same columns back
 * (by header name, in any order) and checks every row before anything is written.
 */

/** The columns of a budget CSV, as the export writes them and the import reads them. */
export const BUDGET_CSV_COLUMNS = [
	'ID',
	'Line',
	'Category',
	'Owner',
	'Milestone',
	'Planned',
	'Actual',
	'Notes'
] as const;

/** The budget CSV's rows: the header, then one row per line in board order. */
export function budgetCsvRows(budget: DocumentBudget): string[][] {
	return [
		[...BUDGET_CSV_COLUMNS],
		...budget.lines.map(({ line, owner, milestone }) => [
			line.id,
			line.title,
			line.category,
			owner,
			milestone,
			majorString(line.planned, budget.currency),
			majorString(line.actual, budget.currency),
			line.notes
		])
	];
}

/**
 * The rows of a CSV text (RFC 4180: quoted fields with doubled quotes, CRLF or LF line ends), a
 * leading byte-order mark dropped. The apostrophe the export puts before a text that starts like
 * a formula is taken off again.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	// csvField guards a formula-like text before it quotes it: the same rule undoes both.
	const endField = () => {
		row.push(GUARDED.test(field) ? field.slice(1) : field);
		field = '';
	};
	for (let i = 0; i < source.length; i++) {
		const char = source[i]!;
		if (quoted) {
			if (char === '"' && source[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === ',') endField();
		else if (char === '\n' || char === '\r') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			endField();
			rows.push(row);
			row = [];
		} else field += char;
	}
	if (field !== '' || row.length > 0) {
		endField();
		rows.push(row);
	}
	return rows;
}

const GUARDED = /^'[=+\-@\t\r]/;

/** A problem with one cell (or row) of an imported CSV; rows are numbered as in the file. */
export interface CsvProblem {
	readonly row: number;
	readonly column: string;
	readonly reason: string;
}

/** What reading a budget CSV gave: lines to add, or every problem found. */
export type BudgetCsvRead =
	| { readonly ok: true; readonly lines: NewBudgetLineInput[] }
	| { readonly ok: false; readonly problems: CsvProblem[] };

/** What an import resolves names against. */
export interface BudgetCsvContext {
	readonly currency: string;
	readonly people: readonly Person[];
	readonly milestones: readonly Milestone[];
}

const HEADER_ALIASES: Readonly<Record<string, (typeof BUDGET_CSV_COLUMNS)[number]>> = {
	title: 'Line',
	line: 'Line',
	category: 'Category',
	owner: 'Owner',
	milestone: 'Milestone',
	planned: 'Planned',
	actual: 'Actual',
	notes: 'Notes',
	id: 'ID'
};

/**
 * Reads a budget CSV into new lines. The first row names the columns (Line is required; ID is
 * ignored, so an exported file can be imported into another board); a category is its key or its
 * label, an owner a person's name, a milestone a milestone's title (either by id too); amounts
 * are in major units of the board's currency ("1234.56"; empty is 0). Blank rows are skipped.
 * Any problem anywhere means no lines: the caller creates nothing.
 */
export function readBudgetCsv(text: string, context: BudgetCsvContext): BudgetCsvRead {
	const rows = parseCsv(text);
	const header = rows[0];
	if (!header || header.every((cell) => cell.trim() === ''))
		return { ok: false, problems: [{ row: 1, column: '', reason: 'the file is empty' }] };
	const columns = new Map<string, number>();
	const problems: CsvProblem[] = [];
	header.forEach((cell, index) => {
		const name = HEADER_ALIASES[cell.trim().toLowerCase()];
		if (name && !columns.has(name)) columns.set(name, index);
	});
	if (!columns.has('Line'))
		return {
			ok: false,
			problems: [{ row: 1, column: 'Line', reason: 'no "Line" column in the header row' }]
		};
	const resolve = resolvers(context);
	const lines: NewBudgetLineInput[] = [];
	rows.slice(1).forEach((cells, index) => {
		const row = index + 2;
		if (cells.every((cell) => cell.trim() === '')) return;
		const cell = (name: string) => (columns.has(name) ? (cells[columns.get(name)!] ?? '') : '');
		const problem = (column: string, reason: string) => problems.push({ row, column, reason });
		const title = titleSchema.safeParse(cell('Line'));
		if (!title.success)
			problem(
				'Line',
				cell('Line').trim() === ''
					? 'is empty'
					: 'is longer than 200 characters or holds control characters'
			);
		const category = resolve.category(cell('Category'));
		if (category === null)
			problem('Category', `"${cell('Category')}" is not one of ${BUDGET_CATEGORIES.join(', ')}`);
		const owner = resolve.person(cell('Owner'));
		if (owner === null) problem('Owner', `no person is named "${cell('Owner').trim()}"`);
		const milestone = resolve.milestone(cell('Milestone'));
		if (typeof milestone === 'object') problem('Milestone', milestone.reason);
		const amount = (name: 'Planned' | 'Actual') => {
			const raw = cell(name).trim();
			if (raw === '') return 0;
			const parsed = parseAmount(raw, context.currency);
			if (parsed.ok) return parsed.minor;
			problem(name, `"${raw}" ${parsed.reason}`);
			return 0;
		};
		const planned = amount('Planned');
		const actual = amount('Actual');
		const notes = notesSchema.safeParse(cell('Notes'));
		if (!notes.success)
			problem('Notes', 'is longer than 500 characters or holds control characters');
		if (
			title.success &&
			category !== null &&
			owner !== null &&
			typeof milestone === 'string' &&
			notes.success
		)
			lines.push({
				title: title.data,
				category,
				owner,
				milestone,
				planned,
				actual,
				notes: notes.data
			});
	});
	if (problems.length > 0) return { ok: false, problems };
	if (lines.length === 0)
		return { ok: false, problems: [{ row: 2, column: '', reason: 'the file has no lines' }] };
	return { ok: true, lines };
}

function resolvers(context: BudgetCsvContext) {
	const key = (text: string) => text.trim().toLowerCase();
	const categories = new Map<string, BudgetCategory>();
	for (const category of BUDGET_CATEGORIES) {
		categories.set(category, category);
		categories.set(key(BUDGET_CATEGORY_LABELS[category]), category);
	}
	return {
		category: (text: string): BudgetCategory | null =>
			key(text) === '' ? 'other' : (categories.get(key(text)) ?? null),
		person: (text: string): string | null => {
			if (key(text) === '') return '';
			const person = context.people.find(
				(candidate) => candidate.id === text.trim() || key(candidate.name) === key(text)
			);
			return person?.id ?? null;
		},
		milestone: (text: string): string | { reason: string } => {
			if (key(text) === '') return '';
			const byId = context.milestones.find((candidate) => candidate.id === text.trim());
			if (byId) return byId.id;
			const named = context.milestones.filter((candidate) => key(candidate.title) === key(text));
			if (named.length === 1) return named[0]!.id;
			return {
				reason:
					named.length === 0
						? `no milestone is titled "${text.trim()}"`
						: `${named.length} milestones are titled "${text.trim()}"; rename one`
			};
		}
	};
}
