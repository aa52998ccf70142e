import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidInputError, readRetroCards } from '../../../src/lib/board/index.ts';
import {
	ANONYMOUS_AUTHOR,
	addDraft,
	editDraft,
	markPublished,
	publishDrafts,
	readDrafts,
	readPublishedIds,
	readWriters,
	removeDraft,
	reportWriting,
	setAnonymous,
	setPhase
} from '../../../src/lib/board/retro/index.ts';
import { FACILITATOR, fakeId, newRetro } from './fixtures.ts';

describe('private drafts', () => {
	it('are written to the local draft document only, never to the board', () => {
		const { doc, columns } = newRetro();
		const local = new Y.Doc();
		const boardBefore = Y.encodeStateAsUpdate(doc);
		addDraft(local, { column: columns[0]!, text: 'Secret gripe about the release train' });
		expect(Y.encodeStateAsUpdate(doc)).toEqual(boardBefore);
		expect(readDrafts(local).map((draft) => draft.text)).toEqual([
			'Secret gripe about the release train'
		]);
	});

	it('are edited and removed, trimmed, and never empty', () => {
		const local = new Y.Doc();
		const id = addDraft(local, { column: fakeId(1), text: 'first' }, 1);
		addDraft(local, { column: fakeId(1), text: 'second' }, 2);
		editDraft(local, id, '  first, better ');
		expect(() => editDraft(local, id, '   ')).toThrow(InvalidInputError);
		expect(readDrafts(local).map((draft) => draft.text)).toEqual(['first, better', 'second']);
		removeDraft(local, id);
		expect(readDrafts(local).map((draft) => draft.text)).toEqual(['second']);
	});

	it('become the user’s cards once published, and are remembered as theirs', () => {
		const { doc, columns } = newRetro();
		const local = new Y.Doc();
		addDraft(local, { column: columns[0]!, text: 'Pairing helped' });
		setPhase(doc, 'reveal', FACILITATOR);
		const ids = publishDrafts(doc, readDrafts(local), 'user-a');
		markPublished(local, ids);
		expect(readDrafts(local)).toEqual([]);
		expect(readPublishedIds(local)).toEqual(new Set(ids));
		expect(readRetroCards(doc).items.map((card) => card.text)).toEqual(['Pairing helped']);
	});

	it('carry no author in anonymous mode', () => {
		const { doc, columns } = newRetro();
		setAnonymous(doc, true, FACILITATOR);
		setPhase(doc, 'reveal', FACILITATOR);
		publishDrafts(doc, [{ id: fakeId(1), column: columns[0]!, text: 'x', createdAt: 1 }], 'user-a');
		const [card] = readRetroCards(doc).items;
		expect(card!.author).toBe(ANONYMOUS_AUTHOR);
		expect(JSON.stringify(doc.toJSON())).not.toContain('user-a');
	});
});

describe('reportWriting', () => {
	it('shares how many drafts a person holds and whether they are done, not their text', () => {
		const { doc } = newRetro();
		reportWriting(doc, 'user-a', { name: 'Ada', drafts: 2, done: false });
		reportWriting(doc, 'user-b', { name: 'Bo', drafts: 0, done: true });
		expect(readWriters(doc)).toEqual([
			{ userId: 'user-a', name: 'Ada', drafts: 2, done: false },
			{ userId: 'user-b', name: 'Bo', drafts: 0, done: true }
		]);
	});

	it('writes nothing when nothing changed', () => {
		const { doc } = newRetro();
		reportWriting(doc, 'user-a', { name: 'Ada', drafts: 1, done: false });
		const before = Y.encodeStateVector(doc);
		reportWriting(doc, 'user-a', { name: 'Ada', drafts: 1, done: false });
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});
});
