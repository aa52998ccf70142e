import * as Y from 'yjs';
import { newId } from './ids.ts';
import { initialOrders } from './order.ts';
import {
	SCHEMA_VERSION,
	boardKindSchema,
	initBoardOptionsSchema,
	type BoardKind,
	type InitBoardOptions,
	type RetroFormat,
	type RetroSettings
} from './schema.ts';
import { BoardAlreadyInitializedError } from './errors.ts';
import { parseInput } from './validate.ts';

export { SCHEMA_VERSION };

/** Names of the document's top-level types; never renamed or repurposed, only added to. */
export const ROOT_KEYS = {
	meta: 'meta',
	charter: 'charter',
	people: 'people',
	milestones: 'milestones',
	risks: 'risks',
	raciTasks: 'raciTasks',
	raci: 'raci',
	actions: 'actions',
	retro: 'retro',
	retroColumns: 'retroColumns',
	retroCards: 'retroCards',
	retroVotes: 'retroVotes',
	decisions: 'decisions',
	statusUpdates: 'statusUpdates',
	/** Milestone dependencies, `predecessorId:successorId` → 'fs' (dependencies.ts). */
	dependencies: 'dependencies',
	budgetLines: 'budgetLines',
	/** Resource allocations, `personId:YYYY-MM` → percent (allocation-model.ts). */
	allocations: 'allocations',
	/** Who wrote with which Yjs client id (editors.ts): how a change is attributed. */
	editors: 'editors',
	/** Links from risks to the actions and milestones they affect (risk-links.ts). */
	riskLinks: 'riskLinks'
} as const;
/** A top-level key of the board document. */
export type RootKey = keyof typeof ROOT_KEYS;

/** Rich-text sections of the project charter, in display order. */
export const CHARTER_SECTIONS = [
	'background',
	'objectives',
	'inScope',
	'outOfScope',
	'successCriteria',
	'assumptions',
	'constraints'
] as const;
/** A section of the project charter. */
export type CharterSection = (typeof CHARTER_SECTIONS)[number];

/** Headings of the charter sections as users read them. */
export const CHARTER_SECTION_LABELS: Readonly<Record<CharterSection, string>> = {
	background: 'Background',
	objectives: 'Objectives',
	inScope: 'In scope',
	outOfScope: 'Out of scope',
	successCriteria: 'Success criteria',
	assumptions: 'Assumptions',
	constraints: 'Constraints'
};

/** Title of a new board when none is given. */
export const DEFAULT_BOARD_TITLES: Readonly<Record<BoardKind, string>> = {
	kickoff: 'Project kickoff',
	retro: 'Retrospective',
	blank: 'Untitled board'
};

/** Columns a new retro board starts with, per format. */
export const RETRO_FORMAT_COLUMNS: Readonly<Record<RetroFormat, readonly string[]>> = {
	'start-stop-continue': ['Start', 'Stop', 'Continue'],
	'mad-sad-glad': ['Mad', 'Sad', 'Glad'],
	'liked-learned-lacked': ['Liked', 'Learned', 'Lacked'],
	'4ls': ['Liked', 'Learned', 'Lacked', 'Longed for']
};

/** Settings of a new retro board: everyone writes first, three votes each, no timer. */
export const DEFAULT_RETRO_SETTINGS: Readonly<RetroSettings> = {
	format: 'start-stop-continue',
	phase: 'write',
	votesPerPerson: 3,
	timerEndsAt: null
};

/**
 * Transaction origin of every local command, so a Y.UndoManager can track the user's own writes
 * and leave remote updates (applied with the provider as origin) alone.
 */
export const localOrigin: unique symbol = Symbol('charter/local-command');

/**
 * The document's top-level maps. Values are `unknown` on purpose: a remote peer can write
 * anything, so entries are only trusted after read.ts has parsed them.
 */
export type BoardRoots = { readonly [Key in RootKey]: Y.Map<unknown> };

// A doc's top-level types never change once made, so each doc's are looked up once.
const rootsOfDocs = new WeakMap<Y.Doc, BoardRoots>();

/** The top-level maps of a board document, created on first access as Yjs does. */
export function boardRoots(doc: Y.Doc): BoardRoots {
	let roots = rootsOfDocs.get(doc);
	if (!roots) {
		const entries = Object.values(ROOT_KEYS).map((key) => [key, doc.getMap<unknown>(key)]);
		roots = Object.freeze(Object.fromEntries(entries)) as BoardRoots;
		rootsOfDocs.set(doc, roots);
	}
	return roots;
}

/**
 * The layout version the board says it has (`meta.schema`); a board without one is being
 * created by this code, so it has this code's version.
 */
export function boardSchemaVersion(doc: Y.Doc): number {
	const schema = boardRoots(doc).meta.get('schema');
	return typeof schema === 'number' ? schema : SCHEMA_VERSION;
}

/** Whether the board's metadata was written, here or by a peer. */
export function isInitialized(doc: Y.Doc): boolean {
	return boardRoots(doc).meta.has('schema');
}

/**
 * Writes a new board's skeleton in one transaction: meta (its title a Y.Text, text.ts), the empty charter sections and, for a
 * retro, its settings and default columns. Only the board's creator calls it; a peer that opens
 * an existing board must wait for sync instead, or its charter texts would compete with the
 * creator's.
 */
export function initBoard(doc: Y.Doc, kind: BoardKind, options: InitBoardOptions = {}): void {
	const validKind = parseInput('initBoard', boardKindSchema, kind);
	const { title, now, retroFormat, facilitator } = parseInput(
		'initBoard',
		initBoardOptionsSchema,
		options
	);
	if (isInitialized(doc)) throw new BoardAlreadyInitializedError();
	const roots = boardRoots(doc);
	doc.transact(() => {
		roots.meta.set('schema', SCHEMA_VERSION);
		roots.meta.set('title', new Y.Text(title ?? DEFAULT_BOARD_TITLES[validKind]));
		roots.meta.set('kind', validKind);
		roots.meta.set('createdAt', now ?? Date.now());
		if (facilitator !== undefined) roots.meta.set('facilitator', facilitator);
		for (const section of CHARTER_SECTIONS) roots.charter.set(section, new Y.XmlText());
		// A blank board starts with no sections: the ones people add go here (board-sections.ts).
		if (validKind === 'blank') roots.meta.set('sections', new Y.Map());
		if (validKind === 'retro')
			writeRetroDefaults(roots, retroFormat ?? DEFAULT_RETRO_SETTINGS.format);
	}, localOrigin);
}

/** A new board document of the given kind, initialized. */
export function createBoard(kind: BoardKind, options: InitBoardOptions = {}): Y.Doc {
	const doc = new Y.Doc();
	initBoard(doc, kind, options);
	return doc;
}

function writeRetroDefaults(roots: BoardRoots, format: RetroFormat): void {
	const settings: RetroSettings = { ...DEFAULT_RETRO_SETTINGS, format };
	for (const [key, value] of Object.entries(settings)) roots.retro.set(key, value);
	const titles = RETRO_FORMAT_COLUMNS[format];
	const orders = initialOrders(titles.length);
	titles.forEach((title, i) => {
		roots.retroColumns.set(newId(), retroColumnEntry(title, orders[i]!));
	});
}

/** A new retro column entry, its title a Y.Text created with it. */
export function retroColumnEntry(title: string, order: string): Y.Map<unknown> {
	return new Y.Map<unknown>([
		['title', new Y.Text(title)],
		['order', order]
	]);
}
