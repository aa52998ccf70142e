import { ForwardingStore } from '../../server/store/forwarding-store.ts';
import { StoreError, type VersionInfo } from '../../server/store/store.ts';

/**
 * A real store whose appends fail for chosen boards or stall, and whose version saves can fail
 * or hang, as a full disk or a broken volume would make them: everything else goes through to
 * the store it wraps.
 */
export class FailingStore extends ForwardingStore {
	readonly #failing = new Set<string>();
	#failedAppends = 0;
	#versionSaves: 'work' | 'fail' | 'stall' = 'work';
	#versionSavesStarted = 0;
	#completedAppends = 0;
	#stall: Promise<void> = Promise.resolve();
	#resume: (() => void) | null = null;

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
		await this.#stall;
		await super.appendMany(boardId, updates);
		this.#completedAppends++;
	}

	/** From now on, appends wait (as on a hung disk) until `resumeAppends` is called. */
	stallAppends(): void {
		if (this.#resume) return;
		this.#stall = new Promise((resolve) => (this.#resume = resolve));
	}

	/** Lets stalled and later appends go through. */
	resumeAppends(): void {
		this.#resume?.();
		this.#resume = null;
		this.#stall = Promise.resolve();
	}

	/** How many group appends reached the store it wraps so far. */
	get completedAppends(): number {
		return this.#completedAppends;
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
