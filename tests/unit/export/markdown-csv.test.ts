import { describe, expect, it } from 'vitest';
import {
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	createBoard,
	readCharterSection,
	setRaciCell
} from '../../../src/lib/board/index.ts';
import { boardCsv, csvField, csvText } from '../../../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../../../src/lib/board/export/markdown.ts';
import { richTextMarkdown } from '../../../src/lib/board/export/markdown-rich-text.ts';
import { writeRichText } from '../../../src/lib/board/export/rich-text-write.ts';

/** A board whose risks were added out of score order and whose RACI has one good and two bad rows. */
function board() {
	const doc = createBoard('kickoff', { title: 'Q3 | plan' });
	const ada = addPerson(doc, { name: 'Ada' });
	const bob = addPerson(doc, { name: 'Bob, Jr.' });
	addRisk(doc, { title: 'Low one', likelihood: 1, impact: 2 });
	addRisk(doc, { title: 'Critical one', likelihood: 5, impact: 4, owner: ada });
	addRisk(doc, { title: '=HYPERLINK("http://evil")', likelihood: 3, impact: 3 });
	addRisk(doc, { title: 'Tied with medium', likelihood: 3, impact: 3 });
	const good = addRaciTask(doc, { title: 'Good row' });
	setRaciCell(doc, good, ada, 'A');
	setRaciCell(doc, good, bob, 'R');
	const twoA = addRaciTask(doc, { title: 'Two accountable' });
	setRaciCell(doc, twoA, ada, 'A');
	setRaciCell(doc, twoA, bob, 'A');
	addRaciTask(doc, { title: 'Empty row' });
	addMilestone(doc, { title: 'Comma, "quoted"', due: '2026-05-01', owner: bob });
	addAction(doc, { title: '@mention me', owner: ada, status: 'done' });
	return doc;
}

describe('CSV', () => {
	it('quotes fields holding commas, quotes or line breaks (RFC 4180) and leaves others bare', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(12)).toBe('12');
	});

	it('guards text cells that a spreadsheet would run as a formula', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r']) {
			expect(csvField(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
		}
		expect(csvField('=1+1,2')).toBe(`"'=1+1,2"`);
		expect(csvField('a=b')).toBe('a=b');
	});

	it('starts with a byte-order mark and ends every record with CRLF', () => {
		expect(
			csvText([
				['a', 'b'],
				['ü', 'ß']
			])
		).toBe('\uFEFFa,b\r\nü,ß\r\n');
	});

	it('lists risks by score, highest first, ties in board order, with injection guarded', () => {
		const lines = boardCsv(board(), 'risks').slice(1).split('\r\n');
		expect(lines[0]).toBe(
			'ID,Risk,Score,Band,Likelihood,Impact,Owner,Status,On heat map,Due,Mitigation,Ref,Category,' +
				'Response,Trigger,Review date,Residual likelihood,Residual impact,Affects actions,Affects milestones'
		);
		const titles = lines.slice(1, -1).map((line) => line.split(',')[1]);
		expect(titles).toEqual([
			'Critical one',
			`"'=HYPERLINK(""http://evil"")"`,
			'Tied with medium',
			'Low one'
		]);
		// Not numbered (no server here): no ref; nothing chosen, residual not assessed, no links.
		expect(lines[1]).toMatch(/,Critical one,20,Critical,5,4,Ada,Open,Yes,,,,,,,,,,,$/);
	});

	it('says of each risk whether the heat map counts it, as the Markdown heat map does', () => {
		const doc = board();
		addRisk(doc, { title: 'Closed one', likelihood: 5, impact: 5, status: 'closed' });
		const rows = boardCsv(doc, 'risks').slice(1).split('\r\n').slice(1, -1);
		const onHeatMap = (title: string) =>
			rows.find((row) => row.split(',')[1] === title)?.split(',')[8];
		expect(onHeatMap('Closed one')).toBe('No');
		expect(onHeatMap('Low one')).toBe('Yes');
		expect(rows.filter((row) => row.split(',')[8] === 'Yes')).toHaveLength(4);
		const markdown = boardMarkdown(doc, '2026-03-01');
		expect(markdown).toContain('_4 risks on the heat map. Closed risks are not counted._');
		expect(markdown).toContain(
			'| 5 Almost certain | 0 · Medium | 0 · High | 0 · High | 1 · Critical | 0 · Critical |'
		);
	});

	it('writes the RACI table with a column per person and each row’s checks', () => {
		const lines = boardCsv(board(), 'raci').slice(1).split('\r\n');
		expect(lines.slice(0, 4)).toEqual([
			'Task,Ada,"Bob, Jr.",Checks',
			'Good row,A,R,OK',
			'Two accountable,A,A,More than one Accountable; No Responsible',
			'Empty row,,,No Accountable; No Responsible'
		]);
	});

	it('writes milestones and actions with owners by name', () => {
		const milestones = boardCsv(board(), 'milestones');
		expect(milestones).toContain(',"Comma, ""quoted""",2026-05-01,"Bob, Jr.",Planned,\r\n');
		expect(boardCsv(board(), 'actions')).toContain(",'@mention me,Ada,,Done\r\n");
	});
});

