import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/store.ts';

/** Updates stored in one write, with the frames to relay once they are. */
export interface UpdateBatch<Peer> {
	updates: Uint8Array[];
	/** Each frame goes to every peer but the one it came from (none: the room's own change). */
	relays: Array<{ frame: Uint8Array; from: Peer | null }>;
}

/** What a room's writes need. */
export interface RoomWritesDeps<Peer> {
	store: Store;
	metrics: Metrics;
	/** Compact the board's log into a snapshot once it holds this many updates. */
	compactAfterUpdates: number;
	/** Called with each batch once it is stored, before anything queued after it runs. */
	stored: (batch: UpdateBatch<Peer>) => void;
	/** Called once, with the error of the first task that failed. */
	failed: (error: unknown) => void;
}

/**
 * A room's one serial queue to the store. Updates that arrive before the queue reaches them
 * share one batch: one group commit, then each is relayed. A reply waits for every write queued
 * before it. After a failed task nothing more runs: what follows could build on what the store
 * lacks.
 */
export class RoomWrites<Peer> {
	#queue: Promise<void> = Promise.resolve();
	#openBatch: UpdateBatch<Peer> | null = null;
	/** Set by the first failed task, for good. */
	#stopped = false;
	#logLength = 0;

	constructor(
		private readonly boardId: string,
		private readonly deps: RoomWritesDeps<Peer>
	) {}

	/** Counts from the log the store holds (at load). */
	resumeLog(length: number): void {
		this.#logLength = length;
	}

	/** Stores `update` in the open batch (or a new one), then relays `relay`. */
	store(update: Uint8Array, relay: UpdateBatch<Peer>['relays'][number]): void {
		if (this.#openBatch) {
			this.#openBatch.updates.push(update);
			this.#openBatch.relays.push(relay);
			return;
		}
		const batch: UpdateBatch<Peer> = { updates: [update], relays: [relay] };
		this.#openBatch = batch;
		this.#enqueue(() => this.#write(batch));
	}

	/**
	 * Sends once every write queued so far is stored. The open batch may still take later
	 * updates; they are stored before the send too, which only acknowledges more.
	 */
	sendAfterWrites(send: () => void): void {
		this.#enqueue(async () => send());
	}

	/** Closes the open batch and sends once it is stored: later updates go in a batch after. */
	sendAfterBatch(send: () => void): void {
		this.#openBatch = null;
		this.sendAfterWrites(send);
	}

	/** Compacts the log in turn if it is past the threshold (a board gone quiet). */
	compactIfDue(): void {
		this.#enqueue(async () => {
			if (this.#logLength >= this.deps.compactAfterUpdates) await this.#compact();
		});
	}

	/** Compacts whatever the log holds, unless a write failed (at unload, once settled). */
	async compactAll(): Promise<void> {
		if (!this.#stopped && this.#logLength > 0) await this.#compact();
	}

	/** Resolves once every queued write and reply has gone out (or the queue stopped). */
	settled(): Promise<void> {
		return this.#queue;
	}

	async #write(batch: UpdateBatch<Peer>): Promise<void> {
		if (this.#openBatch === batch) this.#openBatch = null;
		const stopTimer = this.deps.metrics.storeAppendSeconds.startTimer();
		await this.deps.store.appendMany(this.boardId, batch.updates);
		stopTimer();
		this.deps.stored(batch);
		this.#logLength += batch.updates.length;
		// Merging the log decodes the whole board: past the threshold a busy board compacts when
		// it goes quiet (compactIfDue), and at once only when its log doubled.
		if (this.#logLength >= 2 * this.deps.compactAfterUpdates) await this.#compact();
	}

	async #compact(): Promise<void> {
		await this.deps.store.compact(this.boardId);
		this.#logLength = 0;
	}

	#enqueue(task: () => Promise<void>): void {
		this.#queue = this.#queue.then(async () => {
			if (this.#stopped) return;
			try {
				await task();
			} catch (error) {
				this.#stopped = true;
				this.deps.failed(error);
			}
		});
	}
}
