import type * as Y from 'yjs';
import { readBoardDocument, type BoardDocumentModel } from './board-document.ts';
import { DECISION_TEXT_LABELS } from './decision-document.ts';
import { richTextPlain } from './markdown-rich-text.ts';
import { budgetCsvRows } from './budget-csv.ts';
import {
	STAKEHOLDER_COLUMNS,
	documentStakeholder,
	stakeholderCells
} from './stakeholder-document.ts';

/**
 * CSV files of a board, one per table: RFC 4180 (comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, quote or line break, quotes doubled), UTF-8 with a byte-order
 * mark so spreadsheet programs read accents and emoji right. A text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`: spreadsheets would run it
 * as a formula (CSV injection), and the apostrophe is how they are told to show text as text.
 */
export type CsvTable =
	'risks' | 'raci' | 'milestones' | 'actions' | 'decisions' | 'budget' | 'people' | 'allocations';

/** The tables a board exports as CSV, in menu order. */
export const CSV_TABLES: readonly CsvTable[] = [
	'risks',
	'raci',
	'milestones',
	'actions',
	'decisions',
	'budget',
	'people',
	'allocations'
];

/** The byte-order mark every CSV file starts with. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: guarded against formulas when it is text, quoted when it must be. */
export function csvField(value: string | number): string {
	if (typeof value === 'number') return String(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as a CSV file's text (BOM, CRLF). */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
	return CSV_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One table of the board as a CSV file's text. */
export function boardCsv(doc: Y.Doc, table: CsvTable): string {
	return csvText(CSV_ROWS[table](readBoardDocument(doc)));
}

type Rows = (string | number)[][];

const CSV_ROWS: Readonly<Record<CsvTable, (board: BoardDocumentModel) => Rows>> = {
	// By score, highest first, as the document lists them.
	risks: (board) => [
		[
			'ID',
			'Risk',
			'Score',
			'Band',
			'Likelihood',
			'Impact',
			'Owner',
			'Status',
			'On heat map',
			'Due',
			'Mitigation',
			'Ref',
			'Category',
			'Response',
			'Trigger',
			'Review date',
			'Residual likelihood',
			'Residual impact',
			'Affects actions',
			'Affects milestones'
		],
		...board.risks.map(({ risk, score, band, owner, status, onHeatMap, mitigation, register }) => [
			risk.id,
			risk.title,
			score,
			band.label,
			risk.likelihood,
			risk.impact,
			owner,
			status,
			onHeatMap ? 'Yes' : 'No',
			risk.due,
			richTextPlain(mitigation),
			risk.ref === null ? '' : register.label,
			register.category,
			register.response,
			risk.trigger,
			risk.reviewDate,
			risk.residualLikelihood ?? '',
			risk.residualImpact ?? '',
			register.actions.join('; '),
			register.milestones.join('; ')
		])
	],
	raci: (board) => [
		['Task', ...board.raci.people.map((person) => person.name), 'Checks'],
		...board.raci.rows.map((row) => [
			row.task.title,
			...row.letters,
			row.problems.length === 0 ? 'OK' : row.problems.join('; ')
		])
	],
	milestones: (board) => [
		['ID', 'Milestone', 'Due', 'Owner', 'Status', 'Depends on'],
		...board.milestones.map(({ milestone, owner, status, dependsOn }) => [
			milestone.id,
			milestone.title,
			milestone.due,
			owner,
			status,
			dependsOn.join('; ')
		])
	],
	actions: (board) => [
		['ID', 'Action', 'Owner', 'Due', 'Status'],
		...board.actions.map(({ action, owner, status }) => [
			action.id,
			action.title,
			owner,
			action.due,
			status
		])
	],
	// Everyone, with their stakeholder values ('' where not set).
	people: (board) => [
		['ID', ...STAKEHOLDER_COLUMNS],
		...board.people.map((person) => [person.id, ...stakeholderCells(documentStakeholder(person))])
	],
	// One row per decision, its texts as plain text, its successor by id as in the JSON.
	decisions: (board) => [
		[
			'ID',
			'Decision',
			'Status',
			'Decided on',
			'Owner',
			'Consulted',
			'Superseded by',
			...Object.values(DECISION_TEXT_LABELS)
		],
		...board.decisions.map(({ decision, status, owner, consulted, texts }) => [
			decision.id,
			decision.title,
			status,
			decision.decidedOn,
			owner,
			consulted.join('; '),
			decision.supersededBy,
			...texts.map((text) => richTextPlain(text.blocks))
		])
	],
	// Amounts in major units of the board's currency, as the budget's CSV import reads them.
	budget: (board) => budgetCsvRows(board.budget),
	// One row per filled cell, people in board order, months in order.
	allocations: (board) => [
		['Person', 'Month', 'Percent'],
		...board.resources.rows.flatMap(({ person, percents }) =>
			percents.flatMap((percent, index) =>
				percent === null ? [] : [[person.name, board.resources.months[index]!, percent]]
			)
		)
	]
};
