import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addBudgetLine,
	addBudgetLines,
	addMilestone,
	addPerson,
	boardRoots,
	createBoard,
	readCurrency,
	readList,
	readMilestones,
	readPeople,
	setCurrency
} from '../../../src/lib/board/index.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { boardJsonText, exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { parseCsv, readBudgetCsv } from '../../../src/lib/board/export/budget-csv.ts';
import { boardCsv } from '../../../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../../../src/lib/board/export/markdown.ts';

const NOW = new Date('2026-03-01T10:00:00Z');

function boardWithBudget() {
	const doc = createBoard('kickoff', { now: 1_700_000_000_000 });
	const ada = addPerson(doc, { name: 'Ada' });
	const beta = addMilestone(doc, { title: 'Beta', due: '2026-04-01' });
	setCurrency(doc, 'KWD');
	addBudgetLine(
		doc,
		{
			title: 'Contractors, "senior"',
			category: 'labour',
			owner: ada,
			milestone: beta,
			planned: 1_234_567,
			actual: 2_000_001,
			notes: '=not a formula'
		},
		{ now: 5 }
	);
	addBudgetLine(doc, { title: 'Travel', category: 'travel', planned: 500 }, { now: 6 });
	return { doc, ada, beta };
}

function importOf(text: string): Y.Doc {
	const read = readBoardImport(text);
	if (!read.ok) throw new Error(read.errors.join('\n'));
	const imported = new Y.Doc();
	writeImportedBoard(imported, read.board);
	return imported;
}

const context = (doc: Y.Doc) => ({
	currency: readCurrency(doc),
	people: readPeople(doc).items,
	milestones: readMilestones(doc).items
});

describe('the budget in the JSON export and import', () => {
	it('survives a round trip with every field, its currency, ids and order', () => {
		const { doc } = boardWithBudget();
		const exported = exportBoardJson(doc, NOW);
		expect(exported.currency).toBe('KWD');
		expect(exported.budgetLines.map((line) => line.title)).toEqual([
			'Contractors, "senior"',
			'Travel'
		]);
		const imported = importOf(boardJsonText(doc, NOW));
		expect(exportBoardJson(imported, NOW)).toEqual(exported);
		const entry = [...boardRoots(imported).budgetLines.values()][0] as Y.Map<unknown>;
		expect(entry.get('title')).toBeInstanceOf(Y.Text);
	});

	it('reads a file from before the budget as euros with no lines, and refuses bad lines', () => {
		const { doc } = boardWithBudget();
		const file = exportBoardJson(doc, NOW) as unknown as Record<string, unknown>;
		const old = { ...file };
		delete old.currency;
		delete old.budgetLines;
		const imported = importOf(JSON.stringify(old));
		expect(readCurrency(imported)).toBe('EUR');
		expect(readList(imported, 'budgetLines').items).toEqual([]);
		const lines = file.budgetLines as Record<string, unknown>[];
		const bad = {
			...file,
			currency: 'XYZ',
			budgetLines: [
				{ ...lines[0], planned: 12.5, milestone: 'AAAAAAAAAAAAAAAA' },
				{ ...lines[1], id: lines[0]!.id, owner: 'BBBBBBBBBBBBBBBB' }
			]
		};
		const read = readBoardImport(JSON.stringify(bad));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^currency: expected an ISO 4217/),
				expect.stringMatching(/^budgetLines\[0\]\.planned: expected a whole number/)
			])
		);
		const refs = readBoardImport(
			JSON.stringify({
				...bad,
				currency: 'EUR',
				budgetLines: [bad.budgetLines[0], bad.budgetLines[1]].map((line) => ({
					...line,
					planned: 1
				}))
			})
		);
		expect(refs.ok ? [] : refs.errors).toEqual([
			'budgetLines[0].milestone: no milestone has the id AAAAAAAAAAAAAAAA',
			`budgetLines[1].id: duplicate id ${lines[0]!.id as string}`,
			'budgetLines[1].owner: no person has the id BBBBBBBBBBBBBBBB'
		]);
	});
});

