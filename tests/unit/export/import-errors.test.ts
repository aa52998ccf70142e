import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	BoardAlreadyInitializedError,
	InvalidInputError,
	addPerson,
	addRisk,
	createBoard,
	isInitialized
} from '../../../src/lib/board/index.ts';
import {
	MAX_LISTED_ERRORS,
	readBoardImport,
	writeImportedBoard
} from '../../../src/lib/board/export/board-import.ts';
import { exportBoardJson, type BoardExport } from '../../../src/lib/board/export/board-json.ts';
import type { BoardImport } from '../../../src/lib/board/export/import-schema.ts';

/** A valid export of a kickoff board with one person and five risks. */
function validExport(): BoardExport {
	const doc = createBoard('kickoff', { title: 'Hand-edited' });
	const owner = addPerson(doc, { name: 'Ada' });
	for (let i = 0; i < 5; i++) addRisk(doc, { title: `Risk ${i}`, owner });
	return exportBoardJson(doc);
}

/** The errors reading `file` gives; fails the test if the file was accepted. */
function errorsOf(file: unknown): string[] {
	const read = readBoardImport(typeof file === 'string' ? file : JSON.stringify(file));
	if (read.ok) throw new Error('the file was accepted');
	return read.errors;
}

describe('readBoardImport', () => {
	it('accepts a valid export', () => {
		expect(readBoardImport(JSON.stringify(validExport())).ok).toBe(true);
	});

	it('names a risk score out of range by its path', () => {
		const file = validExport();
		file.risks[3]!.likelihood = 7;
		expect(errorsOf(file)).toEqual(['risks[3].likelihood: expected 1–5']);
	});

	it('lists every problem of a hand-edited file at once, each with its path', () => {
		const file = validExport();
		file.people[0]!.color = 'red';
		file.risks[0]!.impact = 2.5;
		(file.risks[1] as { status: string }).status = 'gone';
		file.risks[2]!.due = '2026-02-30';
		file.milestones = [
			{
				id: 'AAAAAAAAAAAAAAAA',
				title: '',
				due: '',
				owner: '',
				status: 'planned',
				decision: '',
				order: 'a0'
			}
		];
		file.charter.background = [
			{ type: 'paragraph', children: [{ text: 'x', link: 'javascript:alert(1)' }] }
		];
		const errors = errorsOf(file);
		expect(errors).toContain('people[0].color: Expected a colour as #rrggbb');
		expect(errors).toContain('risks[0].impact: expected 1–5');
		expect(errors).toContain(
			"risks[1].status: expected one of 'open', 'mitigating', 'accepted', 'closed'"
		);
		expect(errors.some((error) => error.startsWith('risks[2].due: '))).toBe(true);
		expect(errors.some((error) => error.startsWith('milestones[0].title: '))).toBe(true);
		expect(errors).toContain(
			'charter.background[0].children[0].link: only absolute http, https and mailto links are allowed'
		);
		expect(errors).toHaveLength(6);
	});

	it('finds references that point at nothing and duplicate ids', () => {
		const file = validExport();
		file.risks[0]!.owner = 'BBBBBBBBBBBBBBBB';
		file.risks[4]!.id = file.risks[2]!.id;
		file.raci = [{ task: 'CCCCCCCCCCCCCCCC', person: file.people[0]!.id, value: 'R' }];
		expect(errorsOf(file)).toEqual([
			`risks[4].id: duplicate id ${file.risks[2]!.id}`,
			'risks[0].owner: no person has the id BBBBBBBBBBBBBBBB',
			'raci[0].task: no RACI task has the id CCCCCCCCCCCCCCCC'
		]);
	});

	it('refuses a file nested 20,000 levels deep with one message, before walking it', () => {
		const file = validExport();
		const deep = '{"list":'.repeat(20_000) + '[]' + '}'.repeat(20_000);
		const text = JSON.stringify(file).replace('"people":[', `"people":[${deep},`);
		expect(errorsOf(text)).toEqual([
			'The file nests more than 64 levels deep: it is not a Charter export.'
		]);
	});

	it('says a corrupted file is not JSON', () => {
		const text = JSON.stringify(validExport());
		const errors = errorsOf(text.slice(0, text.length / 2));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^The file is not valid JSON \(.+\)\.$/);
	});

	it('says other JSON is not a Charter export, and a newer schema is another version', () => {
		expect(errorsOf({ hello: 'world' })).toContain(
			"format: expected 'charter-board' (a Charter export)"
		);
		expect(errorsOf({ ...validExport(), schema: 3 })).toEqual([
			'schema: expected 1 to 2: this file was written by another version of Charter'
		]);
		// Schema-1 files hold plain text as strings, as schema-2 files do: they import.
		expect(readBoardImport(JSON.stringify({ ...validExport(), schema: 1 })).ok).toBe(true);
		expect(errorsOf([])).toEqual(['The file holds JSON, but not a Charter board export.']);
	});

	it('lists at most MAX_LISTED_ERRORS problems and says how many more there are', () => {
		const file = validExport();
		file.risks = Array.from({ length: 60 }, (_, i) => ({
			...file.risks[0]!,
			id: `risk${String(i).padStart(12, '0')}`,
			impact: 9
		}));
		const errors = errorsOf(file);
		expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
		expect(errors.at(-1)).toBe('…and 10 more.');
	});
});

describe('writeImportedBoard', () => {
	it('writes nothing when given an invalid board', () => {
		const file = validExport();
		file.risks[3]!.likelihood = 0;
		const doc = new Y.Doc();
		let updates = 0;
		doc.on('update', () => updates++);
		expect(() => writeImportedBoard(doc, file as unknown as BoardImport)).toThrow(
			InvalidInputError
		);
		expect(updates).toBe(0);
		expect(isInitialized(doc)).toBe(false);
	});

	it('refuses a document that already holds a board', () => {
		const read = readBoardImport(JSON.stringify(validExport()));
		if (!read.ok) throw new Error(read.errors.join('\n'));
		expect(() => writeImportedBoard(createBoard('blank'), read.board)).toThrow(
			BoardAlreadyInitializedError
		);
	});
});
