import * as Y from 'yjs';
import type { VersionInfo } from '../store/store.ts';

const DAY_MS = 86_400_000;

/** How long automatic checkpoints are kept, and how thinly once older. */
export const CHECKPOINT_RETENTION = {
	/** Every checkpoint younger than this is kept. */
	keepAllMs: DAY_MS,
	/** Then, up to this age, the newest of each UTC day; older, the newest of each UTC week. */
	dailyMs: 30 * DAY_MS
} as const;

// UTC weeks starting on Monday: 1 January 1970 was a Thursday.
const weekOf = (time: number) => Math.floor((Math.floor(time / DAY_MS) + 3) / 7);
const dayOf = (time: number) => Math.floor(time / DAY_MS);

/**
 * The automatic checkpoints to delete so that a board keeps every checkpoint of the last day,
 * the newest of each UTC day for a month, and the newest of each UTC week before that. Saved
 * (labelled) versions are never pruned, nor any id in `keep` (the board's baseline).
 */
export function checkpointsToPrune(
	versions: readonly VersionInfo[],
	now: number,
	keep: ReadonlySet<string>
): string[] {
	const newestFirst = versions
		.filter((version) => version.kind === 'auto')
		.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
	const keptPeriods = new Set<string>();
	const prune: string[] = [];
	for (const version of newestFirst) {
		const age = now - version.createdAt;
		if (age < CHECKPOINT_RETENTION.keepAllMs || keep.has(version.id)) continue;
		const period =
			age < CHECKPOINT_RETENTION.dailyMs
				? `day ${dayOf(version.createdAt)}`
				: `week ${weekOf(version.createdAt)}`;
		if (keptPeriods.has(period)) prune.push(version.id);
		else keptPeriods.add(period);
	}
	return prune;
}

/** The board's baseline version id (`meta.baselineVersionId`) in a board state, if it has one. */
export function baselineVersionId(state: Uint8Array): string | null {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const id = doc.getMap('meta').get('baselineVersionId');
		return typeof id === 'string' ? id : null;
	} finally {
		doc.destroy();
	}
}
