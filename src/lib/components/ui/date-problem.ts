import { dateSchema } from '$lib/board/index.ts';

/**
 * The last day a date field offers. The board keeps four-digit years (fields.ts `dateSchema`);
 * as the input's `max`, it also stops the browser taking a fifth digit of a year.
 */
export const LAST_DATE = '9999-12-31';

/** What a date input holds: its value, and whether the browser could not read what was typed. */
export interface DateEntry {
	readonly value: string;
	/** `validity.badInput`: a date half typed or not on the calendar, reported as value ''. */
	readonly badInput: boolean;
}

/**
 * Why what is typed in a due date field is no date the board can keep, in words that name the
 * field, or '' when it is one. An empty field is fine: it means no date.
 */
export function dateProblem({ value, badInput }: DateEntry): string {
	if (badInput) return 'The due date is incomplete or not on the calendar (like 31 April).';
	if (value === '' || dateSchema.safeParse(value).success) return '';
	if (/^\d{5,}-/.test(value))
		return 'The due date is too far ahead: the last year it can be is 9999.';
	return 'The due date is not a real day.';
}
