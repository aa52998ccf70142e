import { ForwardingStore } from './forwarding-store.ts';
import type { Store } from './store.ts';

/**
 * The outcome of the store's latest append, for health: a write probe alone can succeed while
 * appends fail (a damaged page under one board, an update larger than the room left on disk).
 */
export class AppendOutcomes {
	#failedAt: number | null = null;
	readonly #listeners = new Set<() => void>();

	/** When the latest append failed (performance.now()), or null when it succeeded. */
	get failedAt(): number | null {
		return this.#failedAt;
	}

	/** Records an append's outcome; a failure is told to the listeners at once. */
	record(ok: boolean): void {
		const wasFailed = this.#failedAt !== null;
		this.#failedAt = ok ? null : performance.now();
		if (!ok && !wasFailed) for (const listener of this.#listeners) listener();
	}

	/** Calls `listener` each time appends start failing. */
	onFailing(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

/**
 * A store that records the outcome of every append (and batch append) in `outcomes`, and
 * otherwise is the store it wraps.
 */
export class TrackedStore extends ForwardingStore {
	constructor(
		inner: Store,
		private readonly outcomes: AppendOutcomes
	) {
		super(inner);
	}

	/** {@inheritDoc Store.append} */
	override append(boardId: string, update: Uint8Array): Promise<void> {
		return this.#track(super.append(boardId, update));
	}

	/** {@inheritDoc Store.appendMany} */
	override appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
		return this.#track(super.appendMany(boardId, updates));
	}

	async #track(append: Promise<void>): Promise<void> {
		try {
			await append;
		} catch (error) {
			this.outcomes.record(false);
			throw error;
		}
		this.outcomes.record(true);
	}
}
