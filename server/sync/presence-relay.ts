import type { AwarenessEntry } from './awareness.ts';

/**
 * Coalesces one room's presence relays: however many peers chatter, the others hear at most one
 * frame per `intervalMs`, holding the latest state of every client id that changed. A batch that
 * came from a single peer skips that peer; a mixed batch goes to everyone. With a byte rate, a
 * large batch also pushes the next one back, so a crowd rewriting big states cannot make every
 * peer receive more than `bytesPerSecond` of them.
 */
export class PresenceRelay<Peer> {
	readonly #pending = new Map<number, AwarenessEntry>();
	/** The one peer the pending entries came from; null when several; undefined when none. */
	#source: Peer | null | undefined = undefined;
	#timer: NodeJS.Timeout | null = null;
	/** When the next batch may go out (performance.now()). */
	#nextAt = -Infinity;

	constructor(
		private readonly intervalMs: number,
		private readonly flush: (entries: AwarenessEntry[], except: Peer | undefined) => void,
		private readonly bytesPerSecond = Infinity
	) {}

	/** Queues entries that `from` changed; sends now if the interval has passed, else later. */
	add(entries: readonly AwarenessEntry[], from: Peer): void {
		for (const entry of entries) this.#pending.set(entry.clientId, entry);
		const single = this.#source === undefined || this.#source === from;
		this.#source = single ? from : null;
		if (this.#timer) return;
		const wait = this.#nextAt - performance.now();
		if (wait <= 0) this.#send();
		else this.#timer = setTimeout(() => this.#send(), wait);
	}

	/** Drops what is pending and its timer (the room is unloading). */
	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#pending.clear();
	}

	#send(): void {
		this.#timer = null;
		const entries = [...this.#pending.values()];
		const bytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
		this.#nextAt =
			performance.now() + Math.max(this.intervalMs, (1000 * bytes) / this.bytesPerSecond);
		const except = this.#source ?? undefined;
		this.#pending.clear();
		this.#source = undefined;
		this.flush(entries, except);
	}
}
