/** Milestone states in the user's words (one list, shared with exported documents). */
export { MILESTONE_STATUS_LABELS as STATUS_LABELS } from '$lib/board/views/milestone-schedule.ts';

/** A `YYYY-MM-DD` date as the user's locale writes it, short ("12 Mar 2026"). */
export function formatDate(date: string): string {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(year!, month! - 1, day!).toLocaleDateString(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
}
