import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { readBoardDocument, type BoardDocumentModel } from '$lib/board/export/board-document.ts';

/**
 * The document model of a board, read again after each change of the doc: a live board's print
 * view follows edits, a saved version (a doc nobody changes) is read once.
 */
export class LiveBoardDocument {
	readonly #doc: Y.Doc;
	readonly #subscribe: () => void;
	#cached: BoardDocumentModel | null = null;
	#listening = false;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#subscribe = createSubscriber((update) => {
			const changed = () => {
				this.#cached = null;
				update();
			};
			this.#listening = true;
			this.#cached = null;
			doc.on('update', changed);
			return () => {
				doc.off('update', changed);
				this.#listening = false;
			};
		});
	}

	/** The board as a document, as of its latest change. */
	get current(): BoardDocumentModel {
		this.#subscribe();
		// Outside an effect nothing hears of changes, so a cached model could be stale.
		if (!this.#listening || !this.#cached) this.#cached = readBoardDocument(this.#doc);
		return this.#cached;
	}
}
