import * as Y from 'yjs';
import {
	addEntry,
	existingEntry,
	moveEntry,
	removeEntry,
	updateEntry,
	type OrderedCollection
} from '../collection.ts';
import { boardRoots, localOrigin, retroColumnEntry } from '../doc.ts';
import { PlainTextEditError } from '../errors.ts';
import { newId } from '../ids.ts';
import { initialOrders } from '../order.ts';
import { readRetroCards, readRetroColumns, parseRetroVoteKey } from '../read.ts';
import { titleSchema, type RetroColumn } from '../schema.ts';
import { textIn } from '../text.ts';
import type { TextChange } from '../text-change.ts';
import { editPlainText } from '../text-commands.ts';
import { parseInput } from '../validate.ts';
import * as z from 'zod';
import { RetroRuleError } from './errors.ts';
import { RETRO_FORMAT_CHOICES, RETRO_FORMAT_TABLE } from './model.ts';
import { requireAbility, requireFacilitator } from './settings.ts';

/** The retro's columns as an ordered collection, for the shared entry commands. */
export const retroColumns: OrderedCollection<RetroColumn> = {
	key: 'retroColumns',
	read: readRetroColumns
};

/** Most columns a retro may have; beyond this no screen shows them side by side. */
export const MAX_COLUMNS = 8;

function requireColumnEdit(doc: Y.Doc, command: string, actor: string): void {
	requireFacilitator(doc, command, actor);
	requireAbility(doc, command, 'editColumns');
}

/** Adds a column at the end and returns its id. */
export function addColumn(doc: Y.Doc, title: string, actor: string): string {
	const validTitle = parseInput('addColumn', titleSchema, title);
	requireColumnEdit(doc, 'addColumn', actor);
	if (readRetroColumns(doc).items.length >= MAX_COLUMNS)
		throw new RetroRuleError(`a retro has at most ${MAX_COLUMNS} columns`);
	return addEntry(doc, retroColumns, (order) => ({ title: validTitle, order }));
}

/** Renames a column. */
export function renameColumn(doc: Y.Doc, id: string, title: string, actor: string): void {
	const validTitle = parseInput('renameColumn', titleSchema, title);
	requireColumnEdit(doc, 'renameColumn', actor);
	updateEntry(doc, retroColumns, id, { title: validTitle });
}

/**
 * Applies one keystroke's change to a column's title (the facilitator's, before the reveal):
 * two tabs of the facilitator typing into one title merge character by character (text.ts).
 */
export function editColumnTitle(doc: Y.Doc, id: string, change: TextChange, actor: string): void {
	requireColumnEdit(doc, 'editColumnTitle', actor);
	const text = textIn(existingEntry(doc, retroColumns, id), 'title');
	if (!text)
		throw new PlainTextEditError('editColumnTitle', 'the column title is not shared text yet');
	editPlainText(doc, text, change);
}

/** Moves a column to `index` among the columns. */
export function moveColumn(doc: Y.Doc, id: string, index: number, actor: string): void {
	requireColumnEdit(doc, 'moveColumn', actor);
	moveEntry(doc, retroColumns, 'moveColumn', id, index);
}

/** Removes a column with its cards and their votes; the last column stays, to write into. */
export function removeColumn(doc: Y.Doc, id: string, actor: string): void {
	requireColumnEdit(doc, 'removeColumn', actor);
	const columns = readRetroColumns(doc).items;
	if (columns.length <= 1 && columns.some((column) => column.id === id))
		throw new RetroRuleError('a retro needs at least one column');
	removeEntry(doc, retroColumns, id, () => deleteCardsOfColumns(doc, new Set([id])));
}

/**
 * Replaces every column with the format's columns. Only while writing: drafts in a column that
 * disappears are published into the first column.
 */
export function setFormat(doc: Y.Doc, format: string, actor: string): void {
	const choice = parseInput('setFormat', z.enum(RETRO_FORMAT_CHOICES), format);
	requireColumnEdit(doc, 'setFormat', actor);
	const { columns, stored } = RETRO_FORMAT_TABLE[choice];
	const roots = boardRoots(doc);
	const orders = initialOrders(columns.length);
	doc.transact(() => {
		const old = new Set(roots.retroColumns.keys());
		deleteCardsOfColumns(doc, old);
		for (const id of old) roots.retroColumns.delete(id);
		columns.forEach((title, i) => {
			roots.retroColumns.set(newId(), retroColumnEntry(title, orders[i]!));
		});
		roots.retro.set('format', stored);
	}, localOrigin);
}

// Runs inside the caller's transaction, so a column and its cards go together.
function deleteCardsOfColumns(doc: Y.Doc, columnIds: ReadonlySet<string>): void {
	const roots = boardRoots(doc);
	const gone = new Set(
		readRetroCards(doc)
			.items.filter((card) => columnIds.has(card.column))
			.map((card) => card.id)
	);
	for (const id of gone) roots.retroCards.delete(id);
	for (const key of Array.from(roots.retroVotes.keys())) {
		const vote = parseRetroVoteKey(key);
		if (vote && gone.has(vote.cardId)) roots.retroVotes.delete(key);
	}
}
