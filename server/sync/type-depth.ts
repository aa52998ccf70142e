import * as Y from 'yjs';

import { findItem, readUpdateItems, type ItemRecord, type Placement } from './update-items.ts';

/**
 * The deepest nesting of the Y types an update adds, counted as the board will hold them: a
 * root type is at depth 0, a type inside it at 1, and so on. Parents are found in the update
 * itself or in `doc`; a type whose parent is in neither (the update waits for a dependency) is
 * counted from the part of its chain the update holds, and measured again when it is retried.
 * Counting stops a little past `limit`, so a long chain costs no more than that.
 */
export function deepestNewType(update: Uint8Array, doc: Y.Doc, limit: number): number {
	const { items: records } = readUpdateItems(update);
	const resolver = new DepthResolver(records, doc, limit);
	let deepest = 0;
	for (const items of records.values()) {
		for (const item of items) {
			if (!item.isType) continue;
			const depth = resolver.parentDepth(item) + 1;
			if (depth > deepest) deepest = depth;
			if (deepest > limit) return deepest;
		}
	}
	return deepest;
}

/**
 * Finds the depth of the type each item goes into, following neighbours and parents through the
 * update and then the board. Chains are followed iteratively and every item on one is resolved
 * at once, so a long chain (text typed one character at a time) is walked once.
 */
class DepthResolver {
	constructor(
		private readonly records: ReadonlyMap<number, ItemRecord[]>,
		private readonly doc: Y.Doc,
		private readonly limit: number
	) {}

	/**
	 * Depth of the type `item` goes into. Where the chain leaves both the update and the board
	 * (a dependency that has not arrived), it counts from 0: what the update nests is counted
	 * whatever it hangs from.
	 */
	parentDepth(item: ItemRecord): number {
		// parentDepth(chain[i]) = parentDepth(chain[i + 1]) + add: 0 through a neighbour (same
		// parent), 1 through a parent item (its type is one level deeper).
		const chain: Array<{ item: ItemRecord; add: number }> = [];
		const onChain = new Set<ItemRecord>();
		let current = item;
		let base: number;
		let added = 0;
		for (;;) {
			if (current.parentDepth !== undefined) {
				base = current.parentDepth;
				break;
			}
			onChain.add(current);
			const step = this.#step(current.placement);
			if (step.kind === 'known') {
				chain.push({ item: current, add: 0 });
				base = step.depth ?? 0;
				break;
			}
			chain.push({ item: current, add: step.add });
			added += step.add;
			// A cycle (an item placed beside itself) never integrates: Yjs keeps it pending. Past
			// the limit, the rest of the chain cannot make the answer any different.
			if (onChain.has(step.next) || added > this.limit) {
				base = 0;
				break;
			}
			current = step.next;
		}
		let depth = base;
		for (let i = chain.length - 1; i >= 0; i--) {
			depth += chain[i]!.add;
			chain[i]!.item.parentDepth = depth;
		}
		return item.parentDepth!;
	}

	// One step along an item's placement: a depth known outright, or the next item to look at.
	#step(
		placement: Placement
	): { kind: 'known'; depth: number | null } | { kind: 'next'; next: ItemRecord; add: number } {
		if (placement.kind === 'root') return { kind: 'known', depth: 0 };
		const inUpdate = this.#find(placement.client, placement.clock);
		if (placement.kind === 'parent') {
			if (inUpdate) return { kind: 'next', next: inUpdate, add: 1 };
			return { kind: 'known', depth: this.#typeDepthInDoc(placement) };
		}
		if (inUpdate) return { kind: 'next', next: inUpdate, add: 0 };
		const depth = this.#neighbourDepthInDoc(placement);
		if (depth === null && placement.alternative) return this.#step(placement.alternative);
		return { kind: 'known', depth };
	}

	#find(client: number, clock: number): ItemRecord | null {
		return findItem(this.records.get(client), clock);
	}

	// The depth of the type held by the board's item `id` (its content must be a type).
	#typeDepthInDoc(id: { client: number; clock: number }): number | null {
		const item = this.#itemInDoc(id);
		if (!item || !(item.content instanceof Y.ContentType)) return null;
		return this.#depthOf(item.content.type);
	}

	// The depth of the type the board's item `id` is in.
	#neighbourDepthInDoc(id: { client: number; clock: number }): number | null {
		const item = this.#itemInDoc(id);
		if (!item || !(item.parent instanceof Y.AbstractType)) return null;
		return this.#depthOf(item.parent);
	}

	#itemInDoc(id: { client: number; clock: number }): Y.Item | null {
		if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
		const struct = Y.getItem(this.doc.store, Y.createID(id.client, id.clock));
		return struct instanceof Y.Item ? struct : null;
	}

	// Counts the types above `type` up to its root, stopping a little past the limit.
	#depthOf(type: Y.AbstractType<unknown>): number {
		let depth = 0;
		let current: Y.AbstractType<unknown> | null = type;
		while (current?._item && depth <= this.limit) {
			depth++;
			const parent: unknown = current._item.parent;
			current = parent instanceof Y.AbstractType ? parent : null;
		}
		return depth;
	}
}
