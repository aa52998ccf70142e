import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { compareBoards, type BoardChanges } from '../board/diff/compare.ts';

/**
 * A comparison of a fixed older state (a version) with a live board: `current` is recomputed
 * when the live board changed since it was last read, and re-renders whoever read it.
 */
export class LiveComparison {
	readonly #subscribe: () => void;
	#cached: BoardChanges | null = null;
	#listening = false;

	constructor(
		readonly before: Y.Doc,
		readonly live: Y.Doc
	) {
		this.#subscribe = createSubscriber((update) => {
			const changed = () => {
				this.#cached = null;
				update();
			};
			this.#listening = true;
			this.#cached = null;
			live.on('update', changed);
			return () => {
				live.off('update', changed);
				this.#listening = false;
			};
		});
	}

	/** What changed from the older state to the live board now. */
	get current(): BoardChanges {
		this.#subscribe();
		// Outside an effect nothing listens for changes, so a cached comparison could be stale.
		if (!this.#listening || !this.#cached) this.#cached = compareBoards(this.before, this.live);
		return this.#cached;
	}
}
