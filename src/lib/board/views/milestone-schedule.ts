import { compareByOrder } from '../order.ts';
import { dayNumber } from '../dates.ts';
import type { Milestone, MilestoneStatus } from '../schema.ts';

/** Milestone states in the user's words, for the milestones section and exported documents. */
export const MILESTONE_STATUS_LABELS = {
	planned: 'Planned',
	'at-risk': 'At risk',
	done: 'Done'
} as const satisfies Record<MilestoneStatus, string>;

/**
 * Milestones by due date, earliest first; undated ones last. Equal dates (and the undated)
 * keep board order, so every peer shows the same list.
 */
export function sortMilestones<M extends Milestone>(milestones: readonly M[]): M[] {
	return [...milestones].sort((a, b) => {
		if (a.due !== b.due) {
			if (a.due === '') return 1;
			if (b.due === '') return -1;
			return a.due < b.due ? -1 : 1;
		}
		return compareByOrder(a, b);
	});
}

/** Whether a milestone is late: not done and due before `today` (`YYYY-MM-DD`, passed in for tests). */
export function isOverdue(milestone: Pick<Milestone, 'due' | 'status'>, today: string): boolean {
	return milestone.status !== 'done' && milestone.due !== '' && milestone.due < today;
}

/** A milestone's place on the timeline strip. */
export interface TimelineMarker<M> {
	readonly milestone: M;
	/** 0 at the start of the strip, 1 at its end. */
	readonly position: number;
	/** Where its baseline date falls, when it has one other than its due date; else null. */
	readonly baseline: number | null;
}

/** The timeline strip: a date range covering every dated milestone and today. */
export interface Timeline<M> {
	readonly start: string;
	readonly end: string;
	/** Where today falls, 0…1. */
	readonly today: number;
	readonly markers: readonly TimelineMarker<M>[];
}

/**
 * Places dated milestones on a strip from the earliest date to the latest, today included so
 * the "today" line is always on it. Null when no milestone has a date. With `baselineDue`
 * (milestone id → its due date in the kickoff baseline), a dated milestone that moved also
 * gets its baseline date's place, and the strip covers those dates too. Where their labels go
 * depends on the labels' widths on screen: components/milestones/timeline-labels.ts.
 */
export function milestoneTimeline<M extends Milestone>(
	milestones: readonly M[],
	today: string,
	baselineDue: ReadonlyMap<string, string> = new Map()
): Timeline<M> | null {
	const dated = sortMilestones(milestones).filter((milestone) => milestone.due !== '');
	if (dated.length === 0) return null;
	const movedFrom = (milestone: M) => {
		const before = baselineDue.get(milestone.id) ?? '';
		return before !== '' && before !== milestone.due ? before : null;
	};
	const dates = [
		today,
		...dated.flatMap((milestone) => [milestone.due, movedFrom(milestone) ?? milestone.due])
	].sort();
	const first = dayNumber(dates[0]!);
	const span = dayNumber(dates[dates.length - 1]!) - first;
	// A strip of one day has no length: put everything in its middle.
	const positionOf = (date: string) => (span === 0 ? 0.5 : (dayNumber(date) - first) / span);
	return {
		start: dates[0]!,
		end: dates[dates.length - 1]!,
		today: positionOf(today),
		markers: dated.map((milestone) => {
			const before = movedFrom(milestone);
			return {
				milestone,
				position: positionOf(milestone.due),
				baseline: before === null ? null : positionOf(before)
			};
		})
	};
}
