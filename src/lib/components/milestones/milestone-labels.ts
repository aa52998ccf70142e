/** Milestone states in the user's words (one list, shared with exported documents). */
export { MILESTONE_STATUS_LABELS as STATUS_LABELS } from '$lib/board/views/milestone-schedule.ts';

import { dueInWords } from '$lib/board/dates.ts';

export { formatDate } from '$lib/board/dates.ts';
import type { Milestone } from '$lib/board/index.ts';

/** When a milestone is due, as the row says it: "Done", "No date", or dueInWords ("3 weeks late"). */
export function describeWhen(
	{ due, status }: Pick<Milestone, 'due' | 'status'>,
	today: string
): string {
	if (status === 'done') return 'Done';
	if (due === '') return 'No date';
	return dueInWords(due, today);
}
