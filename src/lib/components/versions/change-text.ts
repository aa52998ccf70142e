import type {
	FieldChange,
	MilestoneMove,
	RaciCellChange,
	RiskScore
} from '$lib/board/diff/compare.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A due date as people read it; '' reads as "no date". */
export function dueText(due: string): string {
	return due ? dateFormat.format(new Date(`${due}T00:00:00Z`)) : 'no date';
}

/** A risk's score with its factors: "12 (likelihood 3 × impact 4)". */
export function scoreText(score: RiskScore): string {
	return `${score.score} (likelihood ${score.likelihood} × impact ${score.impact})`;
}

/** A RACI letter, or "empty" for an empty cell. */
export function raciText(value: RaciCellChange['before']): string {
	return value ?? 'empty';
}

/** A changed field as words: "owner Grace → Ada" (the arrow is read as "changed to"). */
export function fieldName(change: FieldChange): string {
	return change.field === 'due' ? 'due date' : change.field;
}

/** The value of a field as words, dates formatted. */
export function fieldValue(change: FieldChange, side: 'before' | 'after'): string {
	const value = change[side];
	return change.field === 'due' && value !== 'no date' ? dueText(value) : value;
}

/** A milestone's move in words: "from Mar 12, 2026 to Mar 17, 2026 (5 days later)". */
export function moveText({
	before,
	after,
	slip
}: Pick<MilestoneMove, 'before' | 'after' | 'slip'>) {
	const dates = `from ${dueText(before)} to ${dueText(after)}`;
	if (!slip) return dates;
	const days = Math.abs(slip);
	return `${dates} (${days.toLocaleString()} ${days === 1 ? 'day' : 'days'} ${slip > 0 ? 'later' : 'earlier'})`;
}
