import * as Y from 'yjs';
import type * as z from 'zod';
import { boardRoots, type CharterSection } from './doc.ts';
import { isId } from './ids.ts';
import { compareByOrder, type Ordered } from './order.ts';
import { readMetaFields, type MetaRead } from './read-meta.ts';
import {
	actionSchema,
	baselineSchema,
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
	type Action,
	type Baseline,
	type Milestone,
	type Person,
	type RaciTask,
	type RaciValue,
	type RetroCard,
	type RetroColumn,
	type RetroSettings,
	type Risk
} from './schema.ts';

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

/** People, sorted. */
export function readPeople(doc: Y.Doc): ListRead<Person> {
	return readList(boardRoots(doc).people, personSchema);
}

/** Milestones, sorted. */
export function readMilestones(doc: Y.Doc): ListRead<Milestone> {
	return readList(boardRoots(doc).milestones, milestoneSchema);
}

/** Risks, sorted; each keeps a live reference to its mitigation text. */
export function readRisks(doc: Y.Doc): ListRead<Risk> {
	return readList(boardRoots(doc).risks, riskSchema);
}

/** RACI matrix rows, sorted. */
export function readRaciTasks(doc: Y.Doc): ListRead<RaciTask> {
	return readList(boardRoots(doc).raciTasks, raciTaskSchema);
}

/** Action items, sorted. */
export function readActions(doc: Y.Doc): ListRead<Action> {
	return readList(boardRoots(doc).actions, actionSchema);
}

/** Retrospective columns, sorted. */
export function readRetroColumns(doc: Y.Doc): ListRead<RetroColumn> {
	return readList(boardRoots(doc).retroColumns, retroColumnSchema);
}

/** Published retrospective cards, sorted (across all columns). */
export function readRetroCards(doc: Y.Doc): ListRead<RetroCard> {
	return readList(boardRoots(doc).retroCards, retroCardSchema);
}

/**
 * Filled RACI cells keyed by raciCellKey. Cells whose task or person was removed concurrently
 * by a peer are kept: they are valid entries, and the matrix only looks up existing rows and columns.
 */
export function readRaci(doc: Y.Doc): CellsRead<RaciValue> {
	return readCells(boardRoots(doc).raci, parseRaciCellKey, raciValueSchema);
}

/** Votes per card and user, keyed by retroVoteKey. */
export function readRetroVotes(doc: Y.Doc): CellsRead<number> {
	return readCells(boardRoots(doc).retroVotes, parseRetroVoteKey, retroVoteCountSchema);
}

function readList<Entity extends Ordered>(
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
