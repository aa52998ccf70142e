import * as Y from 'yjs';
import { boardRoots, localOrigin, type RootKey } from './doc.ts';
import { EntityNotFoundError } from './errors.ts';
import { newId } from './ids.ts';
import { orderAtEnd, orderForIndex, type Ordered } from './order.ts';
import type { ListRead } from './read.ts';
import { moveIndexSchema } from './schema.ts';
import { parseInput } from './validate.ts';

/** An ordered collection of nested Y.Map entries, described once for the generic commands. */
export interface OrderedCollection<Entity extends Ordered> {
	/** Its top-level key in the document. */
	readonly key: RootKey;
	/** Its validated, sorted read: positions and ends are those the user sees. */
	readonly read: (doc: Y.Doc) => ListRead<Entity>;
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
	const entry = new Y.Map<unknown>(Object.entries(fields(order)));
	const map = rootOf(doc, collection);
	doc.transact(() => map.set(id, entry), localOrigin);
	return id;
}

/** Writes the fields of an already validated patch that differ from the stored values. */
export function updateEntry<Entity extends Ordered>(
	doc: Y.Doc,
	collection: OrderedCollection<Entity>,
	id: string,
	patch: Record<string, unknown>
): void {
	const entry = existingEntry(doc, collection, id);
	// Rewriting an unchanged field would still overwrite a peer's concurrent edit of it.
	const changes = Object.entries(patch).filter(
		([field, value]) => value !== undefined && entry.get(field) !== value
	);
	if (changes.length === 0) return;
	doc.transact(() => {
		for (const [field, value] of changes) entry.set(field, value);
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

function rootOf(doc: Y.Doc, collection: { readonly key: RootKey }): Y.Map<unknown> {
	return boardRoots(doc)[collection.key];
}
