import type * as Y from 'yjs';
import { boardRoots } from '../doc.ts';
import { readMeta, readRisks, type ListRead, type MetaRead } from '../read.ts';
import type { Risk } from '../schema.ts';
import { YSnapshot } from './y-snapshot.svelte.ts';

/**
 * Reactive, validated views of one board for the UI. Entries a peer wrote that do not parse
 * are left out and reported once per collection in the console.
 */
export class BoardView {
	readonly #meta: YSnapshot<MetaRead>;
	readonly #risks: YSnapshot<ListRead<Risk>>;
	// Which collections were reported already: bookkeeping, not something to render.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #reported = new Set<string>();

	constructor(readonly doc: Y.Doc) {
		const roots = boardRoots(doc);
		this.#meta = new YSnapshot(roots.meta, () => readMeta(doc));
		this.#risks = new YSnapshot(roots.risks, () => this.#report('risks', readRisks(doc)));
	}

	/** The board's metadata, or `ok: false` while it has not arrived. */
	get meta(): MetaRead {
		return this.#meta.current;
	}

	/** The board's title, or '' while it has not arrived. */
	get title(): string {
		const meta = this.meta;
		return meta.ok ? meta.meta.title : '';
	}

	/** The risks in board order. */
	get risks(): Risk[] {
		return this.#risks.current.items;
	}

	#report<T>(collection: string, read: ListRead<T>): ListRead<T> {
		if (read.skipped > 0 && !this.#reported.has(collection)) {
			this.#reported.add(collection);
			console.warn(`Charter: ${read.skipped} ${collection} entries did not parse and are hidden`);
		}
		return read;
	}
}