describe('the budget in Markdown and CSV', () => {
	it('writes lines, totals and the burn table in the board currency, over budget in words', () => {
		const { doc } = boardWithBudget();
		const markdown = boardMarkdown(doc, '2026-03-01').replace(/\u00a0/g, ' ');
		expect(markdown).toContain('## Budget');
		expect(markdown).toContain(
			'| Contractors, "senior" (over budget) | Labour | Ada | Beta | KWD 1,234.567 | KWD 2,000.001 |'
		);
		expect(markdown).toContain(
			'| Labour | KWD 1,234.567 | KWD 2,000.001 | -KWD 765.434 | 162% | Over budget |'
		);
		expect(markdown).toContain('| 2026-04-01 | Beta | KWD 1,234.567 | KWD 2,000.001 |');
		expect(markdown).toContain('| — | Without a dated milestone | KWD 1,235.067 | KWD 2,000.001 |');
		expect(boardMarkdown(createBoard('kickoff'), '2026-03-01')).not.toContain('## Budget');
	});

	it('exports major units that its import reads back into another board', () => {
		const { doc } = boardWithBudget();
		const csv = boardCsv(doc, 'budget');
		const rows = parseCsv(csv);
		expect(rows[0]).toEqual([
			'ID',
			'Line',
			'Category',
			'Owner',
			'Milestone',
			'Planned',
			'Actual',
			'Notes'
		]);
		expect(rows[1]!.slice(1)).toEqual([
			'Contractors, "senior"',
			'labour',
			'Ada',
			'Beta',
			'1234.567',
			'2000.001',
			'=not a formula'
		]);
		expect(csv).toContain(",'=not a formula\r\n");
		const other = createBoard('kickoff');
		addPerson(other, { name: 'ada' });
		addMilestone(other, { title: 'BETA' });
		setCurrency(other, 'KWD');
		const read = readBudgetCsv(csv, context(other));
		if (!read.ok) throw new Error(JSON.stringify(read.problems));
		addBudgetLines(other, read.lines);
		const lines = readList(other, 'budgetLines').items;
		expect(
			lines.map(({ title, planned, actual, notes }) => [title, planned, actual, notes])
		).toEqual([
			['Contractors, "senior"', 1_234_567, 2_000_001, '=not a formula'],
			['Travel', 500, 0, '']
		]);
		expect(lines[0]!.owner).toBe(readPeople(other).items[0]!.id);
	});

	it('lists every problem by row and column, and gives no lines when any row is wrong', () => {
		const doc = createBoard('kickoff');
		addPerson(doc, { name: 'Ada' });
		addMilestone(doc, { title: 'Twin' });
		addMilestone(doc, { title: 'Twin' });
		const csv = [
			'Line,Category,Owner,Milestone,Planned,Actual,Extra',
			'Good,services,Ada,,"1,234.56",0.1,x',
			',food,Zed,Twin,12.345,-3',
			'',
			'Also good,,,,,',
			'Third,Labour,,Nowhere,abc,'
		].join('\n');
		const read = readBudgetCsv(csv, context(doc));
		expect(read).toEqual({
			ok: false,
			problems: [
				{ row: 3, column: 'Line', reason: 'is empty' },
				{
					row: 3,
					column: 'Category',
					reason: '"food" is not one of labour, licences, hardware, services, travel, other'
				},
				{ row: 3, column: 'Owner', reason: 'no person is named "Zed"' },
				{ row: 3, column: 'Milestone', reason: '2 milestones are titled "Twin"; rename one' },
				{ row: 3, column: 'Planned', reason: '"12.345" EUR has at most 2 decimals' },
				{ row: 3, column: 'Actual', reason: '"-3" must not be negative' },
				{ row: 6, column: 'Milestone', reason: 'no milestone is titled "Nowhere"' },
				{ row: 6, column: 'Planned', reason: '"abc" is not an amount' }
			]
		});
		expect(readBudgetCsv('Title,Planned\nA,"1,234.56"\nB,0.1\n', context(doc))).toEqual({
			ok: true,
			lines: [
				{
					title: 'A',
					category: 'other',
					owner: '',
					milestone: '',
					planned: 123456,
					actual: 0,
					notes: ''
				},
				{
					title: 'B',
					category: 'other',
					owner: '',
					milestone: '',
					planned: 10,
					actual: 0,
					notes: ''
				}
			]
		});
		expect(readBudgetCsv('Planned\n1\n', context(doc))).toEqual({
			ok: false,
			problems: [{ row: 1, column: 'Line', reason: 'no "Line" column in the header row' }]
		});
		expect(readBudgetCsv('', context(doc))).toMatchObject({ ok: false });
	});
});
