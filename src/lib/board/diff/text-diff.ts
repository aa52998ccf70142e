import { diffWords } from 'diff';

/** A run of text that both sides share, or that only the newer ('added') or older ('removed') has. */
export interface TextPart {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

/**
 * A word-level diff of two texts (jsdiff's diffWords): runs of shared, removed and added words,
 * in reading order, removed before added where a passage was replaced. Empty for equal texts.
 */
export function diffText(before: string, after: string): TextPart[] {
	if (before === after) return [];
	return diffWords(before, after).map((change) => ({
		kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
		text: change.value
	}));
}
