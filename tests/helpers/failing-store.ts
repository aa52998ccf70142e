import { ForwardingStore } from '../../server/store/forwarding-store.ts';
import { StoreError, type VersionInfo } from '../../server/store/store.ts';

/**
 * A real store whose appends fail for chosen boards, and whose version saves can fail or hang,
 * as a full disk or a broken volume would make them: everything else goes through to the store
 * it wraps.
 */
export class FailingStore extends ForwardingStore {
	readonly #failing = new Set<string>();
	#failedAppends = 0;
	#versionSaves: 'work' | 'fail' | 'stall' = 'work';
	#versionSavesStarted = 0;

	/** From now on, appends to `boardId` fail. */
	failAppends(boardId: string): void {
		this.#failing.add(boardId);
	}

	/** From now on, every append works again. */
	heal(): void {
		this.#failing.clear();
	}

	/** From now on, saving a version fails ('fail') or never finishes ('stall'), as a hung disk would. */
	breakVersionSaves(mode: 'fail' | 'stall'): void {
		this.#versionSaves = mode;
	}

	/** How many version saves were asked of the store so far, whatever became of them. */
	get versionSavesStarted(): number {
		return this.#versionSavesStarted;
	}

	/** How many appends failed so far. */
	get failedAppends(): number {
		return this.#failedAppends;
	}

	/** {@inheritDoc Store.append} */
	override async append(boardId: string, update: Uint8Array): Promise<void> {
		if (this.#failing.has(boardId)) {
			this.#failedAppends++;
			throw new StoreError('disk I/O error (simulated by FailingStore)', boardId);
		}
		await super.append(boardId, update);
	}

	/** {@inheritDoc Store.appendMany} */
	override async appendMany(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
		if (this.#failing.has(boardId)) {
			this.#failedAppends++;
			throw new StoreError('disk I/O error (simulated by FailingStore)', boardId);
		}
		await super.appendMany(boardId, updates);
	}

	/** {@inheritDoc Store.saveVersion} */
	override saveVersion(
		boardId: string,
		version: Omit<VersionInfo, 'bytes'>,
		state: Uint8Array
	): Promise<VersionInfo> {
		this.#versionSavesStarted++;
		if (this.#versionSaves === 'stall') return new Promise(() => {});
		if (this.#versionSaves === 'fail') {
			return Promise.reject(new StoreError('disk I/O error (simulated by FailingStore)', boardId));
		}
		return super.saveVersion(boardId, version, state);
	}
}
