import { describe, expect, it } from 'vitest';
import { fullWindow, rowWindow } from '../../../src/lib/board/views/row-window.ts';

describe('rowWindow', () => {
	const tenRows = Array.from({ length: 10 }, () => 50);

	it('renders the rows overlapping the band and accounts for the height of the others', () => {
		expect(rowWindow(tenRows, 120, 260)).toEqual({ start: 2, end: 6, before: 100, after: 200 });
	});

	it('starts at the top when the band starts above the list', () => {
		expect(rowWindow(tenRows, -500, 90)).toEqual({ start: 0, end: 2, before: 0, after: 400 });
	});

	it('renders the last row when the band is below the list', () => {
		expect(rowWindow(tenRows, 2000, 2500)).toEqual({ start: 9, end: 10, before: 450, after: 0 });
	});

	it('keeps the total height whatever the band, with rows of different heights', () => {
		const heights = [30, 200, 45, 45, 120, 60];
		const total = heights.reduce((sum, height) => sum + height, 0);
		for (const top of [0, 100, 250, 400, 499]) {
			const window = rowWindow(heights, top, top + 100);
			const rendered = heights.slice(window.start, window.end).reduce((sum, h) => sum + h, 0);
			expect(window.before + rendered + window.after).toBe(total);
			expect(window.end).toBeGreaterThan(window.start);
		}
	});

	it('renders nothing for an empty list', () => {
		expect(rowWindow([], 0, 100)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
	});
});

describe('fullWindow', () => {
	it('renders every row', () => {
		expect(fullWindow(7)).toEqual({ start: 0, end: 7, before: 0, after: 0 });
	});
});
