import type * as Y from 'yjs';
import { boardSnapshot, type BoardSnapshot } from '../board/diff/compare.ts';
import type { Baseline } from '../board/schema.ts';
import type { BoardContext } from '../sync/board-context.ts';
import type { BoardSession } from '../sync/board-session.svelte.ts';
import { indexedDbVersionCache } from './version-cache.ts';
import { VersionsClient } from './versions-client.ts';
import { VersionsState } from './versions-state.svelte.ts';

/** The open board's kickoff baseline, loaded: the saved version's doc and what it holds. */
export interface LoadedBaseline {
	readonly versionId: string;
	readonly label: string;
	/** The version's content, to read with the board's readers; never written to. */
	readonly doc: Y.Doc;
	/** Its validated contents (milestones, risks, people, …), read once: a version never changes. */
	readonly snapshot: BoardSnapshot;
}

/** Where a BaselineBoard stands: no baseline set, fetching it, loaded, or it could not be had. */
export type BaselineStatus = 'none' | 'loading' | 'ready' | 'failed';

/** How a BaselineBoard learns the baseline and fetches it; separate for tests. */
export interface BaselineSource {
	/** The baseline the board names now (reactive), or null. */
	baseline(): Baseline | null;
	/** The version's content; may reject (offline and not kept, unknown version, …). */
	load(versionId: string): Promise<Y.Doc>;
	/** A value whose change makes a failed load worth another try (e.g. the connection state). */
	retryKey?(): unknown;
}

/**
 * The baseline version of the open board, loaded once and followed as the board's baseline
 * changes: `current` is null while there is none, while it loads, and when it failed (a page
 * that compares with the baseline then simply shows no comparison). Reading never throws.
 */
export class BaselineBoard {
	#loaded = $state.raw<LoadedBaseline | null>(null);
	#failed = $state.raw<{ versionId: string; retryKey: unknown } | null>(null);
	// Which version is being fetched; not state, as it is written while a template reads `current`.
	#pending: string | null = null;

	constructor(private readonly source: BaselineSource) {}

	/** The loaded baseline, or null while there is none, it loads, or it could not be loaded. */
	get current(): LoadedBaseline | null {
		const baseline = this.source.baseline();
		if (!baseline) return null;
		const loaded = this.#loaded;
		if (loaded?.versionId === baseline.versionId)
			return loaded.label === baseline.label ? loaded : { ...loaded, label: baseline.label };
		if (!this.#hasFailed(baseline.versionId)) this.#start(baseline);
		return null;
	}

	/** Where the loading stands, for a page that says so. */
	get status(): BaselineStatus {
		const baseline = this.source.baseline();
		if (!baseline) return 'none';
		if (this.current) return 'ready';
		return this.#hasFailed(baseline.versionId) ? 'failed' : 'loading';
	}

	#hasFailed(versionId: string): boolean {
		const failed = this.#failed;
		if (failed?.versionId !== versionId) return false;
		return Object.is(failed.retryKey, this.source.retryKey?.());
	}

	#start({ versionId, label }: Baseline): void {
		if (this.#pending === versionId) return;
		this.#pending = versionId;
		const retryKey = this.source.retryKey?.();
		// Loaded on the next microtask at the earliest, so state is never written during a read.
		void Promise.resolve()
			.then(() => this.source.load(versionId))
			.then(
				(doc) => {
					if (this.#pending !== versionId) return;
					this.#pending = null;
					this.#failed = null;
					this.#loaded = { versionId, label, doc, snapshot: boardSnapshot(doc) };
				},
				() => {
					if (this.#pending !== versionId) return;
					this.#pending = null;
					this.#failed = { versionId, retryKey };
				}
			);
	}
}

const boards = new WeakMap<BoardSession, BaselineBoard>();

/**
 * The open board's BaselineBoard, one per session, so every component that compares with the
 * baseline (milestones, timeline, Overview, status updates) shares one fetch and one doc. The
 * version comes from this browser's IndexedDB copy when it has one, so it works offline.
 */
export function baselineBoardOf({ boardId, session, view }: BoardContext): BaselineBoard {
	let board = boards.get(session);
	if (!board) {
		const versions = new VersionsState(
			new VersionsClient(boardId, session.key),
			indexedDbVersionCache(boardId)
		);
		board = new BaselineBoard({
			baseline: () => view.baseline,
			load: (versionId) => versions.doc(versionId),
			retryKey: () => session.live
		});
		boards.set(session, board);
	}
	return board;
}
