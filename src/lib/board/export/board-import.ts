import * as Y from 'yjs';
import type * as z from 'zod';
import { newEntryMap } from '../collection.ts';
import {
	CHARTER_SECTIONS,
	SCHEMA_VERSION,
	boardRoots,
	isInitialized,
	localOrigin,
	type RootKey
} from '../doc.ts';
import { BoardAlreadyInitializedError } from '../errors.ts';
import { DECISION_TEXT_FIELDS } from '../schema.ts';
import { raciCellKey, retroVoteKey } from '../read.ts';
import { nameEveryGroup } from '../retro/groups.ts';
import { retroExtraRoots } from '../retro/model.ts';
import { parseInput } from '../validate.ts';
import { boardImportSchema, type BoardImport } from './import-schema.ts';
import { writeRichText } from './rich-text-write.ts';
import { writeStatusUpdates } from '../updates/update-json.ts';
import { writeDependencies } from './dependency-json.ts';
import { writeImportedBudget } from './budget-json.ts';
import { writeImportedRisks } from './risk-json.ts';
import { writeAllocations } from './allocation-json.ts';

/** What reading an import file gave: a board to write, or every problem found, by path. */
export type ImportRead = { ok: true; board: BoardImport } | { ok: false; errors: string[] };

/** How many problems an import lists before it says how many more there are. */
export const MAX_LISTED_ERRORS = 50;

/** Deepest nesting of arrays and objects an export can hold (lists nest at most 8 levels). */
export const MAX_IMPORT_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `limit`, found without recursion. */
export function nestsDeeperThan(json: unknown, limit: number): boolean {
	const pending: Array<{ value: unknown; depth: number }> = [{ value: json, depth: 0 }];
	for (let next = pending.pop(); next; next = pending.pop()) {
		if (typeof next.value !== 'object' || next.value === null) continue;
		if (next.depth >= limit) return true;
		for (const child of Object.values(next.value))
			pending.push({ value: child, depth: next.depth + 1 });
	}
	return false;
}

/**
 * Reads the text of a JSON export. Nothing is written: a file with any problem gives the list of
 * problems, each led by where it is (e.g. `risks[3].likelihood: expected 1–5`).
 */
export function readBoardImport(text: string): ImportRead {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, errors: [`The file is not valid JSON (${(error as Error).message}).`] };
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return { ok: false, errors: ['The file holds JSON, but not a Charter board export.'] };
	}
	// Checked before the schema walks it: a file nested thousands deep must not exhaust the stack.
	if (nestsDeeperThan(json, MAX_IMPORT_DEPTH)) {
		return {
			ok: false,
			errors: [
				`The file nests more than ${MAX_IMPORT_DEPTH} levels deep: it is not a Charter export.`
			]
		};
	}
	const result = boardImportSchema.safeParse(json);
	if (result.success) return { ok: true, board: result.data };
	const errors = result.error.issues.map(describeIssue);
	if (errors.length <= MAX_LISTED_ERRORS) return { ok: false, errors };
	const more = errors.length - MAX_LISTED_ERRORS;
	return { ok: false, errors: [...errors.slice(0, MAX_LISTED_ERRORS), `…and ${more} more.`] };
}

/** An issue as one line: its path in the file, then what is wrong. */
export function describeIssue(issue: Pick<z.core.$ZodIssue, 'path' | 'message'>): string {
	return issue.path.length === 0 ? issue.message : `${issuePath(issue.path)}: ${issue.message}`;
}

/** A path as it reads in JavaScript: `risks[3].likelihood`. */
export function issuePath(path: readonly PropertyKey[]): string {
	return path
		.map((key, index) =>
			typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`
		)
		.join('');
}

/**
 * Writes an imported board into an empty document, in one transaction: the board's content with
 * its ids and order keys, rich text in the editor's own layout, plain text as Y.Text (text.ts),
 * at the current schema whatever layout the file came from. The import is validated again here,
 * as every command validates its input.
 */
export function writeImportedBoard(doc: Y.Doc, input: BoardImport): void {
	const board = parseInput('writeImportedBoard', boardImportSchema, input);
	if (isInitialized(doc)) throw new BoardAlreadyInitializedError();
	const roots = boardRoots(doc);
	doc.transact(() => {
		const { title, kind, createdAt, facilitator } = board.board;
		roots.meta.set('schema', SCHEMA_VERSION);
		roots.meta.set('title', new Y.Text(title));
		roots.meta.set('kind', kind);
		roots.meta.set('createdAt', createdAt);
		if (facilitator !== undefined) roots.meta.set('facilitator', facilitator);
		for (const section of CHARTER_SECTIONS) {
			const text = new Y.XmlText();
			roots.charter.set(section, text);
			writeRichText(text, board.charter[section]);
		}
		writeEntries(doc, 'people', board.people);
		writeEntries(doc, 'milestones', board.milestones);
		writeImportedRisks(doc, board.risks, board.board.riskSeq);
		writeEntries(doc, 'raciTasks', board.raciTasks);
		for (const cell of board.raci) roots.raci.set(raciCellKey(cell.task, cell.person), cell.value);
		writeEntries(doc, 'actions', board.actions);
		for (const decision of board.decisions) writeDecision(doc, decision);
		writeStatusUpdates(doc, board.statusUpdates);
		writeDependencies(doc, board.dependencies);
		writeImportedBudget(doc, board);
		writeAllocations(doc, board.allocations);
		if (board.retro) writeRetro(doc, board.retro);
	}, localOrigin);
}

function writeDecision(doc: Y.Doc, decision: BoardImport['decisions'][number]): void {
	const texts = DECISION_TEXT_FIELDS.map((field) => [field, new Y.XmlText()] as const);
	const fields = { ...decision, ...Object.fromEntries(texts) };
	boardRoots(doc).decisions.set(decision.id, entryMap('decisions', fields));
	for (const [field, text] of texts) writeRichText(text, decision[field]);
}

function writeRetro(doc: Y.Doc, retro: NonNullable<BoardImport['retro']>): void {
	const roots = boardRoots(doc);
	const extras = retroExtraRoots(doc);
	for (const [key, value] of Object.entries(retro.settings)) roots.retro.set(key, value);
	writeEntries(doc, 'retroColumns', retro.columns);
	writeEntries(doc, 'retroCards', retro.cards);
	for (const vote of retro.votes)
		roots.retroVotes.set(retroVoteKey(vote.card, vote.user), vote.count);
	for (const { card, name } of retro.groupNames) extras.groupNames.set(card, new Y.Text(name));
	nameEveryGroup(doc);
	for (const { action, from } of retro.carriedOver) extras.review.set(action, { from });
}

function writeEntries(
	doc: Y.Doc,
	key: RootKey,
	entries: readonly ({ id: string } & object)[]
): void {
	const map = boardRoots(doc)[key];
	for (const entry of entries) map.set(entry.id, entryMap(key, entry));
}

// The id is the key in the collection, never a field inside the entry (read.ts ignores one).
function entryMap(
	key: RootKey,
	{ id: _id, ...fields }: { id: string } & Record<string, unknown>
): Y.Map<unknown> {
	return newEntryMap(key, fields);
}
