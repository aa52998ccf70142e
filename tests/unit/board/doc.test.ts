import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
	BoardAlreadyInitializedError,
	CHARTER_SECTIONS,
	CHARTER_SECTION_LABELS,
	InvalidInputError,
	ROOT_KEYS,
	SCHEMA_VERSION,
	boardRoots,
	createBoard,
	initBoard,
	isInitialized,
	localOrigin,
	readMeta,
	readRetroColumns,
	readRetroSettings,
	type BoardKind
} from '../../../src/lib/board/index.ts';
import { expectRejectedWithoutWrite, peerOf, recordWrites } from '../../helpers/board.ts';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('createBoard', () => {
	it.each<[BoardKind, string]>([
		['kickoff', 'Project kickoff'],
		['retro', 'Retrospective'],
		['blank', 'Untitled board']
	])('writes the meta of a %s board with its default title', (kind, title) => {
		const doc = createBoard(kind, { now: 1_700_000_000_000 });
		expect(readMeta(doc)).toEqual({
			ok: true,
			meta: { schema: SCHEMA_VERSION, title, kind, createdAt: 1_700_000_000_000 },
			hidden: []
		});
	});

	it.each<BoardKind>(['kickoff', 'retro', 'blank'])(
		'creates the seven charter sections of a %s board as empty rich text',
		(kind) => {
			const { charter } = boardRoots(createBoard(kind));
			expect([...charter.keys()].sort()).toEqual([...CHARTER_SECTIONS].sort());
			for (const section of CHARTER_SECTIONS) {
				const text = charter.get(section);
				expect(text).toBeInstanceOf(Y.XmlText);
				expect((text as Y.XmlText).length).toBe(0);
			}
		}
	);

	it('gives a retro board its settings and Start / Stop / Continue columns in that order', () => {
		const doc = createBoard('retro');
		expect(readRetroSettings(doc)).toEqual({
			ok: true,
			settings: {
				format: 'start-stop-continue',
				phase: 'write',
				votesPerPerson: 3,
				timerEndsAt: null
			}
		});
		const columns = readRetroColumns(doc);
		expect(columns.skipped).toBe(0);
		expect(columns.items.map((column) => column.title)).toEqual(['Start', 'Stop', 'Continue']);
	});

	it.each<BoardKind>(['kickoff', 'blank'])('writes no retro data on a %s board', (kind) => {
		const roots = boardRoots(createBoard(kind));
		expect(roots.retro.size).toBe(0);
		expect(roots.retroColumns.size).toBe(0);
		expect(readRetroSettings(createBoard(kind)).ok).toBe(false);
	});

	it('uses the given title and retro format', () => {
		const doc = createBoard('retro', { title: '  Sprint 12  ', retroFormat: 'mad-sad-glad' });
		const meta = readMeta(doc);
		expect(meta.ok && meta.meta.title).toBe('Sprint 12');
		expect(readRetroColumns(doc).items.map((column) => column.title)).toEqual([
			'Mad',
			'Sad',
			'Glad'
		]);
	});

	it('makes exactly one transaction', () => {
		const transact = vi.spyOn(Y.Doc.prototype, 'transact');
		createBoard('retro');
		expect(transact).toHaveBeenCalledTimes(1);
	});
});

describe('initBoard', () => {
	it.each<BoardKind>(['kickoff', 'retro', 'blank'])(
		'writes a %s board in one transaction with the local origin',
		(kind) => {
			const doc = new Y.Doc();
			const recorder = recordWrites(doc);
			initBoard(doc, kind);
			expect(recorder.transactions).toBe(1);
			expect(recorder.updates).toBe(1);
			expect(recorder.origins).toEqual([localOrigin]);
		}
	);

	it('refuses a board that is already initialized and writes nothing', () => {
		const doc = createBoard('kickoff');
		expectRejectedWithoutWrite(doc, () => initBoard(doc, 'retro'), BoardAlreadyInitializedError);
	});

	it('rejects an unknown kind, an empty title and a negative time, writing nothing', () => {
		const doc = new Y.Doc();
		expectRejectedWithoutWrite(doc, () => initBoard(doc, 'party' as never), InvalidInputError);
		expectRejectedWithoutWrite(
			doc,
			() => initBoard(doc, 'blank', { title: ' ' }),
			InvalidInputError
		);
		expectRejectedWithoutWrite(doc, () => initBoard(doc, 'blank', { now: -1 }), InvalidInputError);
		expect(isInitialized(doc)).toBe(false);
	});
});

describe('isInitialized', () => {
	it('is false for an empty doc and true once a peer initialized the board', () => {
		const doc = new Y.Doc();
		expect(isInitialized(doc)).toBe(false);
		expect(isInitialized(peerOf(createBoard('blank')))).toBe(true);
	});
});

describe('boardRoots', () => {
	it('returns the top-level map of every root key', () => {
		const doc = new Y.Doc();
		const roots = boardRoots(doc);
		for (const key of Object.values(ROOT_KEYS)) expect(roots[key]).toBe(doc.getMap(key));
	});
});

describe('CHARTER_SECTION_LABELS', () => {
	it('labels every charter section', () => {
		for (const section of CHARTER_SECTIONS) expect(CHARTER_SECTION_LABELS[section]).toMatch(/\S/);
	});
});
