import type { TextShape } from '$lib/board/index.ts';

/** What a plain text field says when its text breaks a rule. */
export interface PlainTextMessages {
	/** Said when the text is empty; without it an empty text is fine (a role, a group name). */
	readonly empty?: string;
	/** Said when the text is longer than the field allows. */
	readonly tooLong: string;
}

const CONTROL_CHARACTER = /\p{Cc}/u;
const CONTROL_CHARACTER_BUT_NEWLINE = /[^\P{Cc}\n]/u;

/**
 * Why `value` breaks the rules of its field (the board's: trimmed, not empty when required, at
 * most `shape.max` characters, no control characters), or '' when it keeps them. A check to show
 * beside the field while someone types, never a reason to change what they typed.
 */
export function plainTextProblem(
	value: string,
	shape: TextShape,
	messages: PlainTextMessages
): string {
	const trimmed = value.trim();
	if (trimmed === '' && messages.empty) return messages.empty;
	if (trimmed.length > shape.max) return messages.tooLong;
	const control = shape.multiline ? CONTROL_CHARACTER_BUT_NEWLINE : CONTROL_CHARACTER;
	if (control.test(value)) return 'Control characters are not allowed here.';
	return '';
}

/** The messages of a required title: "A risk needs a title." and the length. */
export function titleMessages(noun: string): PlainTextMessages {
	return {
		empty: `A ${noun} needs a title.`,
		tooLong: `A ${noun} title has at most 200 characters.`
	};
}
