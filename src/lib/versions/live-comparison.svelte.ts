import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
	boardSnapshot,
	compareSnapshots,
	type BoardChanges,
	type BoardSnapshot
} from '../board/diff/compare.ts';

/**
 * Longest a comparison lags behind the live board. Comparing a large board takes some tens of
 * milliseconds (bench/compare-figures.ts), so it is redone at most this often, however fast
 * peers type, rather than after every keystroke.
 */
export const COMPARISON_REFRESH_MS = 250;

/**
 * A comparison of a fixed older state (a version) with a live board: `current` is recomputed
 * once the live board changed (at most every COMPARISON_REFRESH_MS), and re-renders whoever
 * read it.
 */
export class LiveComparison {
	readonly #subscribe: () => void;
	readonly #before: BoardSnapshot;
	#cached: BoardChanges | null = null;
	#listening = false;

	constructor(
		before: Y.Doc,
		readonly live: Y.Doc
	) {
		// The older state never changes: read it once.
		this.#before = boardSnapshot(before);
		this.#subscribe = createSubscriber((update) => {
			let refresh: ReturnType<typeof setTimeout> | null = null;
			const changed = () => {
				refresh ??= setTimeout(() => {
					refresh = null;
					this.#cached = null;
					update();
				}, COMPARISON_REFRESH_MS);
			};
			this.#listening = true;
			this.#cached = null;
			live.on('update', changed);
			return () => {
				live.off('update', changed);
				if (refresh) clearTimeout(refresh);
				this.#listening = false;
			};
		});
	}

	/** What changed from the older state to the live board now. */
	get current(): BoardChanges {
		this.#subscribe();
		// Outside an effect nothing listens for changes, so a cached comparison could be stale.
		if (!this.#listening || !this.#cached)
			this.#cached = compareSnapshots(this.#before, boardSnapshot(this.live));
		return this.#cached;
	}
}
