import type { Logger } from 'pino';
import { newVersionId } from '../../src/lib/board/ids.ts';
import { AUTOMATIC_CHECKPOINT_LABEL } from '../../src/lib/versions/schema.ts';
import type { Store, VersionInfo } from '../store/store.ts';
import { baselineVersionId, checkpointsToPrune } from './checkpoint-retention.ts';

/** What automatic checkpoints need. */
export interface CheckpointDeps {
	store: Store;
	logger: Logger;
	/** Longest time a stored change waits to be in a checkpoint; also the least time between two. */
	intervalMs: number;
	/** The board's current state (see api/board-state.ts), or null when nothing is stored. */
	readState(boardId: string): Promise<Uint8Array | null>;
	/** Bytes all of a board's versions may take (MAX_VERSION_BYTES_PER_BOARD); none when absent. */
	maxVersionBytes?: number;
}

/** One board with changes not yet in a checkpoint. */
interface BoardCheckpoint {
	/** Changes were stored since the board's last checkpoint was read. */
	pending: boolean;
	/** When its last automatic checkpoint was made: undefined until looked up, null for never. */
	lastAt: number | null | undefined;
	timer: NodeJS.Timeout | null;
	wake: (() => void) | null;
}

const DAY_MS = 86_400_000;

function bytesOf(versions: readonly VersionInfo[]): number {
	return versions.reduce((sum, version) => sum + version.bytes, 0);
}

function sameUtcDay(a: number, b: number): boolean {
	return Math.floor(a / DAY_MS) === Math.floor(b / DAY_MS);
}

/**
 * Automatic checkpoints, saved as versions of kind 'auto': the first stored change of a board
 * on a UTC day is checkpointed at once; after that, a board that keeps changing gets one
 * checkpoint per interval, so every change is in a checkpoint within one interval of being
 * stored. Rooms only call `changed`, which returns at once: checkpoints run beside the rooms'
 * store-then-relay queues, never in them, so they cannot delay or reorder a relay. Each
 * checkpoint prunes older ones (checkpoint-retention.ts); a checkpoint that would take the
 * board's versions past their quota is skipped, with a log line.
 */
export class Checkpoints {
	readonly #boards = new Map<string, BoardCheckpoint>();
	#closed = false;

	constructor(private readonly deps: CheckpointDeps) {}

	/** Notes that a change of `boardId` was stored; schedules its checkpoint if none is. */
	changed(boardId: string): void {
		if (this.#closed) return;
		const known = this.#boards.get(boardId);
		if (known) {
			known.pending = true;
			return;
		}
		const board: BoardCheckpoint = { pending: true, lastAt: undefined, timer: null, wake: null };
		this.#boards.set(boardId, board);
		void this.#run(boardId, board).catch((error: unknown) => {
			this.#boards.delete(boardId);
			if (!this.#closed) {
				this.deps.logger.error({ err: error, boardId }, 'automatic checkpoint failed');
			}
		});
	}

	/** Cancels the checkpoints still waiting (at shutdown); later changes are ignored. */
	close(): void {
		this.#closed = true;
		for (const board of this.#boards.values()) {
			if (board.timer) clearTimeout(board.timer);
			board.wake?.();
		}
		this.#boards.clear();
	}

	// One run per board at a time, while it has changes to checkpoint. The board is forgotten
	// in the same tick that finds nothing pending, so a change noted later starts a new run.
	async #run(boardId: string, board: BoardCheckpoint): Promise<void> {
		while (board.pending && !this.#closed) {
			board.lastAt ??= await this.#lastCheckpointAt(boardId);
			// Asked again after each sleep: a timer may fire a millisecond before Date.now() says
			// the interval has passed, and the checkpoint would come early.
			for (let wait = this.#wait(board.lastAt); wait > 0; wait = this.#wait(board.lastAt)) {
				await this.#sleep(board, wait);
				if (this.#closed) return;
			}
			if (this.#closed) return;
			board.pending = false;
			board.lastAt = await this.#checkpoint(boardId);
		}
		this.#boards.delete(boardId);
	}

	// How long until the next checkpoint is due after one at `lastAt` (none: due now; the day's
	// first checkpoint is due at once).
	#wait(lastAt: number | null): number {
		const now = Date.now();
		return lastAt === null || !sameUtcDay(lastAt, now) ? 0 : lastAt + this.deps.intervalMs - now;
	}

	async #lastCheckpointAt(boardId: string): Promise<number | null> {
		const versions = await this.deps.store.listVersions(boardId);
		return versions.find((version) => version.kind === 'auto')?.createdAt ?? null;
	}

	async #checkpoint(boardId: string): Promise<number> {
		const createdAt = Date.now();
		const state = await this.deps.readState(boardId);
		if (!state || this.#closed) return createdAt;
		const limit = this.deps.maxVersionBytes ?? Infinity;
		const versions = await this.#prune(
			boardId,
			await this.deps.store.listVersions(boardId),
			state,
			createdAt
		);
		if (bytesOf(versions) + state.length > limit) {
			this.deps.logger.warn(
				{ boardId, bytes: bytesOf(versions), limit },
				"checkpoint skipped: the board's versions take all of MAX_VERSION_BYTES_PER_BOARD"
			);
			return createdAt;
		}
		const version = await this.deps.store.saveVersion(
			boardId,
			{
				id: newVersionId(),
				label: AUTOMATIC_CHECKPOINT_LABEL,
				kind: 'auto',
				createdAt,
				createdBy: null
			},
			state
		);
		this.deps.logger.debug({ boardId, versionId: version.id, bytes: version.bytes }, 'checkpoint');
		return createdAt;
	}

	// Deletes the checkpoints the retention policy lets go; returns the versions that remain.
	// The board is decoded for its baseline only when there is something to prune.
	async #prune(
		boardId: string,
		versions: VersionInfo[],
		state: Uint8Array,
		now: number
	): Promise<VersionInfo[]> {
		if (checkpointsToPrune(versions, now, new Set()).length === 0) return versions;
		const baseline = baselineVersionId(state);
		const prune = checkpointsToPrune(versions, now, new Set(baseline ? [baseline] : []));
		if (prune.length === 0) return versions;
		await this.deps.store.deleteVersions(boardId, prune);
		this.deps.logger.info({ boardId, pruned: prune.length }, 'checkpoints pruned');
		const pruned = new Set(prune);
		return versions.filter((version) => !pruned.has(version.id));
	}

	#sleep(board: BoardCheckpoint, ms: number): Promise<void> {
		return new Promise<void>((resolve) => {
			board.wake = resolve;
			board.timer = setTimeout(resolve, ms);
			board.timer.unref();
		}).then(() => {
			board.timer = null;
			board.wake = null;
		});
	}
}
