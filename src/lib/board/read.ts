import * as Y from 'yjs';
import type * as z from 'zod';
import { boardRoots, type CharterSection } from './doc.ts';
import { isId } from './ids.ts';
import { compareByOrder, type Ordered } from './order.ts';
import { readMetaFields, type MetaRead } from './read-meta.ts';
import {
	actionSchema,
	baselineSchema,
	decisionSchema,
	milestoneSchema,
	personSchema,
	raciTaskSchema,
	raciValueSchema,
	retroCardSchema,
	retroColumnSchema,
	retroSettingsSchema,
	retroVoteCountSchema,
	riskSchema,
	userIdSchema,
	type Baseline,
	type RetroSettings
} from './schema.ts';
import { statusUpdateSchema } from './updates/model.ts';
import { dependencyValueSchema, parseDependencyKey } from './dependencies.ts';
import { budgetLineSchema } from './budget-schema.ts';
import { parseRiskLinkKey, riskLinkKindSchema } from './risk-links.ts';
import { allocationPercentSchema, parseAllocationKey } from './allocation-model.ts';

/** A validated, sorted collection and how many entries were left out because they did not parse. */
export interface ListRead<Entity> {
	readonly items: Entity[];
	readonly skipped: number;
}

/** Validated cells of a map keyed by `a:b`, and how many entries did not parse. */
export interface CellsRead<Value> {
	readonly cells: Map<string, Value>;
	readonly skipped: number;
}

export type { MetaField, MetaRead } from './read-meta.ts';

/** Result of reading `retro`: absent (not a retro board) or malformed settings give `ok: false`. */
export type RetroSettingsRead =
	{ readonly ok: true; readonly settings: RetroSettings } | NotRead<'settings'>;

type NotRead<Field extends string> = { readonly ok: false } & { readonly [Key in Field]: null };

/** The key of the RACI cell for a task and a person. */
export function raciCellKey(taskId: string, personId: string): string {
	return `${taskId}:${personId}`;
}

/** The task and person of a RACI cell key, or null when the key is malformed. */
export function parseRaciCellKey(key: string): { taskId: string; personId: string } | null {
	const [taskId, personId, ...rest] = key.split(':');
	if (rest.length > 0 || !isId(taskId) || !isId(personId)) return null;
	return { taskId, personId };
}

/** The key of the votes a user gave a retro card. */
export function retroVoteKey(cardId: string, userId: string): string {
	return `${cardId}:${userId}`;
}

/** The card and user of a retro vote key, or null when the key is malformed. */
export function parseRetroVoteKey(key: string): { cardId: string; userId: string } | null {
	const separator = key.indexOf(':');
	if (separator === -1) return null;
	const cardId = key.slice(0, separator);
	const userId = key.slice(separator + 1);
	if (!isId(cardId) || !userIdSchema.safeParse(userId).success) return null;
	return { cardId, userId };
}

/** The board's metadata, each entry read on its own (see read-meta.ts). */
export function readMeta(doc: Y.Doc): MetaRead {
	return readMetaFields(doc);
}

/**
 * The kickoff baseline, or null when none is set or what a peer wrote does not parse (read
 * apart from the rest of `meta`, so a bad baseline never hides the board).
 */
export function readBaseline(doc: Y.Doc): Baseline | null {
	const { meta } = boardRoots(doc);
	if (!meta.has('baselineVersionId')) return null;
	const result = baselineSchema.safeParse({
		versionId: meta.get('baselineVersionId'),
		label: meta.get('baselineLabel')
	});
	return result.success ? result.data : null;
}

/** The retrospective's settings. */
export function readRetroSettings(doc: Y.Doc): RetroSettingsRead {
	const result = retroSettingsSchema.safeParse(plainObject(boardRoots(doc).retro));
	return result.success ? { ok: true, settings: result.data } : { ok: false, settings: null };
}

/** The rich-text type of a charter section, or null if it is missing or not rich text. */
export function readCharterSection(doc: Y.Doc, section: CharterSection): Y.XmlText | null {
	const text = boardRoots(doc).charter.get(section);
	return text instanceof Y.XmlText ? text : null;
}

/**
 * The board's collections, one entry each: the hand-ordered lists with their entries' schema,
 * and the cell maps with their key's parser and their values' schema. Reads, readBoard, the
 * board view, undo's tracked roots and the compare are derived from these two tables.
 */
export const LISTS = {
	people: personSchema,
	milestones: milestoneSchema,
	risks: riskSchema,
	raciTasks: raciTaskSchema,
	actions: actionSchema,
	retroColumns: retroColumnSchema,
	retroCards: retroCardSchema,
	decisions: decisionSchema,
	statusUpdates: statusUpdateSchema,
	budgetLines: budgetLineSchema
} as const;
/** A hand-ordered collection. */
export type ListKey = keyof typeof LISTS;
/** An entry of the collection `Key`, as read. */
export type EntityOf<Key extends ListKey> = z.output<(typeof LISTS)[Key]>;
/** Every hand-ordered collection. */
export const LIST_KEYS = Object.keys(LISTS) as ListKey[];

