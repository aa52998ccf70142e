import type { Store, StoredBoard, VersionInfo } from './store.ts';

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
export class TrackedStore implements Store {
	constructor(
		readonly inner: Store,
		private readonly outcomes: AppendOutcomes
	) {}

	/** {@inheritDoc Store.load} */
	load(boardId: string): Promise<StoredBoard> {
		return this.inner.load(boardId);
	}

	/** {@inheritDoc Store.append} */
	append(boardId: string, update: Uint8Array): Promise<void> {
		return this.#track(this.inner.append(boardId, update));
	}

	/** {@inheritDoc Store.appendMany} */
	appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
		return this.#track(this.inner.appendMany(boardId, updates));
	}

	/** {@inheritDoc Store.compact} */
	compact(boardId: string): Promise<void> {
		return this.inner.compact(boardId);
	}

	/** {@inheritDoc Store.saveVersion} */
	saveVersion(
		boardId: string,
		version: Omit<VersionInfo, 'bytes'>,
		state: Uint8Array
	): Promise<VersionInfo> {
		return this.inner.saveVersion(boardId, version, state);
	}

	/** {@inheritDoc Store.listVersions} */
	listVersions(boardId: string): Promise<VersionInfo[]> {
		return this.inner.listVersions(boardId);
	}

	/** {@inheritDoc Store.loadVersion} */
	loadVersion(boardId: string, versionId: string): Promise<Uint8Array | null> {
		return this.inner.loadVersion(boardId, versionId);
	}

	/** {@inheritDoc Store.ping} */
	ping(): Promise<void> {
		return this.inner.ping();
	}

	/** {@inheritDoc Store.probe} */
	probe(): Promise<void> {
		return this.inner.probe();
	}

	/** {@inheritDoc Store.close} */
	close(): Promise<void> {
		return this.inner.close();
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
