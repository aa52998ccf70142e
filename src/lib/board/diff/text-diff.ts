import { diffArrays } from 'diff';

/** A run of text that both sides share, or that only the newer ('added') or older ('removed') has. */
export interface TextPart {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

/**
 * A word-level diff of two texts: runs of shared, removed and added words, in reading order,
 * removed before added where a passage was replaced. Empty for equal texts. A word is what lies
 * between spaces, so "0.8%" → "5%" is one word replaced, never half a number (jsdiff's
 * diffWords splits at punctuation and marked "0.**8**→**5**%").
 */
export function diffText(before: string, after: string): TextPart[] {
	if (before === after) return [];
	return diffArrays(words(before), words(after)).map((change) => ({
		kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
		text: change.value.join('')
	}));
}

// Words and the spaces between them, each its own token, so joining them gives the text back.
function words(text: string): string[] {
	return text.split(/(\s+)/).filter((token) => token !== '');
}
