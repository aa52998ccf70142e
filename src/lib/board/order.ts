import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Anything kept in an ordered collection: sorted by its fractional `order` key, then its id. */
export interface Ordered {
	readonly id: string;
	readonly order: string;
}

// The library's default alphabet; anything else (or a multi-byte character, which its lookup
// tables silently misread) cannot be a key it generated.
const KEY_CHARACTERS = /^[0-9A-Za-z]+$/;

/**
 * Sorts by (order, id) with plain code-unit comparison, the comparison fractional keys are built
 * for; the id breaks ties between equal keys that two peers created concurrently, so every peer
 * sorts the same way.
 */
export function compareByOrder(a: Ordered, b: Ordered): number {
	if (a.order !== b.order) return a.order < b.order ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return 0;
}

/** Whether a string is a well-formed fractional key; a remote peer can write any string. */
export function isOrderKey(key: string): boolean {
	if (!KEY_CHARACTERS.test(key)) return false;
	try {
		generateKeyBetween(key, null);
		return true;
	} catch {
		return false;
	}
}

/** `count` evenly spread keys for a new list, e.g. a template's default retro columns. */
export function initialOrders(count: number): string[] {
	return generateNKeysBetween(null, null, count);
}

/** A key that sorts after every well-formed key in `sorted` (which must be sorted by compareByOrder). */
export function orderAtEnd(sorted: readonly Ordered[]): string {
	const keys = sorted.map((item) => item.order);
	return keyBetween(nearestValidKey(keys, keys.length - 1, -1), null);
}

/**
 * A key that places an item at `index` among `sortedOthers` (the list sorted by compareByOrder,
 * without the item itself); `index` is clamped to the list.
 *
 * Never throws, whatever peers wrote:
 * - When the two neighbours share a key (two peers inserted at the same spot concurrently), no
 *   key fits strictly between them, so the item goes to the nearer edge of that run of equal
 *   keys (the lower edge on a tie) and lands one or more places off the requested index.
 * - Malformed keys are stepped over to the nearest well-formed neighbour, so the item may land
 *   on the far side of them.
 */
export function orderForIndex(sortedOthers: readonly Ordered[], index: number): string {
	const keys = sortedOthers.map((item) => item.order);
	const gap = gapOutsideTies(keys, clamp(Math.trunc(index), 0, keys.length));
	return keyBetween(nearestValidKey(keys, gap - 1, -1), nearestValidKey(keys, gap, 1));
}

/** Moves a gap that falls inside a run of equal keys to the nearer edge of that run. */
function gapOutsideTies(keys: readonly string[], gap: number): number {
	const below = keys[gap - 1];
	if (below === undefined || below !== keys[gap]) return gap;
	let start = gap - 1;
	while (keys[start - 1] === below) start--;
	let end = gap + 1;
	while (keys[end] === below) end++;
	return gap - start <= end - gap ? start : end;
}

/** The first well-formed key from `from` walking in `step` direction, or null past the list's end. */
function nearestValidKey(keys: readonly string[], from: number, step: 1 | -1): string | null {
	for (let i = from; i >= 0 && i < keys.length; i += step) {
		const key = keys[i];
		if (key !== undefined && isOrderKey(key)) return key;
	}
	return null;
}

/** generateKeyBetween, falling back to looser bounds instead of throwing on unusual input. */
function keyBetween(lower: string | null, upper: string | null): string {
	try {
		return generateKeyBetween(lower, upper);
	} catch {
		// Only reachable with bounds out of order or at the ends of the key space.
		try {
			return generateKeyBetween(lower, null);
		} catch {
			return generateKeyBetween(null, null);
		}
	}
}

function clamp(value: number, min: number, max: number): number {
	return Number.isNaN(value) ? max : Math.min(max, Math.max(min, value));
}
