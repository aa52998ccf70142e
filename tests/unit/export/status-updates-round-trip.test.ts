import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRisk, createBoard, readList } from '../../../src/lib/board/index.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { boardJsonText, exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { writeRichText } from '../../../src/lib/board/export/rich-text-write.ts';
import { basisOf, emptyBasis } from '../../../src/lib/board/updates/basis.ts';
import { publishStatusUpdate, startStatusUpdate } from '../../../src/lib/board/updates/commands.ts';
import { readBoard } from '../../../src/lib/board/read-board.ts';

const NOW = new Date('2026-03-09T10:00:00Z');

function boardWithUpdates(): Y.Doc {
	const doc = createBoard('kickoff', { title: 'Apollo', now: 1 });
	addRisk(doc, { title: 'Vendor slips', likelihood: 2, impact: 3 }, { now: 2 });
	const basis = basisOf(readBoard(doc), '2026-03-02');
	const published = startStatusUpdate(
		doc,
		{
			author: 'Tess',
			authorId: 'user-1',
			facts: [{ kind: 'risk-added', text: 'New risk “Vendor slips” (scored 2×3)' }],
			basis
		},
		{ now: 10 }
	);
	const summary = readList(doc, 'statusUpdates').items[0]!.summary;
	writeRichText(summary, [{ type: 'paragraph', children: [{ text: 'All good', bold: true }] }]);
	publishStatusUpdate(doc, published, { author: 'Tess', authorId: 'user-1' }, { now: 20 });
	startStatusUpdate(
		doc,
		{ author: 'Tess', authorId: 'user-1', facts: [], basis: emptyBasis('2026-03-09') },
		{ now: 30 }
	);
	return doc;
}

describe('status updates in the JSON export', () => {
	it('are exported with their summary, facts and basis, and survive an import unchanged', () => {
		const doc = boardWithUpdates();
		const exported = exportBoardJson(doc, NOW);
		expect(exported.statusUpdates).toHaveLength(2);
		expect(exported.statusUpdates[0]).toMatchObject({
			state: 'published',
			publishedAt: 20,
			summary: [{ type: 'paragraph', children: [{ text: 'All good', bold: true }] }],
			basis: { day: '2026-03-02', risks: [{ title: 'Vendor slips', likelihood: 2 }] }
		});
		const read = readBoardImport(boardJsonText(doc, NOW));
		if (!read.ok) throw new Error(read.errors.join('\n'));
		const copy = new Y.Doc();
		writeImportedBoard(copy, read.board);
		expect(exportBoardJson(copy, NOW)).toEqual(exported);
		expect(readList(copy, 'statusUpdates').skipped).toBe(0);
	});

	it('reads a file written before status updates as a board with none', () => {
		const older: Partial<ReturnType<typeof exportBoardJson>> = exportBoardJson(
			createBoard('kickoff'),
			NOW
		);
		delete older.statusUpdates;
		const read = readBoardImport(JSON.stringify(older));
		expect(read.ok && read.board.statusUpdates).toEqual([]);
	});

	it('refuses a published update without its time, and duplicate ids', () => {
		const exported = exportBoardJson(boardWithUpdates(), NOW);
		const [first, second] = exported.statusUpdates;
		const broken = {
			...exported,
			statusUpdates: [
				{ ...first!, publishedAt: null },
				{ ...second!, id: first!.id }
			]
		};
		const read = readBoardImport(JSON.stringify(broken));
		expect(read.ok ? [] : read.errors).toEqual([
			'statusUpdates[0].publishedAt: a published update needs its publishedAt',
			`statusUpdates[1].id: duplicate id ${first!.id}`
		]);
	});
});
