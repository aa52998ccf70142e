// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addMilestone,
	addPerson,
	allocationKey,
	createBoard,
	readAllocations,
	removePerson,
	setAllocation
} from '../../../src/lib/board/index.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { boardJsonText, exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { boardCsv } from '../../../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../../../src/lib/board/export/markdown.ts';
import { compareBoards, countChanges } from '../../../src/lib/board/diff/compare.ts';

const NOW = new Date('2026-03-01T10:00:00Z');

function plannedBoard() {
	const doc = createBoard('kickoff', { now: 1_700_000_000_000 });
	const maya = addPerson(doc, { name: 'Maya' });
	const theo = addPerson(doc, { name: '=Theo' });
	addMilestone(doc, { title: 'Beta', due: '2027-04-15', owner: maya });
	setAllocation(doc, maya, '2027-03', 150);
	setAllocation(doc, theo, '2027-03', 50);
	setAllocation(doc, theo, '2027-05', 100);
	return { doc, maya, theo };
}

function imported(text: string): Y.Doc {
	const read = readBoardImport(text);
	if (!read.ok) throw new Error(read.errors.join('\n'));
	const doc = new Y.Doc();
	writeImportedBoard(doc, read.board);
	return doc;
}

describe('allocations in the JSON export', () => {
	it('survive an export and an import unchanged', () => {
		const { doc, maya, theo } = plannedBoard();
		const exported = exportBoardJson(doc, NOW);
		expect(exported.allocations).toEqual(
			[
				{ person: maya, month: '2027-03', percent: 150 },
				{ person: theo, month: '2027-03', percent: 50 },
				{ person: theo, month: '2027-05', percent: 100 }
			].sort((a, b) =>
				allocationKey(a.person, a.month) < allocationKey(b.person, b.month) ? -1 : 1
			)
		);
		const copy = imported(boardJsonText(doc, NOW));
		expect(readAllocations(copy).cells).toEqual(readAllocations(doc).cells);
		expect(boardJsonText(copy, NOW)).toBe(boardJsonText(doc, NOW));
	});

	it('imports a file written before allocations existed', () => {
		const json = exportBoardJson(plannedBoard().doc, NOW) as unknown as Record<string, unknown>;
		delete json.allocations;
		expect(readAllocations(imported(JSON.stringify(json))).cells.size).toBe(0);
	});

	it('refuses an unknown person, a bad month or percent, and a cell given twice, by path', () => {
		const { doc, maya } = plannedBoard();
		const json = exportBoardJson(doc, NOW);
		json.allocations = [
			{ person: 'x'.repeat(16), month: '2027-03', percent: 50 },
			{ person: maya, month: '2027-13', percent: 50 },
			{ person: maya, month: '2027-04', percent: 250 },
			{ person: maya, month: '2027-06', percent: 20 },
			{ person: maya, month: '2027-06', percent: 30 }
		];
		const read = readBoardImport(JSON.stringify(json));
		expect(read.ok).toBe(false);
		const errors = read.ok ? [] : read.errors;
		expect(errors).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^allocations\[1\]\.month: /),
				expect.stringMatching(/^allocations\[2\]\.percent: expected a whole percent from 0 to 200/)
			])
		);
		const crossRefs = readBoardImport(
			JSON.stringify({
				...json,
				allocations: [json.allocations[0], json.allocations[3], json.allocations[4]]
			})
		);
		expect(crossRefs.ok ? [] : crossRefs.errors).toEqual([
			`allocations[0].person: no person has the id ${'x'.repeat(16)}`,
			'allocations[2]: duplicate cell'
		]);
	});
});

describe('allocations in Markdown and CSV', () => {
	it('writes the plan as a table with person-months and the checks', () => {
		const markdown = boardMarkdown(plannedBoard().doc, '2026-03-01');
		const section = markdown.slice(markdown.indexOf('## Resources'));
		expect(section).toContain(
			'| Person | 2027-03 | 2027-04 | 2027-05 | 2027-06 | 2027-07 | 2027-08 |'
		);
		expect(section).toContain('| Maya | 150% |   |   |   |   |   |');
		expect(section).toContain('| Person-months | 2.0 | 0.0 | 1.0 | 0.0 | 0.0 | 0.0 |');
		expect(section).toContain('- ⚠ Maya is over-allocated in March 2027: 150%');
		expect(section).toContain(
			'- ⚠ Maya owns “Beta”, due in April 2027, but has no allocation that month'
		);
	});

	it('writes one CSV row per filled cell, people in board order, text guarded', () => {
		expect(boardCsv(plannedBoard().doc, 'allocations')).toBe(
			'\uFEFFPerson,Month,Percent\r\nMaya,2027-03,150\r\n' +
				"'=Theo,2027-03,50\r\n'=Theo,2027-05,100\r\n"
		);
	});
});

describe('allocations in a comparison', () => {
	it('lists cells added, changed and removed, named by person and month', () => {
		const { doc, maya, theo } = plannedBoard();
		const before = imported(boardJsonText(doc, NOW));
		setAllocation(doc, maya, '2027-03', 90);
		setAllocation(doc, maya, '2027-04', 40);
		setAllocation(doc, theo, '2027-05', 0);
		const changes = compareBoards(before, doc);
		expect(changes.allocations).toEqual([
			{ personId: maya, person: 'Maya', month: '2027-03', before: 150, after: 90 },
			{ personId: maya, person: 'Maya', month: '2027-04', before: null, after: 40 },
			{ personId: theo, person: '=Theo', month: '2027-05', before: 100, after: null }
		]);
		expect(countChanges(changes)).toBe(3);
	});

	it('names a removed person’s cells by the name the older board gave them', () => {
		const { doc, theo } = plannedBoard();
		const before = imported(boardJsonText(doc, NOW));
		removePerson(doc, theo);
		const changes = compareBoards(before, doc);
		expect(changes.allocations.map(({ person, month, after }) => [person, month, after])).toEqual([
			['=Theo', '2027-03', null],
			['=Theo', '2027-05', null]
		]);
	});
});
