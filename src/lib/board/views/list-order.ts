/**
 * Where a moved item lands, as the `index` the move commands take: its position in the whole
 * list, in board order, after the move. Shared by every hand-ordered list (people, RACI tasks, risks, actions).
 */

/** Anything with an id, listed in board order. */
export interface Listed {
	readonly id: string;
}

/**
 * The index that moves `id` one step up (`-1`) or down (`+1`) past its neighbour among the items
 * shown (`shown`, a filtered subsequence of `all`), or null when it is already at that end.
 * Hidden items between them keep their place relative to the neighbour.
 */
export function stepIndex(
	all: readonly Listed[],
	shown: readonly Listed[],
	id: string,
	step: -1 | 1
): number | null {
	const position = shown.findIndex((item) => item.id === id);
	if (position === -1) return null;
	const neighbour = shown[position + step];
	if (!neighbour) return null;
	// Moving to the neighbour's index puts the item just before it (going up) or, once the item
	// is taken out of the list, just after it (going down).
	return all.findIndex((item) => item.id === neighbour.id);
}

/**
 * The index that drops `id` just before (or after) `targetId`, or null when the drop changes
 * nothing (dropped on itself or on the spot it already holds).
 */
export function dropIndex(
	all: readonly Listed[],
	id: string,
	targetId: string,
	after: boolean
): number | null {
	if (id === targetId) return null;
	const from = all.findIndex((item) => item.id === id);
	const others = all.filter((item) => item.id !== id);
	const target = others.findIndex((item) => item.id === targetId);
	if (from === -1 || target === -1) return null;
	const index = target + (after ? 1 : 0);
	return index === from ? null : index;
}

/**
 * The item that takes the place of `id` once it leaves the items shown: the one after it, or the
 * one before when it was last; null when it was alone (or is not shown).
 */
export function neighbourAfterRemoval(shown: readonly Listed[], id: string): string | null {
	const position = shown.findIndex((item) => item.id === id);
	if (position === -1) return null;
	return (shown[position + 1] ?? shown[position - 1])?.id ?? null;
}

/** The 1-based position of `id` in `list` for announcements ("position 3 of 7"), or 0 when absent. */
export function positionOf(list: readonly Listed[], id: string): number {
	return list.findIndex((item) => item.id === id) + 1;
}

/** Where a dragged item would land among the items on screen: before or after the one at `at`. */
export interface DropSpot {
	readonly at: number;
	readonly after: boolean;
}

/**
 * Where the item at position `from` of a run of items on screen lands when dropped at height
 * `pointerY`, given each item's vertical middle (`middles`, top to bottom): just before the item
 * at `at` when it goes up, just after it when it goes down, or null when it stays where it is.
 */
export function dropSpot(
	middles: readonly number[],
	from: number,
	pointerY: number
): DropSpot | null {
	// How many of the other items stand above the pointer: the place the item takes among them.
	let slot = 0;
	middles.forEach((middle, position) => {
		if (position !== from && middle < pointerY) slot++;
	});
	if (slot === from) return null;
	// Going up it takes the place of the item now at `slot`; going down, the other items before
	// `slot` include the one at `slot` (the item itself left a gap above it).
	return { at: slot, after: slot > from };
}
