import type * as z from 'zod';
import { BoardCommandError, EntityNotFoundError, InvalidInputError } from '$lib/board/index.ts';

/**
 * The one way the UI writes to the board and puts a refusal in words. The limits in the words
 * come from the board's schemas (the zod issue's `maximum`, a field's TextShape), so a limit
 * changed in src/lib/board changes every message that states it.
 */

/** How a message names a field: the entry it belongs to, and which field of it. */
export interface FieldWords {
	/** The entry, as people call it: 'risk', 'task', 'card', 'person'; or a setting's name. */
	noun: string;
	/** The field: a text field (a title by default), or 'number' for a setting's value. */
	field?: 'title' | 'name' | 'role' | 'notes' | 'text' | 'number';
}

const numbers = new Intl.NumberFormat('en-US');

/** "A risk needs a title.", "A person needs a name.", "A card needs some text." */
export function emptyMessage({ noun, field = 'title' }: FieldWords): string {
	const what = field === 'text' || field === 'notes' ? `some ${field}` : `a ${field}`;
	return `${article(noun)} ${noun} needs ${what}.`;
}

/** "A risk title has at most 200 characters.", "A person's role …", "A card …". */
export function tooLongMessage({ noun, field = 'title' }: FieldWords, max: number): string {
	const subject =
		field === 'text'
			? `${article(noun)} ${noun}`
			: field === 'title'
				? `${article(noun)} ${noun} title`
				: `${article(noun)} ${noun}'s ${field}`;
	return `${subject} has at most ${numbers.format(max)} characters.`;
}

/** Said of a text with a control character in it (a tab, a bell). */
export const CONTROL_CHARACTER_MESSAGE = 'Control characters are not allowed here.';

/** Said of a due date the board refused (the UI says more precisely what it saw: date-problem.ts). */
export const INVALID_DUE_DATE_MESSAGE = 'The due date must be a real day, in a year up to 9999.';

const TEXT_FIELDS = new Set(['title', 'name', 'role', 'text']);

/**
 * What to tell the person whose input a command refused, from the first zod issue: the field it
 * concerns (a bare value is the `words` field) and what is wrong with it.
 */
export function inputMessage(issues: readonly z.core.$ZodIssue[], words: FieldWords): string {
	const issue = issues[0];
	if (!issue) return `That ${words.noun} could not be saved.`;
	const key = issue.path.length > 0 ? String(issue.path[0]) : (words.field ?? 'title');
	if (key === 'due') return INVALID_DUE_DATE_MESSAGE;
	if (key === 'number' && (issue.code === 'too_big' || issue.code === 'too_small')) {
		const bound =
			issue.code === 'too_big' ? `at most ${issue.maximum}` : `at least ${issue.minimum}`;
		return `${capitalized(words.noun)} can be ${bound}.`;
	}
	if (TEXT_FIELDS.has(key)) {
		const field = { ...words, field: key as FieldWords['field'] };
		if (issue.code === 'too_big') return tooLongMessage(field, Number(issue.maximum));
		if (issue.code === 'too_small') return emptyMessage(field);
		if (issue.code === 'custom') return CONTROL_CHARACTER_MESSAGE;
	}
	return `${capitalized(words.noun)} not saved: ${issue.message}.`;
}

/** What a command's refusal means to the person who asked for it. */
export interface RefusalWords extends FieldWords {
	/**
	 * Said when the entry is gone (a peer removed it a moment ago); by default nothing, since its
	 * row is already leaving the screen.
	 */
	gone?: string;
	/** Words for a refusal particular to a section (a vote limit, a retro phase), if any. */
	explain?: (error: BoardCommandError) => string | undefined;
}

/**
 * What became of a command: written, or refused with what to tell the person ('' for nothing)
 * and, when the refusal concerns one field of the input, which (`due`, `title`), so a form shows
 * the message on that field.
 */
export type CommandOutcome = { ok: true } | { ok: false; message: string; field?: string };

/**
 * Runs one board write for the UI. A refusal by the board (its input broke a rule, the entry is
 * gone, the retro moved on) becomes a message; any other error is a bug and is thrown on. A
 * write that is itself a runCommand (a list's update) hands its outcome through.
 */
export function runCommand(write: () => unknown, words: RefusalWords): CommandOutcome {
	try {
		const result = write();
		return isOutcome(result) ? result : { ok: true };
	} catch (error) {
		if (!(error instanceof BoardCommandError)) throw error;
		const field = refusedField(error);
		return { ok: false, message: refusalMessage(error, words), ...(field && { field }) };
	}
}

/** The field of the input a refusal concerns, when the board named one. */
function refusedField(error: BoardCommandError): string | undefined {
	if (!(error instanceof InvalidInputError)) return undefined;
	const key = error.issues[0]?.path[0];
	return typeof key === 'string' ? key : undefined;
}

/** The words for a board command's refusal. */
export function refusalMessage(error: BoardCommandError, words: RefusalWords): string {
	const explained = words.explain?.(error);
	if (explained !== undefined) return explained;
	if (error instanceof EntityNotFoundError) return words.gone ?? '';
	if (error instanceof InvalidInputError) return inputMessage(error.issues, words);
	// The command's name leads the message ("setPhase: …"); people need only the rest.
	return error.message.replace(/^\w+: /, '');
}

function isOutcome(value: unknown): value is CommandOutcome {
	return typeof value === 'object' && value !== null && 'ok' in value;
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function article(noun: string): string {
	return /^[aeiou]/i.test(noun) ? 'An' : 'A';
}
