import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import {
	addDraft,
	editDraft,
	markPublished,
	publishDrafts,
	readDrafts,
	readPublishedIds,
	removeDraft,
	type RetroDraft
} from '../board/retro/index.ts';
import { YSnapshot } from '../board/views/y-snapshot.svelte.ts';

/**
 * The IndexedDB database holding one user's drafts on one board. It is not the board's
 * database: nothing in it is ever handed to the websocket provider.
 */
export function draftDatabaseName(boardId: string, userId: string): string {
	return `charter-retro-drafts-${boardId}-${userId}`;
}

// Origin of updates received from this user's other tabs, so they are not echoed back.
const otherTab = Symbol('charter/retro-drafts-other-tab');

/**
 * A user's private retro drafts: a local Y.Doc kept in IndexedDB and shared only with the
 * same user's other tabs of this browser (BroadcastChannel, which never leaves the device).
 * Browser only.
 */
export class RetroDraftStore {
	/** The local, unsynced document; never given to a provider. */
	readonly doc = new Y.Doc();
	readonly #persistence: IndexeddbPersistence;
	readonly #channel: BroadcastChannel | null;
	readonly #drafts: YSnapshot<RetroDraft[]>;
	readonly #published: YSnapshot<Set<string>>;
	#loaded = $state(false);

	constructor(boardId: string, userId: string) {
		const name = draftDatabaseName(boardId, userId);
		this.#persistence = new IndexeddbPersistence(name, this.doc);
		this.#persistence.whenSynced.then(() => (this.#loaded = true));
		this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
		this.#channel?.addEventListener('message', this.#receive);
		this.doc.on('update', this.#send);
		this.#drafts = new YSnapshot(this.doc.getMap('drafts'), () => readDrafts(this.doc));
		this.#published = new YSnapshot(this.doc.getMap('published'), () => readPublishedIds(this.doc));
	}

	/** True once the drafts saved on this device were read. */
	get loaded(): boolean {
		return this.#loaded;
	}

	/** The drafts, oldest first. */
	get drafts(): RetroDraft[] {
		return this.#drafts.current;
	}

	/** Ids of the cards this user published from this browser: theirs, even when anonymous. */
	get publishedIds(): Set<string> {
		return this.#published.current;
	}

	/** Adds a draft; InvalidInputError for empty or too long text. */
	add(column: string, text: string): string {
		return addDraft(this.doc, { column, text });
	}

	/** Changes a draft's text. */
	edit(id: string, text: string): void {
		editDraft(this.doc, id, text);
	}

	/** Deletes a draft. */
	remove(id: string): void {
		removeDraft(this.doc, id);
	}

	/**
	 * Publishes every draft into the board as this user's cards and forgets the drafts. The
	 * board command refuses while the phase is `write`, so a caller's mistake cannot leak a draft.
	 */
	publishInto(board: Y.Doc, userId: string): string[] {
		const drafts = this.drafts;
		if (drafts.length === 0) return [];
		const ids = publishDrafts(board, drafts, userId);
		markPublished(this.doc, ids);
		return ids;
	}

	/** Closes the database and the channel. */
	destroy(): void {
		this.doc.off('update', this.#send);
		this.#channel?.removeEventListener('message', this.#receive);
		this.#channel?.close();
		void this.#persistence.destroy();
		this.doc.destroy();
	}

	#send = (update: Uint8Array, origin: unknown) => {
		if (origin !== otherTab) this.#channel?.postMessage(update);
	};

	#receive = (event: MessageEvent) => {
		if (event.data instanceof Uint8Array) Y.applyUpdate(this.doc, event.data, otherTab);
	};
}
