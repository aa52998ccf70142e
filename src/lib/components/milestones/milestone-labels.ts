/** Milestone states in the user's words (one list, shared with exported documents). */
export { MILESTONE_STATUS_LABELS as STATUS_LABELS } from '$lib/board/views/milestone-schedule.ts';

import { dueInWords, formatDate } from '$lib/board/dates.ts';
import type { Milestone } from '$lib/board/index.ts';
import { slipInWords, type MilestoneSlip } from '$lib/board/views/schedule-slip.ts';

export { formatDate } from '$lib/board/dates.ts';

/** When a milestone is due, as the row says it: "Done", "No date", or dueInWords ("3 weeks late"). */
export function describeWhen(
	{ due, status }: Pick<Milestone, 'due' | 'status'>,
	today: string
): string {
	if (status === 'done') return 'Done';
	if (due === '') return 'No date';
	return dueInWords(due, today);
}

/** A milestone's baseline beside its date, in words, and which way it slipped. */
export interface BaselineWords {
	/** "Baseline 12 Mar" (the year only when it differs from the current date's). */
	readonly date: string;
	/** "5 days late", "2 days early", or '' when there is no current date to measure. */
	readonly slip: string;
	readonly direction: 'late' | 'early' | null;
}

/** What the row says of the baseline: null when there is none or the date did not move. */
export function describeBaseline({
	milestone,
	baselineDue,
	slip
}: MilestoneSlip<Pick<Milestone, 'id' | 'due'>>): BaselineWords | null {
	if (baselineDue === '' || slip === 0) return null;
	const sameYear = milestone.due.slice(0, 4) === baselineDue.slice(0, 4);
	return {
		date: `Baseline ${formatDate(baselineDue, { withYear: !sameYear })}`,
		slip: slipInWords(slip),
		direction: slip === null ? null : slip > 0 ? 'late' : 'early'
	};
}
