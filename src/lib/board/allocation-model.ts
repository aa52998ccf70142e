import * as z from 'zod';
import { idSchema } from './fields.ts';
import { isId } from './ids.ts';

/**
 * Resource allocations (DESIGN.md §3, `allocations`): a cell per person and month, keyed
 * `personId:YYYY-MM`, holding the share of that person's month given to the project as a whole
 * percent. An absent key is no allocation; 0 is never stored (it clears the cell).
 */

/** Bounds of an allocation: 100 is a full month; up to 200 so an overload can be written down. */
export const ALLOCATION_LIMITS = { min: 0, max: 200 } as const;

const percentMessage = `expected a whole percent from ${ALLOCATION_LIMITS.min} to ${ALLOCATION_LIMITS.max}`;

/** A stored allocation: a whole percent, 1–200 (0 is an absent cell). */
export const allocationPercentSchema = z
	.number({ error: percentMessage })
	.int({ error: percentMessage })
	.min(1, { error: percentMessage })
	.max(ALLOCATION_LIMITS.max, { error: percentMessage });

/** An allocation as a command takes it: 0 clears the cell. */
export const allocationInputSchema = z
	.number({ error: percentMessage })
	.int({ error: percentMessage })
	.min(ALLOCATION_LIMITS.min, { error: percentMessage })
	.max(ALLOCATION_LIMITS.max, { error: percentMessage });

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month, `YYYY-MM` (year 0001–9999, as due dates allow). */
export const monthSchema = z
	.string()
	.regex(MONTH_PATTERN, { error: 'expected a month as YYYY-MM' })
	.refine((month) => month >= '0001-01', { error: 'expected a year from 0001' });
/** A calendar month, `YYYY-MM`. */
export type Month = string;

/** An allocation cell as a command names it. */
export const allocationCellSchema = z.object({ person: idSchema, month: monthSchema });

/** The key of the allocation of a person in a month. */
export function allocationKey(personId: string, month: Month): string {
	return `${personId}:${month}`;
}

/** The person and month of an allocation key, or null when the key is malformed. */
export function parseAllocationKey(key: string): { personId: string; month: Month } | null {
	const [personId, month, ...rest] = key.split(':');
	if (rest.length > 0 || !isId(personId) || !monthSchema.safeParse(month).success) return null;
	return { personId, month: month! };
}

/** Whether `month` is a valid `YYYY-MM`. */
export function isMonth(month: unknown): month is Month {
	return monthSchema.safeParse(month).success;
}

/** The month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): Month {
	return date.slice(0, 7);
}

/** The month `count` months after `month` (before it when negative), kept within 0001–9999. */
export function addMonths(month: Month, count: number): Month {
	const [year, monthNumber] = month.split('-').map(Number);
	const index = Math.min(Math.max(year! * 12 + monthNumber! - 1 + count, 12), 9999 * 12 + 11);
	const pad = (value: number, width: number) => String(value).padStart(width, '0');
	return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

/** How many months from `from` to `to`: 0 for the same month, negative when `to` is earlier. */
export function monthsBetween(from: Month, to: Month): number {
	const index = (month: Month) => {
		const [year, monthNumber] = month.split('-').map(Number);
		return year! * 12 + monthNumber! - 1;
	};
	return index(to) - index(from);
}

/** "March 2027" (in the reader's locale), for labels and checks. */
export function formatMonth(month: Month, style: 'long' | 'short' = 'long'): string {
	const [year, monthNumber] = month.split('-').map(Number);
	// setFullYear, not the constructor: it reads years 0–99 as 1900–1999.
	const date = new Date(2000, 0, 1);
	date.setFullYear(year!, monthNumber! - 1, 1);
	return date.toLocaleDateString(undefined, { month: style, year: 'numeric' });
}
