/**
 * The bus carries what one node's rooms must tell the other nodes' rooms of the same board:
 * updates the node has stored, and presence. A single node uses the in-process bus (nothing
 * leaves the process); several nodes share Redis Streams.
 */

/** What travels on the bus: a stored Yjs update, or an awareness update (presence). */
export type BusKind = 'update' | 'awareness';

/** What a room hears from the other nodes. Duplicates may arrive; each message is idempotent. */
export interface BusListener {
	/** An update another node has already stored: apply and relay it, never store it again. */
	update(update: Uint8Array): void;
	/** An awareness update from the clients of another node, `node`. */
	awareness(node: string, update: Uint8Array): void;
	/**
	 * Something may have been missed (the reader fell behind the trimmed stream, or the bus
	 * lost its connection): catch up from the store.
	 */
	resync(): void;
}

/** A payload, or a function that makes it: only called when someone is there to hear it. */
export type BusPayload = Uint8Array | (() => Uint8Array);

/** A room's place on the bus. */
export interface BusChannel {
	/** Sends to the other nodes' rooms of the board (never back to this one). */
	publish(kind: BusKind, payload: BusPayload): void;
	/** Stops listening; later publishes are ignored. */
	leave(): void;
}

/** Publish and subscribe per board, between the nodes that have the board loaded. */
export interface Bus {
	/** Which bus this is, for /healthz and the start-up log. */
	readonly kind: 'local' | 'redis';
	/**
	 * Joins a board's channel. Resolves once the channel's position is fixed, so a store load
	 * made after it misses nothing another node stores and publishes later.
	 */
	join(boardId: string, listener: BusListener): Promise<BusChannel>;
	/** Resolves when the bus is connected; rejects when it is not. */
	ping(): Promise<void>;
	/** Disconnects; channels stop hearing anything. */
	close(): Promise<void>;
}

/** Thrown when the bus cannot be reached or used. */
export class BusError extends Error {
	override name = 'BusError';
}
