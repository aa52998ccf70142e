/**
 * One edit of a plain text: remove `remove` UTF-16 code units at `index`, then insert `insert`
 * there. What a keystroke, a paste or a rename amounts to, as Y.Text applies it.
 */
export interface TextChange {
	readonly index: number;
	readonly remove: number;
	readonly insert: string;
}

/** True for a change that changes nothing. */
export function isNoChange(change: TextChange): boolean {
	return change.remove === 0 && change.insert === '';
}

/**
 * The smallest single change that turns `before` into `after`: their common start and end are
 * kept, so a rename folded into a shared text leaves what others typed outside the changed
 * part alone. `caret` (where the caret is in `after`, after a keystroke) places the change where
 * the user made it when the text repeats: typing "a" after the first "a" of "aa" is an insert at
 * 1, not at 2.
 */
export function textChange(before: string, after: string, caret?: number): TextChange {
	const shortest = Math.min(before.length, after.length);
	const tail = caret === undefined ? null : tailAfterCaret(before, after, caret);
	const prefix = commonPrefix(before, after, shortest - (tail ?? 0));
	const suffix = tail ?? commonSuffix(before, after, shortest - prefix);
	return {
		index: prefix,
		remove: before.length - prefix - suffix,
		insert: after.slice(prefix, after.length - suffix)
	};
}

// The edit ended at the caret, so everything after it is text that was there before; null when
// that does not hold (a caret a script set), and the longest common start and end are used.
function tailAfterCaret(before: string, after: string, caret: number): number | null {
	if (caret < 0 || caret > after.length) return null;
	const tail = after.length - caret;
	if (tail > before.length || !before.endsWith(after.slice(caret))) return null;
	return keepPairsWhole(before, after, tail, 'end');
}

function commonSuffix(before: string, after: string, limit: number): number {
	let length = 0;
	while (
		length < limit &&
		before.charCodeAt(before.length - 1 - length) === after.charCodeAt(after.length - 1 - length)
	)
		length++;
	return keepPairsWhole(before, after, length, 'end');
}

function commonPrefix(before: string, after: string, limit: number): number {
	let length = 0;
	while (length < limit && before.charCodeAt(length) === after.charCodeAt(length)) length++;
	return keepPairsWhole(before, after, length, 'start');
}

// A change must never split a surrogate pair (an emoji, a rare CJK character): Yjs encodes a
// lone surrogate as U+FFFD, which would corrupt the character for every peer.
function keepPairsWhole(
	before: string,
	after: string,
	length: number,
	side: 'start' | 'end'
): number {
	if (length === 0) return 0;
	if (side === 'start') {
		return isHighSurrogate(before.charCodeAt(length - 1)) ||
			isHighSurrogate(after.charCodeAt(length - 1))
			? length - 1
			: length;
	}
	return isLowSurrogate(before.charCodeAt(before.length - length)) ||
		isLowSurrogate(after.charCodeAt(after.length - length))
		? length - 1
		: length;
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Where a position in a text ends up after a change of that text: positions after the changed
 * part move with it, positions inside a removed part go to its start, and a position exactly
 * where text was inserted stays before the insertion (a caret keeps to the character on its left).
 */
export function movePosition(position: number, change: TextChange): number {
	if (position <= change.index) return position;
	const removedEnd = change.index + change.remove;
	if (position < removedEnd) return change.index;
	return position - change.remove + change.insert.length;
}
