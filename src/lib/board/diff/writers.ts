import * as Y from 'yjs';

/** What an older state had seen of each Yjs client: its next clock (Y.decodeStateVector). */
export type StateVector = ReadonlyMap<number, number>;

/**
 * The Yjs client ids that wrote into one entry of a map after `seen`: the item that placed the
 * entry (an add, or a value set again), and every item inside it, nested types and text
 * included, whose clock the older state had not reached. Deletions leave no item of the one
 * who deleted, so a change made only by deleting has no writer here (the caller says
 * "someone"). Costs one walk over the entry's items.
 */
export function writersOfEntry(map: Y.Map<unknown>, key: string, seen: StateVector): Set<number> {
	const writers = new Set<number>();
	const latest = map._map.get(key);
	if (latest) visitValues(latest, seen, writers);
	return writers;
}

/** The Yjs client ids that wrote into `type` (and the types inside it) after `seen`. */
export function writersOfType(type: Y.AbstractType<unknown>, seen: StateVector): Set<number> {
	const writers = new Set<number>();
	visitType(type, seen, writers);
	return writers;
}

function visitType(type: Y.AbstractType<unknown>, seen: StateVector, writers: Set<number>): void {
	// Keyed values (Y.Map entries, attributes of rich text), then the sequence (text, elements).
	for (const latest of type._map.values()) visitValues(latest, seen, writers);
	for (let item = type._start; item; item = item.right) visitItem(item, seen, writers);
}

// A key's values, newest first: each one set since `seen` is a change by its writer.
function visitValues(latest: Y.Item, seen: StateVector, writers: Set<number>): void {
	for (let item: Y.Item | null = latest; item; item = item.left) visitItem(item, seen, writers);
}

function visitItem(item: Y.Item, seen: StateVector, writers: Set<number>): void {
	const { client, clock } = item.id;
	// An item may span several clocks (merged characters); any one past `seen` is new.
	if (clock + item.length > (seen.get(client) ?? 0)) writers.add(client);
	if (!item.deleted && item.content instanceof Y.ContentType)
		visitType(item.content.type as Y.AbstractType<unknown>, seen, writers);
}
