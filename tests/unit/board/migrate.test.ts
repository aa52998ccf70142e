import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	MIGRATED_AT_KEY,
	PLAIN_TEXT_FIELDS,
	SCHEMA_VERSION,
	boardRoots,
	migrateBoard,
	needsMigration,
	readMeta
} from '../../../src/lib/board/index.ts';
import { compareBoards, countChanges } from '../../../src/lib/board/diff/compare.ts';
import { readBoardDocument } from '../../../src/lib/board/export/board-document.ts';
import { exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { boardCsv, CSV_TABLES } from '../../../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../../../src/lib/board/export/markdown.ts';
import { readGroupNames, retroExtraRoots } from '../../../src/lib/board/retro/index.ts';
import { recordWrites, syncAll } from '../../helpers/board.ts';
import {
	SCHEMA_1_FIXTURES,
	exportedContent,
	fixtureDoc,
	schema1Fixture,
	valueHistory
} from '../../helpers/schema1.ts';

const MIGRATOR = Symbol('migrator');

/** Every plain text field of a board: where it is and what it holds. */
function plainTextFields(doc: Y.Doc): Array<{ where: string; value: unknown }> {
	const roots = boardRoots(doc);
	const fields = [{ where: 'meta.title', value: roots.meta.get('title') }];
	for (const [collection, shapes] of Object.entries(PLAIN_TEXT_FIELDS)) {
		for (const [id, entry] of roots[collection as keyof typeof PLAIN_TEXT_FIELDS].entries())
			// A field added after schema 1 (a risk's trigger) is absent from entries written before it.
			for (const field of Object.keys(shapes).filter((key) => (entry as Y.Map<unknown>).has(key)))
				fields.push({
					where: `${collection}.${id}.${field}`,
					value: (entry as Y.Map<unknown>).get(field)
				});
	}
	for (const [lead, name] of retroExtraRoots(doc).groupNames.entries())
		fields.push({ where: `retroGroupNames.${lead}`, value: name });
	return fields;
}

describe.each(SCHEMA_1_FIXTURES)('the schema-1 fixture %s', (name) => {
	const fixture = schema1Fixture(name);

	it('holds every plain text field as a string, and reads as its JSON export said', () => {
		const doc = fixtureDoc(fixture.update);
		expect(readMeta(doc).meta?.schema).toBe(1);
		const fields = plainTextFields(doc);
		expect(fields.length).toBeGreaterThan(1);
		for (const { where, value } of fields) expect(typeof value, where).toBe('string');
		expect(exportedContent(exportBoardJson(doc))).toEqual(exportedContent(fixture.json));
	});

	it('migrates in one transaction: every field a Y.Text holding the same text, schema 2', () => {
		const doc = fixtureDoc(fixture.update);
		const writes = recordWrites(doc);
		expect(migrateBoard(doc, MIGRATOR, 1_000)).toBe(true);
		writes.stop();
		expect(writes.transactions).toBe(1);
		expect(writes.origins).toEqual([MIGRATOR]);
		for (const { where, value } of plainTextFields(doc))
			expect(value, where).toBeInstanceOf(Y.Text);
		expect(readMeta(doc).meta?.schema).toBe(SCHEMA_VERSION);
		expect(boardRoots(doc).meta.get(MIGRATED_AT_KEY)).toBe(1_000);
		expect(needsMigration(doc)).toBe(false);
		expect(exportedContent(exportBoardJson(doc))).toEqual(exportedContent(fixture.json));
	});

	it('reads the same before and after: compare, Markdown, CSV and the print document agree', () => {
		const before = fixtureDoc(fixture.update);
		const after = fixtureDoc(fixture.update);
		migrateBoard(after, MIGRATOR);
		expect(countChanges(compareBoards(before, after))).toBe(0);
		expect(boardMarkdown(after, '2025-03-03')).toBe(boardMarkdown(before, '2025-03-03'));
		for (const table of CSV_TABLES) expect(boardCsv(after, table)).toBe(boardCsv(before, table));
		const printed = (doc: Y.Doc) => {
			const model = readBoardDocument(doc);
			// Rich text stays live Y types in the model: compared as the JSON they serialize to;
			// the budget's totals are exact BigInts, written as their digits.
			return JSON.stringify({ ...model, meta: { ...model.meta, schema: 'either' } }, (_, value) =>
				typeof value === 'bigint' ? value.toString() : value
			);
		};
		expect(printed(after)).toBe(printed(before));
	});

	it('is idempotent: migrating a migrated board writes nothing', () => {
		const doc = fixtureDoc(fixture.update);
		migrateBoard(doc, MIGRATOR);
		const writes = recordWrites(doc);
		expect(migrateBoard(doc, MIGRATOR)).toBe(false);
		writes.stop();
		expect(writes.updates).toBe(0);
	});

	it('converges when two or three peers migrate at once: one text per field, none lost or doubled', () => {
		for (const count of [2, 3]) {
			const peers = Array.from({ length: count }, (_, i) => fixtureDoc(fixture.update, 100 + i));
			for (const peer of peers) migrateBoard(peer, MIGRATOR);
			syncAll(...peers);
			const expected = exportedContent(fixture.json);
			for (const peer of peers) {
				expect(exportedContent(exportBoardJson(peer))).toEqual(expected);
				for (const { where, value } of plainTextFields(peer))
					expect(value, where).toBeInstanceOf(Y.Text);
			}
			const texts = (doc: Y.Doc) => plainTextFields(doc).map(({ value }) => String(value));
			for (const peer of peers) expect(texts(peer)).toEqual(texts(peers[0]!));
			// The title was set once by the board's creator, then once by each migrator.
			expect(valueHistory(boardRoots(peers[0]!).meta, 'title')).toBe(1 + count);
		}
	});
});

describe('migrating a retro board', () => {
	it('keeps the named group, and gives every group its name text', () => {
		const doc = fixtureDoc(schema1Fixture('schema1-retro').update);
		const before = readGroupNames(doc);
		expect([...before.values()]).toEqual(['Release process']);
		migrateBoard(doc, MIGRATOR);
		expect(readGroupNames(doc)).toEqual(before);
		for (const name of retroExtraRoots(doc).groupNames.values())
			expect(name).toBeInstanceOf(Y.Text);
	});

	it('leaves a document that is not a board alone', () => {
		const doc = new Y.Doc();
		expect(migrateBoard(doc, MIGRATOR)).toBe(false);
		expect(boardRoots(doc).meta.size).toBe(0);
	});
});
