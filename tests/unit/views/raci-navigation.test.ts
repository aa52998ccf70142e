import { describe, expect, it } from 'vitest';
import {
	clampPosition,
	navigateGrid,
	PAGE_ROWS
} from '../../../src/lib/board/views/raci-navigation.ts';

const size = { rows: 10, columns: 4 };

describe('navigateGrid', () => {
	it('moves one cell with each arrow key', () => {
		const from = { row: 3, column: 2 };
		expect(navigateGrid(from, 'ArrowUp', size)).toEqual({ row: 2, column: 2 });
		expect(navigateGrid(from, 'ArrowDown', size)).toEqual({ row: 4, column: 2 });
		expect(navigateGrid(from, 'ArrowLeft', size)).toEqual({ row: 3, column: 1 });
		expect(navigateGrid(from, 'ArrowRight', size)).toEqual({ row: 3, column: 3 });
	});

	it('stops at the edges instead of wrapping', () => {
		expect(navigateGrid({ row: 0, column: 0 }, 'ArrowUp', size)).toEqual({ row: 0, column: 0 });
		expect(navigateGrid({ row: 0, column: 0 }, 'ArrowLeft', size)).toEqual({ row: 0, column: 0 });
		expect(navigateGrid({ row: 9, column: 3 }, 'ArrowDown', size)).toEqual({ row: 9, column: 3 });
		expect(navigateGrid({ row: 9, column: 3 }, 'ArrowRight', size)).toEqual({ row: 9, column: 3 });
	});

	it('goes to the ends of the row with Home and End, and to the corners with Ctrl', () => {
		const from = { row: 4, column: 2 };
		expect(navigateGrid(from, 'Home', size)).toEqual({ row: 4, column: 0 });
		expect(navigateGrid(from, 'End', size)).toEqual({ row: 4, column: 3 });
		expect(navigateGrid(from, 'Home', size, { ctrlKey: true })).toEqual({ row: 0, column: 0 });
		expect(navigateGrid(from, 'End', size, { metaKey: true })).toEqual({ row: 9, column: 3 });
	});

	it('jumps a page of rows with Page Up and Page Down, stopping at the edges', () => {
		expect(navigateGrid({ row: 1, column: 1 }, 'PageDown', size)).toEqual({
			row: 1 + PAGE_ROWS,
			column: 1
		});
		expect(navigateGrid({ row: 8, column: 1 }, 'PageDown', size)).toEqual({ row: 9, column: 1 });
		expect(navigateGrid({ row: 2, column: 1 }, 'PageUp', size)).toEqual({ row: 0, column: 1 });
	});

	it('returns null for keys that do not navigate and in an empty grid', () => {
		expect(navigateGrid({ row: 0, column: 0 }, 'r', size)).toBeNull();
		expect(navigateGrid({ row: 0, column: 0 }, 'Enter', size)).toBeNull();
		expect(navigateGrid({ row: 0, column: 0 }, 'ArrowDown', { rows: 0, columns: 3 })).toBeNull();
	});

	it('starts from the nearest cell when the focused row was removed', () => {
		expect(navigateGrid({ row: 12, column: 1 }, 'ArrowUp', size)).toEqual({ row: 8, column: 1 });
	});
});

describe('clampPosition', () => {
	it('keeps a position inside the grid', () => {
		expect(clampPosition({ row: 20, column: -1 }, size)).toEqual({ row: 9, column: 0 });
		expect(clampPosition({ row: 2, column: 2 }, size)).toEqual({ row: 2, column: 2 });
		expect(clampPosition({ row: 2, column: 2 }, { rows: 0, columns: 0 })).toEqual({
			row: 0,
			column: 0
		});
	});
});