describe('Markdown', () => {
	it('renders the whole board: every section, people, milestones, risks by score, heat map, RACI checks, actions', () => {
		const markdown = boardMarkdown(board(), '2026-03-01');
		expect(markdown.startsWith('# Q3 \\| plan\n\nProject kickoff · exported 2026-03-01\n')).toBe(
			true
		);
		for (const heading of [
			'## Charter',
			'### Background',
			'### Objectives',
			'### In scope',
			'### Out of scope',
			'### Success criteria',
			'### Assumptions',
			'### Constraints',
			'## People',
			'## Milestones',
			'## Risks',
			'### Heat map',
			'## RACI',
			'## Actions'
		])
			expect(markdown).toContain(`\n${heading}\n`);
		const register = markdown.slice(markdown.indexOf('### Register'));
		const order = ['Critical one', 'HYPERLINK', 'Tied with medium', 'Low one'].map((title) =>
			register.indexOf(title)
		);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(markdown).toContain(
			'| 5 Almost certain | 0 · Medium | 0 · High | 0 · High | 1 · Critical | 0 · Critical |'
		);
		expect(markdown).toContain(
			'| Two accountable | A | A | ⚠ More than one Accountable; No Responsible |'
		);
		expect(markdown).toContain('2 of 3 tasks fail a check.');
	});

	it('renders rich text with headings, lists, marks and safe links, and escapes what users typed', () => {
		const doc = createBoard('kickoff');
		const field = readCharterSection(doc, 'background')!;
		doc.transact(() =>
			writeRichText(field, [
				{ type: 'heading', level: 2, children: [{ text: '# Not a title' }] },
				{
					type: 'paragraph',
					children: [
						{ text: 'See ' },
						{ text: 'the plan', link: 'https://example.com/a(b)' },
						{ text: ' now ', bold: true },
						{ text: '<script>x</script>' }
					]
				},
				{
					type: 'list',
					ordered: true,
					items: [
						{ children: [{ text: 'one' }] },
						{ list: { type: 'list', ordered: false, items: [{ children: [{ text: '- inner' }] }] } }
					]
				}
			])
		);
		expect(boardMarkdown(doc, '2026-03-01')).toContain(
			[
				'### Background',
				'',
				'#### \\# Not a title',
				'',
				'See [the plan](https://example.com/a%28b%29) **now** \\<script\\>x\\</script\\>',
				'',
				'1. one',
				'   - \\- inner'
			].join('\n')
		);
	});

	it('turns a line break inside a paragraph into a hard break', () => {
		expect(
			richTextMarkdown([{ type: 'paragraph', children: [{ text: 'a\nb', italic: true }] }])
		).toBe('_a_  \n_b_');
	});
});
