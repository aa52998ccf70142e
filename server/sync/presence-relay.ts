import type { AwarenessEntry } from './awareness.ts';

/**
 * Coalesces one room's presence relays: however many peers chatter, the others hear at most one
 * frame per `intervalMs`, holding the latest state of every client id that changed. A batch that
 * came from a single peer skips that peer; a mixed batch goes to everyone.
 */
export class PresenceRelay<Peer> {
	readonly #pending = new Map<number, AwarenessEntry>();
	/** The one peer the pending entries came from; null when several; undefined when none. */
	#source: Peer | null | undefined = undefined;
	#timer: NodeJS.Timeout | null = null;
	#sentAt = -Infinity;

	constructor(
		private readonly intervalMs: number,
		private readonly flush: (entries: AwarenessEntry[], except: Peer | undefined) => void
	) {}

	/** Queues entries that `from` changed; sends now if the interval has passed, else later. */
	add(entries: readonly AwarenessEntry[], from: Peer): void {
		for (const entry of entries) this.#pending.set(entry.clientId, entry);
		const single = this.#source === undefined || this.#source === from;
		this.#source = single ? from : null;
		if (this.#timer) return;
		const wait = this.#sentAt + this.intervalMs - performance.now();
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
		this.#sentAt = performance.now();
		const entries = [...this.#pending.values()];
		const except = this.#source ?? undefined;
		this.#pending.clear();
		this.#source = undefined;
		this.flush(entries, except);
	}
}
