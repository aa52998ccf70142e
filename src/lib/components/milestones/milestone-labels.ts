/** Milestone states in the user's words (one list, shared with exported documents). */
export { MILESTONE_STATUS_LABELS as STATUS_LABELS } from '$lib/board/views/milestone-schedule.ts';

import { daysUntil } from '$lib/board/dates.ts';

export { formatDate } from '$lib/board/dates.ts';
import type { Milestone } from '$lib/board/index.ts';

/**
 * When a milestone is due, as the row says it: "Due today", "In 5 days", "3 weeks late",
 * "In 4 months", "In 12 years" — days while they are few, then weeks, months and years.
 */
export function describeWhen(
	{ due, status }: Pick<Milestone, 'due' | 'status'>,
	today: string
): string {
	if (status === 'done') return 'Done';
	if (due === '') return 'No date';
	const days = daysUntil(due, today);
	if (days === 0) return 'Due today';
	if (days === 1) return 'Due tomorrow';
	if (days === -1) return '1 day late';
	const span = spanInWords(Math.abs(days));
	return days > 0 ? `In ${span}` : `${span} late`;
}

// A number of days in the largest unit that keeps it readable.
function spanInWords(days: number): string {
	const count = (amount: number, unit: string) =>
		`${amount.toLocaleString()} ${unit}${amount === 1 ? '' : 's'}`;
	if (days < 14) return count(days, 'day');
	if (days < 61) return count(Math.round(days / 7), 'week');
	if (days < 730) return count(Math.round(days / 30.44), 'month');
	return count(Math.round(days / 365.25), 'year');
}