export const CELLS = {
	raci: { parseKey: parseRaciCellKey, value: raciValueSchema },
	retroVotes: { parseKey: parseRetroVoteKey, value: retroVoteCountSchema },
	dependencies: { parseKey: parseDependencyKey, value: dependencyValueSchema },
	riskLinks: { parseKey: parseRiskLinkKey, value: riskLinkKindSchema },
	allocations: { parseKey: parseAllocationKey, value: allocationPercentSchema }
} as const;
/** A map of cells keyed `a:b` (RACI cells, retro votes, allocations). */
export type CellsKey = keyof typeof CELLS;
/** A cell's value in the map `Key`. */
export type CellOf<Key extends CellsKey> = z.output<(typeof CELLS)[Key]['value']>;
/** Every cell map. */
export const CELLS_KEYS = Object.keys(CELLS) as CellsKey[];

/** What `readList` gives for each collection: the one table the board's readers map over. */
export type ListReads = { readonly [Key in ListKey]: ListRead<EntityOf<Key>> };
/** What `readCellMap` gives for each cell map. */
export type CellMapReads = { readonly [Key in CellsKey]: CellsRead<CellOf<Key>> };

/**
 * An object with one property per key, made by `make`: a table over LIST_KEYS or CELLS_KEYS.
 * TypeScript cannot follow a value's type through a key that is still a union, so the caller
 * names the table's type (`Table`) and `make` must return, for each key, that key's value.
 */
export function tableOf<Table extends object>(
	keys: readonly (keyof Table & string)[],
	make: (key: keyof Table & string) => unknown
): Table {
	return Object.fromEntries(keys.map((key) => [key, make(key)])) as Table;
}

/** A collection's validated entries, sorted; each risk keeps a live reference to its mitigation. */
export function readList<Key extends ListKey>(doc: Y.Doc, key: Key): ListRead<EntityOf<Key>> {
	// TypeScript cannot narrow LISTS[key] to Key's own schema; the table above pairs them.
	const schema = LISTS[key] as unknown as z.ZodType<EntityOf<Key>>;
	return readEntries(boardRoots(doc)[key], schema);
}

/**
 * A cell map's validated cells. RACI cells whose task or person a peer removed concurrently are
 * kept: they are valid entries, and the matrix only looks up existing rows and columns.
 */
export function readCellMap<Key extends CellsKey>(doc: Y.Doc, key: Key): CellsRead<CellOf<Key>> {
	const { parseKey, value } = CELLS[key];
	return readCells(boardRoots(doc)[key], parseKey, value as unknown as z.ZodType<CellOf<Key>>);
}

/** People, sorted. */
export const readPeople = (doc: Y.Doc) => readList(doc, 'people');
/** Milestones, sorted. */
export const readMilestones = (doc: Y.Doc) => readList(doc, 'milestones');
/** Risks, sorted. */
export const readRisks = (doc: Y.Doc) => readList(doc, 'risks');
/** RACI matrix rows, sorted. */
export const readRaciTasks = (doc: Y.Doc) => readList(doc, 'raciTasks');
/** Action items, sorted. */
export const readActions = (doc: Y.Doc) => readList(doc, 'actions');
/** Retrospective columns, sorted. */
export const readRetroColumns = (doc: Y.Doc) => readList(doc, 'retroColumns');
/** Published retrospective cards, sorted (across all columns). */
export const readRetroCards = (doc: Y.Doc) => readList(doc, 'retroCards');
/** Decisions of the decision log, sorted. */
export const readDecisions = (doc: Y.Doc) => readList(doc, 'decisions');
/** Filled RACI cells keyed by raciCellKey. */
export const readRaci = (doc: Y.Doc) => readCellMap(doc, 'raci');
/** Votes per card and user, keyed by retroVoteKey. */
export const readRetroVotes = (doc: Y.Doc) => readCellMap(doc, 'retroVotes');
/** Allocations in percent, keyed by allocationKey. */
export const readAllocations = (doc: Y.Doc) => readCellMap(doc, 'allocations');

function readEntries<Entity extends Ordered>(
	map: Y.Map<unknown>,
	schema: z.ZodType<Entity>
): ListRead<Entity> {
	const items: Entity[] = [];
	let skipped = 0;
	for (const [id, entry] of map.entries()) {
		// The key is the id; an `id` field written inside the entry by a peer must not override it.
		const result = entry instanceof Y.Map ? schema.safeParse({ ...plainObject(entry), id }) : null;
		if (result?.success) items.push(result.data);
		else skipped++;
	}
	return { items: items.sort(compareByOrder), skipped };
}

function readCells<Value>(
	map: Y.Map<unknown>,
	parseKey: (key: string) => object | null,
	schema: z.ZodType<Value>
): CellsRead<Value> {
	const cells = new Map<string, Value>();
	let skipped = 0;
	for (const [key, value] of map.entries()) {
		const result = parseKey(key) === null ? null : schema.safeParse(value);
		if (result?.success) cells.set(key, result.data);
		else skipped++;
	}
	return { cells, skipped };
}

// Shallow on purpose: nested Y types (a risk's mitigation) stay live references, where
// Y.Map#toJSON would flatten them into strings.
function plainObject(map: Y.Map<unknown>): Record<string, unknown> {
	return Object.fromEntries(map.entries());
}
