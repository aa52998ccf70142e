/** The value below which `fraction` of the sorted samples lie (nearest rank). */
export function percentile(sorted: ArrayLike<number>, fraction: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
	return sorted[rank]!;
}

/** The median of some numbers (NaN when there are none). */
export function median(values: readonly number[]): number {
	const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (finite.length === 0) return Number.NaN;
	const middle = finite.length >> 1;
	return finite.length % 2 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

/** For each field, the median over several runs' figures. */
export function medianFigures<T extends Record<string, number>>(runs: readonly T[]): T {
	const keys = Object.keys(runs[0] ?? {}) as (keyof T)[];
	return Object.fromEntries(
		keys.map((key) => [key, median(runs.map((run) => run[key] as number))])
	) as T;
}
