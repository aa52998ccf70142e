import * as Y from 'yjs';
import { boardRoots, createBoard, readRetroColumns } from '../../../src/lib/board/index.ts';
import { publishDrafts, setPhase } from '../../../src/lib/board/retro/index.ts';

/** The facilitator of every test retro. */
export const FACILITATOR = 'facilitator-1';

/** A new retro board facilitated by FACILITATOR, with its default Start/Stop/Continue columns. */
export function newRetro(): { doc: Y.Doc; columns: string[] } {
	const doc = createBoard('retro');
	boardRoots(doc).meta.set('facilitator', FACILITATOR);
	return { doc, columns: readRetroColumns(doc).items.map((column) => column.id) };
}

/**
 * A retro in `phase` with one published card per text, all in the first column (or in the
 * column given as `column:text`), written by `author`. Returns the card ids in order.
 */
export function retroWithCards(
	texts: readonly string[],
	phase: 'reveal' | 'group' | 'vote' | 'discuss' = 'group',
	author = 'user-a'
): { doc: Y.Doc; columns: string[]; cards: string[] } {
	const { doc, columns } = newRetro();
	setPhase(doc, 'reveal', FACILITATOR);
	let clock = 1_000;
	const drafts = texts.map((text) => ({
		id: fakeId(clock),
		column: columns[0]!,
		text,
		createdAt: clock++
	}));
	const cards = publishDrafts(doc, drafts, author);
	if (phase !== 'reveal') setPhase(doc, phase, FACILITATOR);
	return { doc, columns, cards };
}

/** A well-formed entity id that differs per number and sorts in number order. */
export function fakeId(n: number): string {
	return `card${String(n).padStart(12, '0')}`;
}
