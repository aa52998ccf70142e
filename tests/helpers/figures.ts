import { appendFileSync } from 'node:fs';

/** One reliability figure of issue 5, as `npm run test:reliability` prints it. */
export interface Figure {
	/** Short name, e.g. "kill -9". */
	name: string;
	/** What was measured, in words and numbers. */
	measured: string;
	/** What the figure must be. */
	target: string;
	pass: boolean;
	/** The seed that replays the run (CHARTER_SEED), when it is randomized. */
	seed?: number;
}

/**
 * Reports a figure: printed at once, and appended to `CHARTER_FIGURES_FILE` (JSON lines) when
 * the reliability runner set it, so the runner can print every figure in one table.
 */
export function reportFigure(figure: Figure): void {
	const seed = figure.seed === undefined ? '' : ` (seed ${figure.seed})`;
	console.log(`[figure] ${figure.name}: ${figure.measured} — target ${figure.target}${seed}`);
	const file = process.env.CHARTER_FIGURES_FILE;
	if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

/** The `fraction` quantile (0–1) of samples, by the nearest-rank method. */
export function quantile(samples: readonly number[], fraction: number): number {
	if (samples.length === 0) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
	return sorted[rank]!;
}

/** The median of values. */
export function median(values: readonly number[]): number {
	return quantile(values, 0.5);
}
