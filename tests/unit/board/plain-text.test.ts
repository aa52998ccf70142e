import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	PlainTextEditError,
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	boardRoots,
	boardTitleText,
	createBoard,
	editPlainText,
	entryText,
	groupNameText,
	localOrigin,
	readActions,
	readMeta,
	readMilestones,
	readRaciTasks,
	readRetroCards,
	readRetroColumns,
	readRisks,
	setTitle,
	updateMilestone,
	updatePerson,
	updateRisk
} from '../../../src/lib/board/index.ts';
import {
	editCardText,
	moveCardToGroup,
	nameGroup,
	readGroupNames,
	retroExtraRoots,
	setCardText,
	setPhase,
	ungroupCard
} from '../../../src/lib/board/retro/index.ts';
import { expectRejectedWithoutWrite, syncAll } from '../../helpers/board.ts';
import { FACILITATOR, retroWithCards } from '../retro/fixtures.ts';

function peerOf(doc: Y.Doc): Y.Doc {
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), 'remote');
	return peer;
}

describe('plain text fields (schema 2)', () => {
	it('are Y.Text created with their entry, in every collection and the board title', () => {
		const doc = createBoard('kickoff', { title: 'Kickoff' });
		const person = addPerson(doc, { name: 'Ana', role: 'Lead' });
		const ids = {
			milestones: addMilestone(doc, { title: 'Go live' }),
			risks: addRisk(doc, { title: 'Vendor slips' }),
			raciTasks: addRaciTask(doc, { title: 'Plan' }),
			actions: addAction(doc, { title: 'Call the vendor' })
		};
		expect(boardTitleText(doc)?.toString()).toBe('Kickoff');
		expect(entryText(doc, 'people', person, 'name')?.toString()).toBe('Ana');
		expect(entryText(doc, 'people', person, 'role')?.toString()).toBe('Lead');
		for (const [collection, id] of Object.entries(ids))
			expect(entryText(doc, collection as 'risks', id, 'title')).toBeInstanceOf(Y.Text);
		const retro = createBoard('retro');
		for (const column of boardRoots(retro).retroColumns.values())
			expect((column as Y.Map<unknown>).get('title')).toBeInstanceOf(Y.Text);
	});

	it('take a rename as the smallest change, so a peer typing elsewhere in it keeps their text', () => {
		const ana = createBoard('kickoff');
		const id = addRisk(ana, { title: 'Second test' });
		const text = entryText(ana, 'risks', id, 'title');
		const bo = peerOf(ana);
		updateRisk(ana, id, { title: 'Second exam' });
		const boText = entryText(bo, 'risks', id, 'title')!;
		bo.transact(() => boText.insert(boText.length, ' soon'), localOrigin);
		syncAll(ana, bo);
		expect(entryText(ana, 'risks', id, 'title')).toBe(text);
		expect(readRisks(ana).items[0]!.title).toBe('Second exam soon');
		expect(readRisks(bo).items[0]!.title).toBe('Second exam soon');
	});

	it('write nothing when renamed to what they hold', () => {
		const doc = createBoard('kickoff', { title: 'Same' });
		const id = addPerson(doc, { name: 'Ana' });
		expectNoWrite(doc, () => setTitle(doc, 'Same'));
		expectNoWrite(doc, () => updatePerson(doc, id, { name: 'Ana' }));
	});

	it('are read from a schema-1 string and from a Y.Text alike', () => {
		const doc = createBoard('kickoff');
		const risks = boardRoots(doc).risks;
		const shared = addRisk(doc, { title: 'Shared' });
		const entry = new Y.Map<unknown>(
			Object.entries({
				title: 'Old string',
				likelihood: 2,
				impact: 2,
				owner: '',
				status: 'open',
				due: '',
				mitigation: new Y.XmlText(),
				order: 'a5',
				createdAt: 1
			})
		);
		doc.transact(() => risks.set('oldStringRisk001', entry));
		boardRoots(doc).meta.set('title', 'A schema-1 title');
		expect(
			readRisks(doc)
				.items.map((risk) => risk.title)
				.sort()
		).toEqual(['Old string', 'Shared']);
		expect(readRisks(doc).items.find((risk) => risk.id === shared)!.title).toBe('Shared');
		expect(readMeta(doc).meta?.title).toBe('A schema-1 title');
	});

	it('show a text being retyped (empty, too long, with line breaks) rather than hide its entry', () => {
		const doc = createBoard('kickoff');
		const ids = ['', 'x'.repeat(250), ' two\nlines\t '].map(() => addAction(doc, { title: 'x' }));
		const texts = ['', 'x'.repeat(250), ' two\nlines\t '];
		doc.transact(() =>
			ids.forEach((id, i) => {
				const text = entryText(doc, 'actions', id, 'title')!;
				text.delete(0, text.length);
				text.insert(0, texts[i]!);
			})
		);
		const { items, skipped } = readActions(doc);
		expect(skipped).toBe(0);
		expect(items.map((action) => action.title)).toEqual(['', 'x'.repeat(200), 'two lines']);
	});

	it('are not rich text: a Y.XmlText where a title belongs is skipped and counted', () => {
		const doc = createBoard('kickoff');
		const id = addRaciTask(doc, { title: 'Plan' });
		doc.transact(() =>
			(boardRoots(doc).raciTasks.get(id) as Y.Map<unknown>).set('title', new Y.XmlText('x'))
		);
		expect(readRaciTasks(doc)).toEqual({ items: [], skipped: 1 });
	});

	it('are written as strings on a board still at schema 1, for the server to fold', () => {
		const doc = createBoard('kickoff');
		const id = addMilestone(doc, { title: 'Go live' });
		const entry = boardRoots(doc).milestones.get(id) as Y.Map<unknown>;
		doc.transact(() => {
			boardRoots(doc).meta.set('schema', 1);
			entry.set('title', 'Go live');
		});
		updateMilestone(doc, id, { title: 'Go live in May' });
		expect(entry.get('title')).toBe('Go live in May');
		expect(readMilestones(doc).items[0]!.title).toBe('Go live in May');
	});
});

