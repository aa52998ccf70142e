import type { TextShape } from '$lib/board/index.ts';
import {
	CONTROL_CHARACTER_MESSAGE,
	emptyMessage,
	tooLongMessage,
	type FieldWords
} from './refusals.ts';

/** How a plain text field names itself in its messages, and whether it may be empty. */
export interface PlainTextWords extends FieldWords {
	/** An empty text is fine (a role, a group name); by default it is a problem. */
	optional?: boolean;
}

const CONTROL_CHARACTER = /\p{Cc}/u;
const CONTROL_CHARACTER_BUT_NEWLINE = /[^\P{Cc}\n]/u;

/**
 * Why `value` breaks the rules of its field (the board's: trimmed, not empty when required, at
 * most `shape.max` characters, no control characters), or '' when it keeps them. A check to show
 * beside the field while someone types, never a reason to change what they typed.
 */
export function plainTextProblem(value: string, shape: TextShape, words: PlainTextWords): string {
	const trimmed = value.trim();
	if (trimmed === '' && !words.optional) return emptyMessage(words);
	if (trimmed.length > shape.max) return tooLongMessage(words, shape.max);
	const control = shape.multiline ? CONTROL_CHARACTER_BUT_NEWLINE : CONTROL_CHARACTER;
	if (control.test(value)) return CONTROL_CHARACTER_MESSAGE;
	return '';
}
