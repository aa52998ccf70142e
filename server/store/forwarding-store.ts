import type { Store, StoredBoard, UpgradePlan, VersionInfo } from './store.ts';

/**
 * A store that hands every call to another one: the base of stores that watch or change a few
 * operations (TrackedStore, and the tests' FailingStore) and leave the rest as they are.
 */
export class ForwardingStore implements Store {
	constructor(readonly inner: Store) {}

	/** {@inheritDoc Store.load} */
	load(boardId: string): Promise<StoredBoard> {
		return this.inner.load(boardId);
	}

	/** {@inheritDoc Store.append} */
	append(boardId: string, update: Uint8Array): Promise<void> {
		return this.inner.append(boardId, update);
	}

	/** {@inheritDoc Store.appendMany} */
	appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
		return this.inner.appendMany(boardId, updates);
	}

	/** {@inheritDoc Store.compact} */
	compact(boardId: string): Promise<void> {
		return this.inner.compact(boardId);
	}

	/** {@inheritDoc Store.upgrade} */
	upgrade(boardId: string, plan: UpgradePlan): Promise<StoredBoard> {
		return this.inner.upgrade(boardId, plan);
	}

	/** {@inheritDoc Store.saveVersion} */
	saveVersion(
		boardId: string,
		version: Omit<VersionInfo, 'bytes'>,
		state: Uint8Array
	): Promise<VersionInfo> {
		return this.inner.saveVersion(boardId, version, state);
	}

	/** {@inheritDoc Store.listVersions} */
	listVersions(boardId: string): Promise<VersionInfo[]> {
		return this.inner.listVersions(boardId);
	}

	/** {@inheritDoc Store.loadVersion} */
	loadVersion(boardId: string, versionId: string): Promise<Uint8Array | null> {
		return this.inner.loadVersion(boardId, versionId);
	}

	/** {@inheritDoc Store.deleteVersions} */
	deleteVersions(boardId: string, versionIds: readonly string[]): Promise<number> {
		return this.inner.deleteVersions(boardId, versionIds);
	}

	/** {@inheritDoc Store.countBoards} */
	countBoards(): Promise<number> {
		return this.inner.countBoards();
	}

	/** {@inheritDoc Store.ping} */
	ping(): Promise<void> {
		return this.inner.ping();
	}

	/** {@inheritDoc Store.probe} */
	probe(): Promise<void> {
		return this.inner.probe();
	}

	/** {@inheritDoc Store.close} */
	close(): Promise<void> {
		return this.inner.close();
	}
}
