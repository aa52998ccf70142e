const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * What one connection and one room may cost the server. Each limit has an environment variable
 * (server/config.ts) and a close code (CloseReason in sync/protocol.ts); docs/operations.md,
 * "Limits and close codes", lists them.
 */
export interface Limits {
	/** Largest websocket message; ws refuses a larger one with 1009 before it is buffered. */
	maxMessageBytes: number;
	/** Messages a connection may send in a burst… */
	messageBurst: number;
	/** …refilled at this rate; running dry closes it with 4429. */
	messagesPerSecond: number;
	/** Bytes a connection may send (or ask the server to send it) in a burst… */
	byteBurst: number;
	/** …refilled at this rate; running dry closes it with 4429. */
	bytesPerSecond: number;
	/** Connections one board accepts; one more is closed with 1013. */
	maxConnectionsPerRoom: number;
	/** Bytes the server holds for a peer that does not read; past this it is closed with 1013. */
	maxBufferedBytes: number;
	/** Ping interval; a peer that has not answered the previous ping is terminated. */
	heartbeatMs: number;
	/** Largest awareness (presence) state of one client, as UTF-8 JSON; larger ones are dropped. */
	maxAwarenessStateBytes: number;
	/** Awareness client ids one connection may own (a tab has one). */
	maxAwarenessIdsPerConnection: number;
	/** A room relays presence at most once per this many milliseconds. */
	awarenessRelayMs: number;
	/** Bytes of all the presence states one connection owns; more are dropped. */
	maxAwarenessBytesPerConnection: number;
	/** Presence states one room holds (view-key connections at most half); more are dropped. */
	maxAwarenessStatesPerRoom: number;
	/** Bytes of presence one room holds (view-key connections at most half); more are dropped. */
	maxAwarenessBytesPerRoom: number;
	/** Bytes per second of view-key presence a room relays to each peer. */
	awarenessRelayBytesPerSecond: number;
}

/** The defaults of DESIGN.md §5 and issue 5. */
export const DEFAULT_LIMITS: Readonly<Limits> = {
	maxMessageBytes: 2 * MiB,
	messageBurst: 1_000,
	messagesPerSecond: 200,
	byteBurst: 8 * MiB,
	bytesPerSecond: 2 * MiB,
	maxConnectionsPerRoom: 200,
	maxBufferedBytes: 8 * MiB,
	heartbeatMs: 30_000,
	maxAwarenessStateBytes: 8 * KiB,
	maxAwarenessIdsPerConnection: 8,
	awarenessRelayMs: 50,
	maxAwarenessBytesPerConnection: 16 * KiB,
	maxAwarenessStatesPerRoom: 512,
	maxAwarenessBytesPerRoom: MiB,
	awarenessRelayBytesPerSecond: 256 * KiB
};

/**
 * A token bucket: holds up to `capacity` tokens and gains `perSecond` of them per second.
 * Refilled lazily from the clock on each take, so it costs O(1) and no timer.
 */
export class TokenBucket {
	#tokens: number;
	#updatedAt: number;
	readonly #perMs: number;

	constructor(
		readonly capacity: number,
		perSecond: number,
		now: number
	) {
		this.#tokens = capacity;
		this.#perMs = perSecond / 1000;
		this.#updatedAt = now;
	}

	/** Takes `amount` tokens if the bucket holds them; false (taking nothing) when it does not. */
	take(amount: number, now: number): boolean {
		const refilled = this.#tokens + (now - this.#updatedAt) * this.#perMs;
		this.#tokens = refilled > this.capacity ? this.capacity : refilled;
		this.#updatedAt = now;
		if (this.#tokens < amount) return false;
		this.#tokens -= amount;
		return true;
	}
}

/** One connection's rate budget: a bucket of messages and a bucket of bytes. */
export class ConnectionBudget {
	readonly #messages: TokenBucket;
	readonly #bytes: TokenBucket;

	constructor(limits: Limits, now = performance.now()) {
		this.#messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond, now);
		this.#bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond, now);
	}

	/** Charges one received message of `bytes`; false when the connection is over budget. */
	admit(bytes: number, now = performance.now()): boolean {
		return this.#messages.take(1, now) && this.#bytes.take(bytes, now);
	}

	/** Charges bytes the peer made the server send (a sync reply); false when over budget. */
	charge(bytes: number, now = performance.now()): boolean {
		return this.#bytes.take(bytes, now);
	}
}