describe('editPlainText', () => {
	it('applies one typed change, made to fit a one-line field', () => {
		const doc = createBoard('kickoff', { title: 'Board' });
		editPlainText(doc, boardTitleText(doc)!, { index: 5, remove: 0, insert: ' one\ntwo' });
		expect(boardTitleText(doc)!.toString()).toBe('Board one two');
	});

	it('refuses a text that is not a plain text field of the board, or a change that does not fit', () => {
		const doc = createBoard('kickoff');
		const other = createBoard('kickoff');
		const charter = boardRoots(doc).charter.get('background') as Y.XmlText;
		const change = { index: 0, remove: 0, insert: 'x' };
		expectRejectedWithoutWrite(
			doc,
			() => editPlainText(doc, boardTitleText(other)!, change),
			PlainTextEditError
		);
		expectRejectedWithoutWrite(doc, () => editPlainText(doc, charter, change), PlainTextEditError);
		expectRejectedWithoutWrite(
			doc,
			() => editPlainText(doc, boardTitleText(doc)!, { index: 99, remove: 1, insert: '' }),
			PlainTextEditError
		);
	});
});

describe('retro plain text', () => {
	it('publishes card text as Y.Text, and lets it be reworded while cards are read and grouped', () => {
		const { doc, cards } = retroWithCards(['Pair more'], 'group');
		expect(entryText(doc, 'retroCards', cards[0]!, 'text')).toBeInstanceOf(Y.Text);
		editCardText(doc, cards[0]!, { index: 9, remove: 0, insert: ' often' }, 'user-b');
		setCardText(doc, cards[0]!, 'Pair more often!', 'user-b');
		expect(readRetroCards(doc).items[0]!.text).toBe('Pair more often!');
		setPhase(doc, 'vote', FACILITATOR);
		expect(() => setCardText(doc, cards[0]!, 'Too late', 'user-b')).toThrow();
	});

	it('gives a group a name of its own when it forms, which moves with the lead', () => {
		const { doc, cards } = retroWithCards(['A', 'B', 'C'], 'group');
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		const name = groupNameText(doc, cards[0]!);
		expect(name).toBeInstanceOf(Y.Text);
		nameGroup(doc, cards[0]!, 'Pairing', 'user-a');
		expect(name!.toString()).toBe('Pairing');
		moveCardToGroup(doc, cards[2]!, cards[0]!, 'user-a');
		// Taking the lead out hands the name, as a Y.Text of its own, to the next card.
		ungroupCard(doc, cards[0]!, 'user-a');
		expect(readGroupNames(doc)).toEqual(new Map([[cards[1]!, 'Pairing']]));
		expect(groupNameText(doc, cards[1]!)?.toString()).toBe('Pairing');
		expect(retroExtraRoots(doc).groupNames.has(cards[0]!)).toBe(false);
		expect(readRetroColumns(doc).skipped).toBe(0);
	});
});

function expectNoWrite(doc: Y.Doc, command: () => void): void {
	const before = Y.encodeStateVector(doc);
	command();
	expect(Y.encodeStateVector(doc)).toEqual(before);
}
