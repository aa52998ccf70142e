import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	boardRoots,
	createBoard,
	InvalidInputError,
	readList
} from '../../../../src/lib/board/index.ts';
import { emptyBasis } from '../../../../src/lib/board/updates/basis.ts';
import {
	StatusUpdateFrozenError,
	discardStatusUpdate,
	publishStatusUpdate,
	redraftStatusUpdate,
	removeStatusFact,
	rewordStatusFact,
	setStatusUpdateHealth,
	startStatusUpdate
} from '../../../../src/lib/board/updates/commands.ts';
import {
	draftingBasis,
	latestPublished,
	publishedFeed
} from '../../../../src/lib/board/updates/feed.ts';
import type { StatusFact } from '../../../../src/lib/board/updates/model.ts';

const FACTS: StatusFact[] = [
	{
		kind: 'risk-added',
		text: 'New risk “Vendor” (scored 3×3)',
		section: 'risks',
		id: 'r'.repeat(16)
	},
	{ kind: 'person-joined', text: 'Ada joined the project' }
];

function draft(doc: Y.Doc, now = 1000) {
	return startStatusUpdate(
		doc,
		{ author: 'Tess', authorId: 'user-1', facts: FACTS, basis: emptyBasis('2026-03-01') },
		{ now }
	);
}

const updates = (doc: Y.Doc) => readList(doc, 'statusUpdates').items;

describe('status update commands', () => {
	it('start a draft with its summary rich text, facts and basis', () => {
		const doc = createBoard('kickoff');
		const id = draft(doc);
		const [update] = updates(doc);
		expect(update).toMatchObject({
			id,
			health: 'on-track',
			state: 'draft',
			author: 'Tess',
			authorId: 'user-1',
			createdAt: 1000,
			publishedAt: null,
			facts: FACTS
		});
		expect(update!.summary).toBeInstanceOf(Y.XmlText);
	});

	it('edit a draft: health, a fact reworded, a fact removed, facts redrafted', () => {
		const doc = createBoard('kickoff');
		const id = draft(doc);
		setStatusUpdateHealth(doc, id, 'at-risk');
		rewordStatusFact(doc, id, 1, 'Ada joined as the tech lead');
		expect(updates(doc)[0]!.facts[1]!.text).toBe('Ada joined as the tech lead');
		removeStatusFact(doc, id, 0);
		expect(updates(doc)[0]).toMatchObject({
			health: 'at-risk',
			facts: [{ kind: 'person-joined', text: 'Ada joined as the tech lead' }]
		});
		redraftStatusUpdate(doc, id, FACTS, emptyBasis('2026-03-02'));
		expect(updates(doc)[0]!.facts).toEqual(FACTS);
		expect(updates(doc)[0]!.basis).toMatchObject({ day: '2026-03-02' });
	});

	it('refuse a fact reworded to nothing, and write nothing', () => {
		const doc = createBoard('kickoff');
		const id = draft(doc);
		expect(() => rewordStatusFact(doc, id, 0, '   ')).toThrow(InvalidInputError);
		expect(updates(doc)[0]!.facts).toEqual(FACTS);
	});

	it('publish a draft signed and stamped, and refuse every change after', () => {
		const doc = createBoard('kickoff');
		const id = draft(doc);
		publishStatusUpdate(doc, id, { author: 'Tess Lead', authorId: 'user-2' }, { now: 5000 });
		expect(updates(doc)[0]).toMatchObject({
			state: 'published',
			publishedAt: 5000,
			author: 'Tess Lead',
			authorId: 'user-2'
		});
		const before = Y.encodeStateVector(doc);
		for (const change of [
			() => setStatusUpdateHealth(doc, id, 'off-track'),
			() => rewordStatusFact(doc, id, 0, 'Other words'),
			() => removeStatusFact(doc, id, 0),
			() => redraftStatusUpdate(doc, id, [], emptyBasis('2026-03-03')),
			() => publishStatusUpdate(doc, id, { author: 'X', authorId: 'user-3' }),
			() => discardStatusUpdate(doc, id)
		])
			expect(change).toThrow(StatusUpdateFrozenError);
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});

	it('discard a draft', () => {
		const doc = createBoard('kickoff');
		discardStatusUpdate(doc, draft(doc));
		expect(updates(doc)).toEqual([]);
	});

	it('refuse a publication without a name', () => {
		const doc = createBoard('kickoff');
		const id = draft(doc);
		expect(() => publishStatusUpdate(doc, id, { author: ' ', authorId: 'user-1' })).toThrow(
			InvalidInputError
		);
		expect(updates(doc)[0]!.state).toBe('draft');
	});
});

describe('the feed', () => {
	it('lists published updates newest first, without drafts, and skips an entry that does not parse', () => {
		const doc = createBoard('kickoff');
		const first = draft(doc, 1);
		const second = draft(doc, 2);
		draft(doc, 3);
		publishStatusUpdate(doc, second, { author: 'Tess', authorId: 'u' }, { now: 100 });
		publishStatusUpdate(doc, first, { author: 'Tess', authorId: 'u' }, { now: 200 });
		boardRoots(doc).statusUpdates.set('x'.repeat(16), new Y.Map([['state', 'published']]));
		const read = readList(doc, 'statusUpdates');
		expect(read.skipped).toBe(1);
		expect(publishedFeed(read.items).map((update) => update.id)).toEqual([first, second]);
		expect(latestPublished(read.items)?.id).toBe(first);
	});

	it('drafts from the latest update whose basis parses, else the baseline, else an empty board', () => {
		const doc = createBoard('kickoff');
		const baseline = emptyBasis('2026-01-01');
		expect(draftingBasis(updates(doc), null, '2026-03-09')).toEqual({
			from: 'empty',
			basis: emptyBasis('2026-03-09')
		});
		expect(draftingBasis(updates(doc), baseline, '2026-03-09').from).toBe('baseline');
		const id = draft(doc);
		publishStatusUpdate(doc, id, { author: 'Tess', authorId: 'u' }, { now: 100 });
		expect(draftingBasis(updates(doc), baseline, '2026-03-09')).toMatchObject({
			from: 'previous',
			basis: emptyBasis('2026-03-01')
		});
		const entry = boardRoots(doc).statusUpdates.get(id) as Y.Map<unknown>;
		entry.set('basis', { day: 'not a day' });
		expect(draftingBasis(updates(doc), baseline, '2026-03-09').from).toBe('baseline');
	});
});
