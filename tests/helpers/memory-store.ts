import { mergeCollected } from '../../server/store/collect-garbage.ts';
import {
	StoreError,
	type Store,
	type StoredBoard,
	type UpgradePlan,
	type VersionInfo
} from '../../server/store/store.ts';

interface StoredVersion {
	info: VersionInfo;
	state: Uint8Array;
}

/**
 * What MemoryStores hold: stores made over the same data are a reopened store, or two nodes
 * over one database.
 */
export class MemoryData {
	readonly boards = new Map<string, StoredBoard>();
	readonly versions = new Map<string, Map<string, StoredVersion>>();
	/** Per board, the end of the upgrades queued so far (the stores' per-board lock). */
	readonly upgrades = new Map<string, Promise<unknown>>();
}

/**
 * A Store held in memory, for unit tests of what uses a store (it passes the store contract in
 * tests/unit/server/memory-store.test.ts). Bytes are copied in and out, as a database would.
 */
export class MemoryStore implements Store {
	#closed = false;

	constructor(readonly data = new MemoryData()) {}

	/** {@inheritDoc Store.load} */
	async load(boardId: string): Promise<StoredBoard> {
		this.#checkOpen(boardId);
		const board = this.data.boards.get(boardId);
		return {
			snapshot: board?.snapshot ? board.snapshot.slice() : null,
			log: board ? board.log.map((update) => update.slice()) : []
		};
	}

	/** {@inheritDoc Store.append} */
	append(boardId: string, update: Uint8Array): Promise<void> {
		return this.appendMany(boardId, [update]);
	}

	/** {@inheritDoc Store.appendMany} */
	async appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
		this.#checkOpen(boardId);
		if (updates.length === 0) return;
		this.#board(boardId).log.push(...updates.map((update) => update.slice()));
	}

	/** {@inheritDoc Store.compact} */
	async compact(boardId: string): Promise<void> {
		this.#checkOpen(boardId);
		const board = this.data.boards.get(boardId);
		if (!board || board.log.length === 0) return;
		const parts = board.snapshot ? [board.snapshot, ...board.log] : board.log;
		board.snapshot = mergeCollected(parts);
		board.log = [];
	}

	/** {@inheritDoc Store.upgrade} */
	upgrade(boardId: string, plan: UpgradePlan): Promise<StoredBoard> {
		const previous = this.data.upgrades.get(boardId) ?? Promise.resolve();
		const upgraded = previous.then(async () => {
			const update = plan(await this.load(boardId));
			if (update) await this.append(boardId, update);
			return this.load(boardId);
		});
		this.data.upgrades.set(
			boardId,
			upgraded.catch(() => {})
		);
		return upgraded;
	}

	/** {@inheritDoc Store.saveVersion} */
	async saveVersion(
		boardId: string,
		version: Omit<VersionInfo, 'bytes'>,
		state: Uint8Array
	): Promise<VersionInfo> {
		this.#checkOpen(boardId);
		let versions = this.data.versions.get(boardId);
		if (!versions) this.data.versions.set(boardId, (versions = new Map()));
		if (versions.has(version.id)) {
			throw new StoreError(`version ${version.id} already exists`, boardId);
		}
		const info = { ...version, bytes: state.length };
		versions.set(version.id, { info, state: state.slice() });
		return { ...info };
	}

	/** {@inheritDoc Store.listVersions} */
	async listVersions(boardId: string): Promise<VersionInfo[]> {
		this.#checkOpen(boardId);
		const versions = [...(this.data.versions.get(boardId)?.values() ?? [])];
		return versions
			.map(({ info }) => ({ ...info }))
			.sort((a, b) => b.createdAt - a.createdAt || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0));
	}

	/** {@inheritDoc Store.loadVersion} */
	async loadVersion(boardId: string, versionId: string): Promise<Uint8Array | null> {
		this.#checkOpen(boardId);
		return this.data.versions.get(boardId)?.get(versionId)?.state.slice() ?? null;
	}

	/** {@inheritDoc Store.deleteVersions} */
	async deleteVersions(boardId: string, versionIds: readonly string[]): Promise<number> {
		this.#checkOpen(boardId);
		const versions = this.data.versions.get(boardId);
		return versionIds.filter((id) => versions?.delete(id)).length;
	}

	/** {@inheritDoc Store.countBoards} */
	async countBoards(): Promise<number> {
		this.#checkOpen(null);
		const boards = [...this.data.boards.values()];
		return boards.filter((board) => board.snapshot || board.log.length > 0).length;
	}

	/** {@inheritDoc Store.ping} */
	async ping(): Promise<void> {
		this.#checkOpen(null);
	}

	/** {@inheritDoc Store.probe} */
	async probe(): Promise<void> {
		this.#checkOpen(null);
	}

	/** {@inheritDoc Store.close} */
	async close(): Promise<void> {
		this.#closed = true;
	}

	#board(boardId: string): StoredBoard {
		let board = this.data.boards.get(boardId);
		if (!board) this.data.boards.set(boardId, (board = { snapshot: null, log: [] }));
		return board;
	}

	#checkOpen(boardId: string | null): void {
		if (this.#closed) throw new StoreError('the store is closed', boardId);
	}
}
