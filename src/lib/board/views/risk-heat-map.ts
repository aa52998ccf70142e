import type { Risk } from '../schema.ts';
import {
	RISK_BANDS,
	RISK_LEVELS,
	bandOfScore,
	isRiskLevel,
	riskBand,
	type RiskBand,
	type RiskLevel
} from './risk-bands.ts';

/** One cell of the 5 × 5 heat map: a likelihood and an impact. */
export interface HeatCell {
	readonly likelihood: RiskLevel;
	readonly impact: RiskLevel;
}

/** A heat-map cell with what it shows: its score, band and how many risks sit in it. */
export interface HeatCellCount extends HeatCell {
	readonly score: number;
	readonly band: RiskBand;
	readonly count: number;
}

/** A key naming a cell, for maps and Svelte's keyed each blocks. */
export function heatCellKey(cell: { likelihood: number; impact: number }): string {
	return `${cell.likelihood}x${cell.impact}`;
}

/** The cell a key names (heatCellKey's inverse), or null for anything else. */
export function cellOfKey(key: string | undefined): HeatCell | null {
	const match = /^([1-5])x([1-5])$/.exec(key ?? '');
	if (!match) return null;
	const likelihood = Number(match[1]);
	const impact = Number(match[2]);
	return isRiskLevel(likelihood) && isRiskLevel(impact) ? { likelihood, impact } : null;
}

/** Whether a risk sits in a cell. */
export function isInCell(risk: Pick<Risk, 'likelihood' | 'impact'>, cell: HeatCell): boolean {
	return risk.likelihood === cell.likelihood && risk.impact === cell.impact;
}

/** Whether two cells are the same (either may be null). */
export function sameCell(a: HeatCell | null, b: HeatCell | null): boolean {
	return a !== null && b !== null && a.likelihood === b.likelihood && a.impact === b.impact;
}

/**
 * Whether a risk counts on the heat map: every risk but a closed one, which no longer threatens
 * the project. The one rule the screen's heat map and legend, the overview, the Markdown and CSV
 * exports and the printed document all follow, so their counts never disagree.
 */
export function countsOnHeatMap(risk: Pick<Risk, 'status'>): boolean {
	return risk.status !== 'closed';
}

/** The risks a heat map counts (see countsOnHeatMap), in the order given. */
export function heatMapRisks<R extends Pick<Risk, 'status'>>(risks: readonly R[]): R[] {
	return risks.filter(countsOnHeatMap);
}

/** What every heat map and its legend say about the risks they leave out. */
export const HEAT_MAP_RULE = 'Closed risks are not counted.';

/** The line under every heat map, e.g. "2 risks on the heat map. Closed risks are not counted." */
export function heatMapCaption(counted: number): string {
	return `${counted} ${counted === 1 ? 'risk' : 'risks'} on the heat map. ${HEAT_MAP_RULE}`;
}

/** How many risks rows made by heatMapRows count in all. */
export function heatMapTotal(rows: readonly HeatCellCount[][]): number {
	return rows.flat().reduce((sum, cell) => sum + cell.count, 0);
}

/** How many of `risks` count on the heat map in each severity band, lowest band first. */
export function heatMapBandCounts(
	risks: readonly Pick<Risk, 'likelihood' | 'impact' | 'status'>[]
): { band: RiskBand; count: number }[] {
	const counted = heatMapRisks(risks);
	return RISK_BANDS.map((band) => ({
		band,
		count: counted.filter((risk) => riskBand(risk).id === band.id).length
	}));
}

/**
 * The heat map's rows as displayed: likelihood from 5 (top) down to 1, each row holding impact
 * 1 (left) to 5, every cell with the number of `risks` in it that count on the heat map (closed
 * risks do not). Empty cells count 0.
 */
export function heatMapRows(
	risks: readonly Pick<Risk, 'likelihood' | 'impact' | 'status'>[]
): HeatCellCount[][] {
	const counts = new Map<string, number>();
	for (const risk of heatMapRisks(risks)) {
		const key = heatCellKey(risk);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...RISK_LEVELS].reverse().map((likelihood) =>
		RISK_LEVELS.map((impact) => {
			const score = likelihood * impact;
			const count = counts.get(heatCellKey({ likelihood, impact })) ?? 0;
			return { likelihood, impact, score, band: bandOfScore(score), count };
		})
	);
}

/** The count of one cell in rows made by heatMapRows. */
export function countInCell(rows: readonly HeatCellCount[][], cell: HeatCell): number {
	return rows.flat().find((candidate) => sameCell(candidate, cell))?.count ?? 0;
}

/** The cell one arrow-key step away, staying inside the map (up = more likely, right = more impact). */
export function stepCell(cell: HeatCell, key: string): HeatCell | null {
	const moves: Record<string, [number, number]> = {
		ArrowUp: [1, 0],
		ArrowDown: [-1, 0],
		ArrowRight: [0, 1],
		ArrowLeft: [0, -1]
	};
	const move = moves[key];
	if (!move) return null;
	return {
		likelihood: clampLevel(cell.likelihood + move[0]),
		impact: clampLevel(cell.impact + move[1])
	};
}

/** How a cell is read aloud and named, e.g. "Likelihood 4, impact 5: 2 risks". */
export function describeCell(cell: HeatCell, count: number): string {
	return `Likelihood ${cell.likelihood}, impact ${cell.impact}: ${count} ${count === 1 ? 'risk' : 'risks'}`;
}

function clampLevel(value: number): RiskLevel {
	return Math.min(5, Math.max(1, value)) as RiskLevel;
}
