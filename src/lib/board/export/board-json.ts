import type * as Y from 'yjs';
import { CHARTER_SECTIONS, type CharterSection } from '../doc.ts';
import { parseRaciCellKey, parseRetroVoteKey } from '../read.ts';
import { readBoard, type BoardRead } from '../read-board.ts';
import { exportBudget, type ExportedBudget } from './budget-json.ts';
import type {
	Action,
	BoardKind,
	Decision,
	DecisionTextField,
	Milestone,
	Person,
	RaciTask,
	RaciValue,
	RetroCard,
	RetroColumn,
	RetroSettings
} from '../schema.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { readRichText } from './rich-text-read.ts';
import type { RichTextBlock } from './rich-text.ts';
import { exportStatusUpdates, type ExportedStatusUpdate } from '../updates/update-json.ts';
import { exportDependencies, type ExportedDependency } from './dependency-json.ts';
import { exportedRiskSeq, exportRisks, type ExportedRisk } from './risk-json.ts';

export type { ExportedRisk } from './risk-json.ts';
import { exportAllocations, type ExportedAllocation } from './allocation-json.ts';

/** What a Charter JSON export says it is, so an import can tell it from any other JSON. */
export const EXPORT_FORMAT = 'charter-board';

/** A decision in an export: its context, options and consequences in the rich-text form. */
export type ExportedDecision = Omit<Decision, DecisionTextField> &
	Record<DecisionTextField, RichTextBlock[]>;

/** The retrospective of a retro board in an export. */
export interface ExportedRetro {
	settings: RetroSettings & { anonymous: boolean; locked: boolean };
	columns: RetroColumn[];
	cards: RetroCard[];
	votes: { card: string; user: string; count: number }[];
	groupNames: { card: string; name: string }[];
	carriedOver: { action: string; from: string }[];
}

/**
 * A whole board as JSON (`schema` is the document layout version of DESIGN.md §3). Entities keep
 * their ids and `order` keys, so references (owners, RACI cells, card groups) and the order
 * people arranged stay as they were; rich text is in the form documented in rich-text.ts.
 * Entries a peer wrote that do not validate are left out, as everywhere else.
 */
export interface BoardExport {
	format: typeof EXPORT_FORMAT;
	schema: typeof SCHEMA_VERSION;
	exportedAt: string;
	board: {
		title: string;
		kind: BoardKind;
		createdAt: number;
		facilitator?: string;
		/** The highest risk number ever given (R-n); absent when none was. */
		riskSeq?: number;
	};
	charter: Record<CharterSection, RichTextBlock[]>;
	people: Person[];
	milestones: Milestone[];
	risks: ExportedRisk[];
	raciTasks: RaciTask[];
	raci: { task: string; person: string; value: RaciValue }[];
	actions: Action[];
	decisions: ExportedDecision[];
	statusUpdates: ExportedStatusUpdate[];
	/** Milestone dependencies (finish-to-start), in key order. */
	dependencies: ExportedDependency[];
	/** The board's currency (ISO 4217) and its budget lines, amounts in minor units. */
	currency: ExportedBudget['currency'];
	budgetLines: ExportedBudget['budgetLines'];
	allocations: ExportedAllocation[];
	retro: ExportedRetro | null;
}

/** Thrown when a board has no readable metadata yet (not synced, or not a Charter board). */
export class BoardNotReadableError extends Error {
	override readonly name = 'BoardNotReadableError';
	constructor() {
		super('The board has no readable title and kind yet, so there is nothing to export');
	}
}

/** The board as a JSON export; `now` stamps `exportedAt`. */
export function exportBoardJson(doc: Y.Doc, now: Date = new Date()): BoardExport {
	const read = readBoard(doc);
	if (!read.meta) throw new BoardNotReadableError();
	const { title, kind, createdAt, facilitator } = read.meta;
	const riskSeq = exportedRiskSeq(doc);
	return {
		format: EXPORT_FORMAT,
		schema: SCHEMA_VERSION,
		exportedAt: now.toISOString(),
		board: {
			title,
			kind,
			createdAt,
			...(facilitator === undefined ? {} : { facilitator }),
			...(riskSeq === 0 ? {} : { riskSeq })
		},
		charter: exportCharter(read),
		people: [...read.people],
		milestones: [...read.milestones],
		risks: exportRisks(read),
		raciTasks: [...read.raciTasks],
		raci: sortedEntries(read.raci).map(([key, value]) => {
			const { taskId, personId } = parseRaciCellKey(key)!;
			return { task: taskId, person: personId, value };
		}),
		actions: [...read.actions],
		decisions: read.decisions.map(exportDecision),
		statusUpdates: exportStatusUpdates(read.statusUpdates),
		dependencies: exportDependencies(read.dependencies),
		...exportBudget(doc),
		allocations: exportAllocations(read.allocations),
		retro: kind === 'retro' ? exportRetro(read) : null
	};
}

// Keyed cells in key order, so two exports of the same board are the same text.
function sortedEntries<Value>(cells: ReadonlyMap<string, Value>): [string, Value][] {
	return [...cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function exportDecision(decision: Decision): ExportedDecision {
	const { context, options, consequences, ...fields } = decision;
	return {
		...fields,
		context: readRichText(context),
		options: readRichText(options),
		consequences: readRichText(consequences)
	};
}

function exportCharter(read: BoardRead): Record<CharterSection, RichTextBlock[]> {
	const entries = CHARTER_SECTIONS.map((section) => {
		const text = read.charter[section];
		return [section, text ? readRichText(text) : []] as const;
	});
	return Object.fromEntries(entries) as Record<CharterSection, RichTextBlock[]>;
}

function exportRetro(read: BoardRead): ExportedRetro | null {
	const settings = read.retroSettings;
	if (!settings) return null;
	const { anonymous, locked } = read.retroExtras;
	return {
		settings: { ...settings, anonymous, locked },
		columns: [...read.retroColumns],
		cards: [...read.retroCards],
		votes: sortedEntries(read.retroVotes).map(([key, count]) => {
			const { cardId, userId } = parseRetroVoteKey(key)!;
			return { card: cardId, user: userId, count };
		}),
		groupNames: [...read.groupNames].map(([card, name]) => ({ card, name })),
		carriedOver: [...read.review.values()].map(({ actionId, from }) => ({
			action: actionId,
			from
		}))
	};
}

/** The export as the text of a `.json` file: indented, so a person can read and diff it. */
export function boardJsonText(doc: Y.Doc, now?: Date): string {
	return `${JSON.stringify(exportBoardJson(doc, now), null, 2)}\n`;
}
