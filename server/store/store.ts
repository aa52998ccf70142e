/** What a store holds for one board: an optional compacted snapshot and the updates since. */
export interface StoredBoard {
	snapshot: Uint8Array | null;
	log: Uint8Array[];
}

/**
 * Durable storage of boards as Yjs updates: an append-only log per board, compacted now and
 * then into a snapshot. Every adapter (SQLite today, PostgreSQL later) passes the one contract
 * suite in tests/server/store-contract.ts.
 */
export interface Store {
	/** Everything stored for a board; an unknown board has no snapshot and an empty log. */
	load(boardId: string): Promise<StoredBoard>;
	/** Appends one update to a board's log; resolves only once the update is durable. */
	append(boardId: string, update: Uint8Array): Promise<void>;
	/**
	 * Appends updates to a board's log in order, all or none, in one durable write (a group
	 * commit); resolves only once every one of them is durable.
	 */
	appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void>;
	/** Merges a board's snapshot and log into a single snapshot, atomically. */
	compact(boardId: string): Promise<void>;
	/** Resolves when the store answers; rejects when it cannot. */
	ping(): Promise<void>;
	/** Releases the store's resources; later calls fail. */
	close(): Promise<void>;
}

/** Thrown when a store operation fails, with the board it concerns. */
export class StoreError extends Error {
	override name = 'StoreError';
	constructor(
		message: string,
		readonly boardId: string | null,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}
