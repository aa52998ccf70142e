import * as Y from 'yjs';
import type { Version } from './schema.ts';
import type { VersionCache } from './version-cache.ts';
import { VersionsRequestError, type VersionsClient } from './versions-client.ts';

/**
 * The versions of one board as the versions page shows them: the list (loaded and refreshed
 * from the server), what went wrong last, and each version's content, fetched once.
 */
export class VersionsState {
	#versions = $state.raw<Version[]>([]);
	#loading = $state(true);
	#error = $state<string | null>(null);
	readonly #states = new Map<string, Promise<Uint8Array>>();

	constructor(
		readonly client: VersionsClient,
		private readonly cache: VersionCache | null = null
	) {}

	/** The board's versions, newest first. */
	get versions(): Version[] {
		return this.#versions;
	}

	/** True until the first answer (or failure) of the server. */
	get loading(): boolean {
		return this.#loading;
	}

	/** Why the list could not be loaded, in words for the reader; null when it could. */
	get error(): string | null {
		return this.#error;
	}

	/** One listed version by id. */
	find(versionId: string): Version | undefined {
		return this.#versions.find((version) => version.id === versionId);
	}

	/** Loads the list again. */
	async refresh(): Promise<void> {
		try {
			this.#versions = await this.client.list();
			this.#error = null;
		} catch (error) {
			this.#error = messageOf(error);
		} finally {
			this.#loading = false;
		}
	}

	/** Saves the board as a version and lists it; throws VersionsRequestError when it cannot. */
	async save(label: string, createdBy: string | undefined): Promise<Version> {
		const version = await this.client.save({ label, createdBy });
		this.#versions = [version, ...this.#versions.filter((known) => known.id !== version.id)];
		return version;
	}

	/** A version's content as a new doc (its state is fetched once, then reused). */
	async doc(versionId: string): Promise<Y.Doc> {
		const state = await this.state(versionId);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, state);
		return doc;
	}

	/**
	 * A version's state: from this browser's kept copy when it has one (a version never changes),
	 * else fetched once and kept. A failed fetch is tried again next time.
	 */
	state(versionId: string): Promise<Uint8Array> {
		let state = this.#states.get(versionId);
		if (!state) {
			state = this.#load(versionId);
			this.#states.set(versionId, state);
			state.catch(() => this.#states.delete(versionId));
		}
		return state;
	}

	async #load(versionId: string): Promise<Uint8Array> {
		const kept = await this.cache?.get(versionId).catch(() => undefined);
		if (kept) return kept;
		const state = await this.client.state(versionId);
		// Keeping a copy is a convenience: a browser that cannot store it still shows the version.
		await this.cache?.put(versionId, state).catch(() => {});
		return state;
	}
}

/** The words to show for a failed request. */
export function messageOf(error: unknown): string {
	if (error instanceof VersionsRequestError) return error.message;
	return error instanceof Error ? error.message : String(error);
}
