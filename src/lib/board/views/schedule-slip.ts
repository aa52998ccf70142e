import { dayNumber } from '../dates.ts';
import type { Milestone } from '../schema.ts';

/**
 * The schedule against the kickoff baseline: how far each milestone's due date has moved since
 * the baseline was saved. Plain calendar days (weekends are not special), so the number is the
 * one a reader gets by counting on a calendar.
 */

/** What slip needs of a milestone, on either side. */
export type DatedMilestone = Pick<Milestone, 'id' | 'due'>;

/** One current milestone against the baseline. */
export interface MilestoneSlip<M extends DatedMilestone = Milestone> {
	readonly milestone: M;
	/** Its due date in the baseline; '' when the baseline has no date for it (or no such milestone). */
	readonly baselineDue: string;
	/** Current due − baseline due, in calendar days; null when either date is missing. */
	readonly slip: number | null;
}

/** Every current milestone against the baseline, and the ones that slipped. */
export interface ScheduleSlip<M extends DatedMilestone = Milestone> {
	/** Each current milestone, in the order given. */
	readonly milestones: readonly MilestoneSlip<M>[];
	/** Each current milestone by id. */
	readonly byId: ReadonlyMap<string, MilestoneSlip<M>>;
	/** Those due later than in the baseline (slip > 0), the most slipped first. */
	readonly slipped: readonly MilestoneSlip<M>[];
}

/** Days from `baselineDue` to `due`; null when either is '' (no date, so nothing to measure). */
export function slipDays(due: string, baselineDue: string): number | null {
	if (due === '' || baselineDue === '') return null;
	return dayNumber(due) - dayNumber(baselineDue);
}

/**
 * Compares the current milestones with the baseline's, matched by id. A milestone added after
 * the baseline, or undated on either side, has no slip; a done milestone still reports its slip
 * (it was delivered that late). The milestones equally slipped keep their due-date order.
 */
export function scheduleSlip<M extends DatedMilestone>(
	current: readonly M[],
	baseline: readonly DatedMilestone[]
): ScheduleSlip<M> {
	const baselineDue = new Map(baseline.map((milestone) => [milestone.id, milestone.due]));
	const milestones = current.map((milestone) => {
		const before = baselineDue.get(milestone.id) ?? '';
		return { milestone, baselineDue: before, slip: slipDays(milestone.due, before) };
	});
	const slipped = milestones
		.filter((entry) => (entry.slip ?? 0) > 0)
		.sort(
			(a, b) =>
				b.slip! - a.slip! ||
				compareText(a.milestone.due, b.milestone.due) ||
				compareText(a.milestone.id, b.milestone.id)
		);
	return {
		milestones,
		byId: new Map(milestones.map((entry) => [entry.milestone.id, entry])),
		slipped
	};
}

/** A slip in words: "5 days late", "1 day early", '' when on time or unknown. */
export function slipInWords(slip: number | null): string {
	if (!slip) return '';
	const days = Math.abs(slip);
	return `${days.toLocaleString()} ${days === 1 ? 'day' : 'days'} ${slip > 0 ? 'late' : 'early'}`;
}

/** A slip as a signed count for lists: "+5 days", "−2 days", '' when on time or unknown. */
export function slipSigned(slip: number | null): string {
	if (!slip) return '';
	const days = Math.abs(slip);
	return `${slip > 0 ? '+' : '−'}${days.toLocaleString()} ${days === 1 ? 'day' : 'days'}`;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
