import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, addRisk, boardRoots, initBoard } from '../../../src/lib/board/index.ts';
import { ROOT_KEYS, localOrigin } from '../../../src/lib/board/doc.ts';
import { CELLS_KEYS, LIST_KEYS, readList } from '../../../src/lib/board/read.ts';
import { readBoard } from '../../../src/lib/board/read-board.ts';
import { emptyBasis } from '../../../src/lib/board/updates/basis.ts';
import { publishStatusUpdate, startStatusUpdate } from '../../../src/lib/board/updates/commands.ts';
import { BoardUndo, NOT_UNDONE } from '../../../src/lib/board/views/undo.svelte.ts';

describe('readBoard', () => {
	it('reads each part through its validated reader, skipping entries that do not parse', () => {
		const doc = new Y.Doc();
		initBoard(doc, 'kickoff');
		addPerson(doc, { name: 'Ada' });
		addRisk(doc, { title: 'Vendor slips' });
		boardRoots(doc).risks.set('not-an-id', new Y.Map());

		const read = readBoard(doc);
		expect(read.meta?.kind).toBe('kickoff');
		expect(read.people.map((person) => person.name)).toEqual(['Ada']);
		expect(read.risks.map((risk) => risk.title)).toEqual(['Vendor slips']);
		expect(read.charter.background).toBeInstanceOf(Y.XmlText);
		expect(read.retroSettings).toBeNull();
	});

	it('reads a part on first use and keeps it', () => {
		const doc = new Y.Doc();
		initBoard(doc, 'blank');
		const read = readBoard(doc);
		addPerson(doc, { name: 'Ada' });
		const people = read.people;
		addPerson(doc, { name: 'Grace' });
		expect(people.map((person) => person.name)).toEqual(['Ada']);
		expect(read.people).toBe(people);
		expect(readBoard(doc).people).toHaveLength(2);
	});
});

describe('the collection registry', () => {
	it('names every root of the document that holds entries, so each one is read, shown and undone', () => {
		// `editors` holds no entries people see or undo: it says who wrote with which client id.
		const registered = [...LIST_KEYS, ...CELLS_KEYS, 'meta', 'charter', 'retro', 'editors'].sort();
		expect(registered).toEqual(Object.keys(ROOT_KEYS).sort());
	});

	it('gives readBoard one part per collection, read through its schema', () => {
		const doc = new Y.Doc();
		initBoard(doc, 'retro');
		const read = readBoard(doc);
		for (const key of LIST_KEYS) expect(Array.isArray(read[key])).toBe(true);
		for (const key of CELLS_KEYS) expect(read[key]).toBeInstanceOf(Map);
		expect(read.retroColumns.length).toBeGreaterThan(0);
	});

	it('has undo track every collection but status updates: an addition to each is taken back', () => {
		const doc = new Y.Doc();
		initBoard(doc, 'blank');
		const undo = new BoardUndo(doc);
		const roots = boardRoots(doc);
		const keys = [...LIST_KEYS, ...CELLS_KEYS];
		for (const key of keys) {
			undo.stopCapturing();
			doc.transact(() => roots[key].set(`probe-${key}`, 1), localOrigin);
		}
		expect(keys.every((key) => roots[key].has(`probe-${key}`))).toBe(true);
		for (let step = 0; step < keys.length; step++) undo.undo();
		expect(keys.filter((key) => roots[key].has(`probe-${key}`))).toEqual(NOT_UNDONE);
	});

	it('never takes back the publishing of a status update', () => {
		const doc = new Y.Doc();
		initBoard(doc, 'kickoff');
		const undo = new BoardUndo(doc);
		const id = startStatusUpdate(doc, {
			health: 'at-risk',
			author: 'Tess Lead',
			authorId: 'user-1',
			facts: [],
			basis: emptyBasis('2026-12-07')
		});
		undo.stopCapturing();
		publishStatusUpdate(doc, id, { author: 'Tess Lead', authorId: 'user-1' });
		undo.undo();
		undo.undo();
		const [update] = readList(doc, 'statusUpdates').items;
		expect(update).toMatchObject({ id, state: 'published', author: 'Tess Lead' });
	});
});
