/**
 * Which rows of a long list to render: those that overlap the visible band (plus a margin),
 * with the height of the rows left out above and below, so the page keeps its full height and
 * scrolls as if every row were there. Heights are per row, measured or estimated.
 */
export interface RowWindow {
	/** First row rendered. */
	readonly start: number;
	/** One past the last row rendered. */
	readonly end: number;
	/** Total height of the rows above `start`. */
	readonly before: number;
	/** Total height of the rows from `end` on. */
	readonly after: number;
}

/**
 * The rows overlapping [top, bottom) (pixels from the top of the list). Always renders at least
 * one row of a non-empty list, so there is something to measure.
 */
export function rowWindow(heights: readonly number[], top: number, bottom: number): RowWindow {
	let start = 0;
	let before = 0;
	while (start < heights.length - 1 && before + (heights[start] ?? 0) <= top) {
		before += heights[start] ?? 0;
		start++;
	}
	let end = start;
	let edge = before;
	while (end < heights.length && (end === start || edge < bottom)) {
		edge += heights[end] ?? 0;
		end++;
	}
	let after = 0;
	for (let i = end; i < heights.length; i++) after += heights[i] ?? 0;
	return { start, end, before, after };
}

/** The whole list, for lists short enough to render at once. */
export function fullWindow(count: number): RowWindow {
	return { start: 0, end: count, before: 0, after: 0 };
}
