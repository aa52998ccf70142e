import * as Y from 'yjs';
import { boardRoots, boardSchemaVersion, localOrigin, type RootKey } from './doc.ts';
import { EntityNotFoundError } from './errors.ts';
import { newId } from './ids.ts';
import { orderAtEnd, orderForIndex, type Ordered } from './order.ts';
import type { ListRead } from './read.ts';
import { moveIndexSchema } from './schema.ts';
import { PLAIN_TEXT_FIELDS, plainTextOf, writePlainText } from './text.ts';
import { parseInput } from './validate.ts';

/** An ordered collection of nested Y.Map entries, described once for the generic commands. */
export interface OrderedCollection<Entity extends Ordered> {
	/** Its top-level key in the document. */
	readonly key: RootKey;
	/** Its validated, sorted read: positions and ends are those the user sees. */
	readonly read: (doc: Y.Doc) => ListRead<Entity>;
}

/** The plain text fields of a collection's entries (none for most root keys). */
export function plainTextFieldsOf(key: RootKey): readonly string[] {
	return Object.hasOwn(PLAIN_TEXT_FIELDS, key)
		? Object.keys(PLAIN_TEXT_FIELDS[key as keyof typeof PLAIN_TEXT_FIELDS])
		: [];
}

/**
 * A new entry of a collection as a Y.Map, its plain text fields as Y.Text (empty when `fields`
 * has none), so that they are created with the entry (text.ts) and never later by two peers at
 * once.
 */
export function newEntryMap(key: RootKey, fields: Record<string, unknown>): Y.Map<unknown> {
	const textFields = plainTextFieldsOf(key);
	const entries = Object.entries(fields).map(([field, value]) => [
		field,
		textFields.includes(field) && typeof value === 'string' ? new Y.Text(value) : value
	]);
	for (const field of textFields)
		if (!Object.hasOwn(fields, field)) entries.push([field, new Y.Text()]);
	return new Y.Map<unknown>(entries as [string, unknown][]);
}

/**
 * Appends an entry after the last one. `fields` receives the new entry's order key and returns
 * every field, nested Y types included, so the entry is complete in the transaction that creates it.
 */
export function addEntry<Entity extends Ordered>(
	doc: Y.Doc,
	collection: OrderedCollection<Entity>,
	fields: (order: string) => Record<string, unknown>
): string {
	const id = newId();
	const order = orderAtEnd(collection.read(doc).items);
	const entry = newEntryMap(collection.key, fields(order));
	const map = rootOf(doc, collection);
	doc.transact(() => map.set(id, entry), localOrigin);
	return id;
}

/**
 * Writes the fields of an already validated patch that differ from the stored values; a plain
 * text field gets the smallest change that gives it the new value (text.ts).
 */
export function updateEntry<Entity extends Ordered>(
	doc: Y.Doc,
	collection: OrderedCollection<Entity>,
	id: string,
	patch: Record<string, unknown>
): void {
	const entry = existingEntry(doc, collection, id);
	const textFields = plainTextFieldsOf(collection.key);
	const stored = (field: string) =>
		textFields.includes(field) ? plainTextOf(entry.get(field)) : entry.get(field);
	// Rewriting an unchanged field would still overwrite a peer's concurrent edit of it.
	const changes = Object.entries(patch).filter(
		([field, value]) => value !== undefined && !sameValue(stored(field), value)
	);
	if (changes.length === 0) return;
	const schema = boardSchemaVersion(doc);
	doc.transact(() => {
		for (const [field, value] of changes) {
			if (textFields.includes(field)) writePlainText(entry, field, value as string, schema);
			else entry.set(field, value);
		}
	}, localOrigin);
}

/**
 * Deletes an entry, whatever it holds (a malformed one too, so it can be cleaned up).
 * `alsoDelete` runs in the same transaction, for data that refers to the entry.
 */
export function removeEntry<Entity extends Ordered>(
	doc: Y.Doc,
	collection: OrderedCollection<Entity>,
	id: string,
	alsoDelete: () => void = () => {}
): void {
	const map = rootOf(doc, collection);
	if (!map.has(id)) throw new EntityNotFoundError(collection.key, String(id));
	doc.transact(() => {
		map.delete(id);
		alsoDelete();
	}, localOrigin);
}

/**
 * Moves an entry to `index` in the sorted list (clamped to its end) by rewriting only its
 * `order`, so two peers moving it concurrently never duplicate it. Moving it to where it already
 * is writes nothing.
 */
export function moveEntry<Entity extends Ordered>(
	doc: Y.Doc,
	collection: OrderedCollection<Entity>,
	command: string,
	id: string,
	index: number
): void {
	const target = parseInput(command, moveIndexSchema, index);
	const { items } = collection.read(doc);
	const position = items.findIndex((item) => item.id === id);
	if (position === -1) throw new EntityNotFoundError(collection.key, String(id));
	const clamped = Math.min(target, items.length - 1);
	if (clamped === position) return;
	const others = items.filter((item) => item.id !== id);
	const order = orderForIndex(others, clamped);
	const entry = existingEntry(doc, collection, id);
	doc.transact(() => entry.set('order', order), localOrigin);
}

/** The entry's Y.Map, or EntityNotFoundError when it is absent or not a map a command can write into. */
export function existingEntry(
	doc: Y.Doc,
	collection: { readonly key: RootKey },
	id: string
): Y.Map<unknown> {
	const entry = boardRoots(doc)[collection.key].get(id);
	if (!(entry instanceof Y.Map)) throw new EntityNotFoundError(collection.key, String(id));
	return entry as Y.Map<unknown>;
}

// Equal values, and arrays of equal values (a decision's consulted people), in the same order.
function sameValue(stored: unknown, value: unknown): boolean {
	if (Array.isArray(stored) && Array.isArray(value))
		return stored.length === value.length && stored.every((item, i) => item === value[i]);
	return stored === value;
}

function rootOf(doc: Y.Doc, collection: { readonly key: RootKey }): Y.Map<unknown> {
	return boardRoots(doc)[collection.key];
}
