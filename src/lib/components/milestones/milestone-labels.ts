import type { MilestoneStatus } from '$lib/board/index.ts';

/** Milestone states in the user's words. */
export const STATUS_LABELS = {
	planned: 'Planned',
	'at-risk': 'At risk',
	done: 'Done'
} as const satisfies Record<MilestoneStatus, string>;

/** A `YYYY-MM-DD` date as the user's locale writes it, short ("12 Mar 2026"). */
export function formatDate(date: string): string {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(year!, month! - 1, day!).toLocaleDateString(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
}
