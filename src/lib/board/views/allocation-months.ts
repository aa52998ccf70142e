import { addMonths, monthOf, monthsBetween, type Month } from '../allocation-model.ts';

/** The fewest months the resource grid shows, so a board with one milestone still plans ahead. */
export const MIN_SHOWN_MONTHS = 6;

/** A span of months, first and last included. */
export interface MonthRange {
	readonly from: Month;
	readonly to: Month;
}

/** Months a person added before and after the board's own span (kept in the browser, not the doc). */
export interface MonthExtension {
	readonly earlier: number;
	readonly later: number;
}

/**
 * The months the board plans: from its earliest milestone's due month (the current month when
 * no milestone has a date) to its latest, at least MIN_SHOWN_MONTHS long. Months that hold an
 * allocation widen it, so no allocation is ever off the grid. `today` is `YYYY-MM-DD`.
 */
export function boardMonthRange(
	milestones: readonly { readonly due: string }[],
	allocatedMonths: Iterable<Month>,
	today: string
): MonthRange {
	const months = milestones.filter(({ due }) => due !== '').map(({ due }) => monthOf(due));
	let from = months.length > 0 ? months.reduce(earliest) : monthOf(today);
	let to = months.length > 0 ? months.reduce(latest) : from;
	for (const month of allocatedMonths) {
		from = earliest(from, month);
		to = latest(to, month);
	}
	if (monthsBetween(from, to) < MIN_SHOWN_MONTHS - 1) to = addMonths(from, MIN_SHOWN_MONTHS - 1);
	return { from, to };
}

/** Every month of `range` widened by `extension`, in order. */
export function monthsOf(range: MonthRange, extension: MonthExtension = NO_EXTENSION): Month[] {
	const from = addMonths(range.from, -Math.max(0, extension.earlier));
	const to = addMonths(range.to, Math.max(0, extension.later));
	const count = monthsBetween(from, to) + 1;
	return Array.from({ length: Math.max(0, count) }, (_, index) => addMonths(from, index));
}

/** No months added either side. */
export const NO_EXTENSION: MonthExtension = { earlier: 0, later: 0 };

const earliest = (a: Month, b: Month) => (a <= b ? a : b);
const latest = (a: Month, b: Month) => (a >= b ? a : b);
