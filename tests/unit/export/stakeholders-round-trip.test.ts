import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addPerson,
	createBoard,
	readPeople,
	updateStakeholder
} from '../../../src/lib/board/index.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { boardJsonText, exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { boardCsv } from '../../../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../../../src/lib/board/export/markdown.ts';
import { compareBoards, countChanges } from '../../../src/lib/board/diff/compare.ts';
import { basisOf } from '../../../src/lib/board/updates/basis.ts';
import { draftFacts } from '../../../src/lib/board/updates/facts.ts';
import { readBoard } from '../../../src/lib/board/read-board.ts';
import { peerOf } from '../../helpers/board.ts';

function boardWithStakeholders() {
	const doc = createBoard('kickoff', { now: 1_700_000_000_000 });
	const maya = addPerson(doc, { name: 'Maya', role: 'Sponsor' });
	const raj = addPerson(doc, { name: 'Raj' });
	updateStakeholder(doc, maya, {
		influence: 4,
		interest: 5,
		attitude: 'supporter',
		commsChannel: 'Weekly e-mail update',
		commsFrequency: 'weekly'
	});
	return { doc, maya, raj };
}

function importOf(text: string): Y.Doc {
	const read = readBoardImport(text);
	if (!read.ok) throw new Error(read.errors.join('\n'));
	const imported = new Y.Doc();
	writeImportedBoard(imported, read.board);
	return imported;
}

describe('stakeholder fields in the JSON export and import', () => {
	it('survive a round trip, and a person without them stays without', () => {
		const { doc, maya, raj } = boardWithStakeholders();
		const json = JSON.parse(boardJsonText(doc));
		expect(json.people.find((person: { id: string }) => person.id === maya)).toMatchObject({
			influence: 4,
			interest: 5,
			attitude: 'supporter',
			commsChannel: 'Weekly e-mail update',
			commsFrequency: 'weekly'
		});
		expect(Object.keys(json.people.find((person: { id: string }) => person.id === raj))).toEqual([
			'id',
			'name',
			'role',
			'color',
			'order'
		]);
		const imported = importOf(boardJsonText(doc));
		expect(readPeople(imported).items).toEqual(readPeople(doc).items);
	});

	it('refuses a value out of range, by path', () => {
		const { doc } = boardWithStakeholders();
		const json = exportBoardJson(doc) as unknown as { people: Record<string, unknown>[] };
		json.people[0]!.influence = 7;
		const read = readBoardImport(JSON.stringify(json));
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.errors).toContain('people[0].influence: expected 1–5');
	});
});

describe('stakeholders in Markdown and CSV', () => {
	it('the Markdown has a communications plan; the people CSV has the columns', () => {
		const { doc } = boardWithStakeholders();
		const markdown = boardMarkdown(doc, '2026-03-01');
		expect(markdown).toContain('## Stakeholders');
		expect(markdown).toContain(
			'| Maya | Sponsor | 4 | 5 | Manage closely | Supporter | Weekly e-mail update | Weekly |'
		);
		expect(markdown).not.toContain('| Raj |  —');
		const csv = boardCsv(doc, 'people');
		expect(csv).toContain(
			'ID,Person,Role,Influence,Interest,Quadrant,Attitude,Channel,Frequency\r\n'
		);
		expect(csv).toMatch(
			/,Maya,Sponsor,4,5,Manage closely,Supporter,Weekly e-mail update,Weekly\r\n/
		);
		expect(csv).toMatch(/,Raj,,,,Not placed,,,\r\n/);
	});
});

describe('stakeholders in comparisons and status updates', () => {
	it('the compare lists a move to another quadrant and an attitude changed', () => {
		const { doc, maya, raj } = boardWithStakeholders();
		const before = peerOf(doc);
		updateStakeholder(doc, maya, { influence: 2, attitude: 'sceptic' });
		updateStakeholder(doc, raj, { influence: 1, interest: 1 });
		const changes = compareBoards(before, doc);
		expect(changes.stakeholders.moved).toEqual([
			{ id: maya, name: 'Maya', before: 'Manage closely', after: 'Keep informed' },
			{ id: raj, name: 'Raj', before: 'Not placed', after: 'Monitor' }
		]);
		expect(changes.stakeholders.attitude).toEqual([
			{ id: maya, name: 'Maya', before: 'Supporter', after: 'Sceptic' }
		]);
		expect(countChanges(changes)).toBe(3);
	});

	it('a status update names a stakeholder whose attitude changed', () => {
		const { doc, maya } = boardWithStakeholders();
		const previous = basisOf(readBoard(doc), '2026-03-01');
		updateStakeholder(doc, maya, { attitude: 'sceptic' });
		const facts = draftFacts(previous, basisOf(readBoard(doc), '2026-03-08'), '2026-03-08');
		expect(facts).toContainEqual({
			kind: 'stakeholder-attitude',
			text: 'Maya is now a sceptic (was a supporter)',
			section: 'stakeholders',
			id: maya
		});
	});
});
