import { describe, expect, it } from 'vitest';
import type { RiskStatus } from '../../../src/lib/board/schema.ts';
import {
	countInCell,
	countsOnHeatMap,
	describeCell,
	heatMapBandCounts,
	heatMapCaption,
	heatMapRisks,
	heatMapRows,
	heatMapTotal,
	stepCell
} from '../../../src/lib/board/views/risk-heat-map.ts';

describe('countsOnHeatMap', () => {
	it('counts every risk but a closed one', () => {
		const statuses: RiskStatus[] = ['open', 'mitigating', 'accepted', 'closed'];
		expect(statuses.filter((status) => countsOnHeatMap({ status }))).toEqual([
			'open',
			'mitigating',
			'accepted'
		]);
	});

	it('keeps the order of the risks it counts', () => {
		const risks = [
			{ id: 'a', status: 'closed' as const },
			{ id: 'b', status: 'open' as const },
			{ id: 'c', status: 'accepted' as const }
		];
		expect(heatMapRisks(risks).map((risk) => risk.id)).toEqual(['b', 'c']);
	});
});

describe('the heat map, its legend and its caption agree', () => {
	const risks = [
		{ likelihood: 5, impact: 5, status: 'open' },
		{ likelihood: 5, impact: 5, status: 'closed' },
		{ likelihood: 2, impact: 2, status: 'mitigating' },
		{ likelihood: 1, impact: 1, status: 'closed' }
	] as const;

	it('leaves a closed risk out of its cell, its band and the total', () => {
		const rows = heatMapRows(risks);
		expect(countInCell(rows, { likelihood: 5, impact: 5 })).toBe(1);
		expect(countInCell(rows, { likelihood: 1, impact: 1 })).toBe(0);
		expect(heatMapTotal(rows)).toBe(2);
		const bands = Object.fromEntries(
			heatMapBandCounts(risks).map(({ band, count }) => [band.id, count])
		);
		expect(bands).toEqual({ low: 1, medium: 0, high: 0, critical: 1 });
	});

	it('says how many risks it counts and that closed ones are not', () => {
		expect(heatMapCaption(2)).toBe('2 risks on the heat map. Closed risks are not counted.');
		expect(heatMapCaption(1)).toBe('1 risk on the heat map. Closed risks are not counted.');
	});
});

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
			{ likelihood: 4, impact: 5, status: 'open' },
			{ likelihood: 4, impact: 5, status: 'mitigating' },
			{ likelihood: 1, impact: 2, status: 'accepted' },
			{ likelihood: 5, impact: 4, status: 'open' }
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
