import { describe, expect, it } from 'vitest';
import {
	countInCell,
	describeCell,
	heatMapRows,
	stepCell
} from '../../../src/lib/board/views/risk-heat-map.ts';

describe('heatMapRows', () => {
	it('lays out 5 rows of 5 cells, likelihood 5 on top and impact 1 on the left', () => {
		const rows = heatMapRows([]);
		expect(rows).toHaveLength(5);
		expect(rows.map((row) => row[0]?.likelihood)).toEqual([5, 4, 3, 2, 1]);
		for (const row of rows) expect(row.map((cell) => cell.impact)).toEqual([1, 2, 3, 4, 5]);
	});

	it('counts nothing on an empty board', () => {
		expect(
			heatMapRows([])
				.flat()
				.every((cell) => cell.count === 0)
		).toBe(true);
	});

	it('counts each risk in its own cell, and several risks in one cell', () => {
		const rows = heatMapRows([
			{ likelihood: 4, impact: 5 },
			{ likelihood: 4, impact: 5 },
			{ likelihood: 1, impact: 2 },
			{ likelihood: 5, impact: 4 }
		]);
		expect(countInCell(rows, { likelihood: 4, impact: 5 })).toBe(2);
		expect(countInCell(rows, { likelihood: 1, impact: 2 })).toBe(1);
		// Likelihood and impact are not interchangeable.
		expect(countInCell(rows, { likelihood: 5, impact: 4 })).toBe(1);
		expect(countInCell(rows, { likelihood: 2, impact: 1 })).toBe(0);
		const total = rows.flat().reduce((sum, cell) => sum + cell.count, 0);
		expect(total).toBe(4);
	});

	it('gives each cell its score and band', () => {
		const cells = heatMapRows([]).flat();
		const corner = cells.find((cell) => cell.likelihood === 5 && cell.impact === 5);
		expect(corner).toMatchObject({ score: 25, band: { id: 'critical' } });
		const low = cells.find((cell) => cell.likelihood === 1 && cell.impact === 4);
		expect(low).toMatchObject({ score: 4, band: { id: 'low' } });
		const medium = cells.find((cell) => cell.likelihood === 3 && cell.impact === 3);
		expect(medium).toMatchObject({ score: 9, band: { id: 'medium' } });
	});
});

describe('stepCell', () => {
	it('moves up to a higher likelihood and right to a higher impact', () => {
		expect(stepCell({ likelihood: 3, impact: 3 }, 'ArrowUp')).toEqual({ likelihood: 4, impact: 3 });
		expect(stepCell({ likelihood: 3, impact: 3 }, 'ArrowDown')).toEqual({
			likelihood: 2,
			impact: 3
		});
		expect(stepCell({ likelihood: 3, impact: 3 }, 'ArrowRight')).toEqual({
			likelihood: 3,
			impact: 4
		});
		expect(stepCell({ likelihood: 3, impact: 3 }, 'ArrowLeft')).toEqual({
			likelihood: 3,
			impact: 2
		});
	});

	it('stays inside the map at its edges', () => {
		expect(stepCell({ likelihood: 5, impact: 5 }, 'ArrowUp')).toEqual({ likelihood: 5, impact: 5 });
		expect(stepCell({ likelihood: 1, impact: 1 }, 'ArrowLeft')).toEqual({
			likelihood: 1,
			impact: 1
		});
	});

	it('ignores keys that are not arrows', () => {
		expect(stepCell({ likelihood: 3, impact: 3 }, 'Enter')).toBeNull();
	});
});

describe('describeCell', () => {
	it('names a cell by its axes and count, in the singular for one', () => {
		expect(describeCell({ likelihood: 4, impact: 5 }, 2)).toBe('Likelihood 4, impact 5: 2 risks');
		expect(describeCell({ likelihood: 1, impact: 1 }, 1)).toBe('Likelihood 1, impact 1: 1 risk');
		expect(describeCell({ likelihood: 1, impact: 1 }, 0)).toBe('Likelihood 1, impact 1: 0 risks');
	});
});
