import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, addRisk, boardRoots, initBoard } from '../../../src/lib/board/index.ts';
import { readBoard } from '../../../src/lib/board/read-board.ts';

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
