/** What a store holds for one board: an optional compacted snapshot and the updates since. */
export interface StoredBoard {
	snapshot: Uint8Array | null;
	log: Uint8Array[];
}

/** What an upgrade appends, given what is stored: an update, or null when nothing is needed. */
export type UpgradePlan = (stored: StoredBoard) => Uint8Array | null;

/** A saved version of a board, without its content. */
export interface VersionInfo {
	/** 21-character nanoid chosen by the caller; unique within the board. */
	id: string;
	/** 1–100 characters. */
	label: string;
	/** 'manual' = saved by someone; 'auto' = an automatic checkpoint made by the server. */
	kind: 'manual' | 'auto';
	/** Epoch milliseconds. */
	createdAt: number;
	/** The display name the client gave; null for automatic checkpoints. */
	createdBy: string | null;
	/** Size of the stored state in bytes. */
	bytes: number;
}

/**
 * Durable storage of boards as Yjs updates: an append-only log per board, compacted now and
 * then into a snapshot, and saved versions of whole states beside it. Every adapter (SQLite,
 * PostgreSQL) passes the one contract suite in tests/server/store-contract.ts.
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
	/**
	 * Runs `plan` on what is stored for the board and appends the update it returns (none for
	 * null), as one step no other upgrade or compaction of the board interleaves with, on any
	 * node: two nodes upgrading a board at once run their plans one after the other, and the
	 * second sees the first's update. Resolves with what is stored afterwards.
	 */
	upgrade(boardId: string, plan: UpgradePlan): Promise<StoredBoard>;
	/**
	 * Stores a full board state as a version; never overwrites (an id the board already has →
	 * StoreError, and the stored version stays as it was). Independent of compaction.
	 */
	saveVersion(
		boardId: string,
		version: Omit<VersionInfo, 'bytes'>,
		state: Uint8Array
	): Promise<VersionInfo>;
	/** The board's versions, newest first (createdAt desc, then id desc); [] for none. */
	listVersions(boardId: string): Promise<VersionInfo[]>;
	/** One version's state (a Yjs update), or null when the board has no such version. */
	loadVersion(boardId: string, versionId: string): Promise<Uint8Array | null>;
	/**
	 * Deletes the given versions of a board (checkpoint pruning); ids it does not have are
	 * ignored. Resolves with how many were deleted.
	 */
	deleteVersions(boardId: string, versionIds: readonly string[]): Promise<number>;
	/** How many boards have anything stored (a snapshot or an update); versions alone do not count. */
	countBoards(): Promise<number>;
	/** Resolves when the store answers; rejects when it cannot. */
	ping(): Promise<void>;
	/**
	 * Makes a small durable write, as an append does, and resolves once it is stored; rejects
	 * with StoreError when the store cannot write (full, read-only, damaged). Health checks call it.
	 */
	probe(): Promise<void>;
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
