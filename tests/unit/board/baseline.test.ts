import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	BoardNotInitializedError,
	InvalidInputError,
	createBoard,
	readBaseline,
	readMeta,
	setBaseline
} from '../../../src/lib/board/index.ts';
import { expectRejectedWithoutWrite, peerOf, syncAll } from '../../helpers/board.ts';

const VERSION = 'V1StGXR8_Z5jdHi6B-myT';

describe('setBaseline', () => {
	it('marks a version as the baseline, which a peer reads after sync', () => {
		const doc = createBoard('kickoff');
		const peer = peerOf(doc);
		expect(readBaseline(doc)).toBeNull();
		setBaseline(doc, { versionId: VERSION, label: '  Kickoff  ' });
		expect(readBaseline(doc)).toEqual({ versionId: VERSION, label: 'Kickoff' });
		syncAll(doc, peer);
		expect(readBaseline(peer)).toEqual({ versionId: VERSION, label: 'Kickoff' });
	});

	it('clears the baseline with null, leaving the rest of meta as it was', () => {
		const doc = createBoard('kickoff', { title: 'Kept' });
		setBaseline(doc, { versionId: VERSION, label: 'Kickoff' });
		setBaseline(doc, null);
		expect(readBaseline(doc)).toBeNull();
		expect([...doc.getMap('meta').keys()].sort()).toEqual(['createdAt', 'kind', 'schema', 'title']);
		expect(readMeta(doc)).toMatchObject({ ok: true, meta: { title: 'Kept' } });
	});

	it.each([
		['a malformed version id', { versionId: 'short', label: 'Kickoff' }],
		['an empty label', { versionId: VERSION, label: ' ' }],
		['a label of 101 characters', { versionId: VERSION, label: 'x'.repeat(101) }],
		['an unknown field', { versionId: VERSION, label: 'Kickoff', by: 'Ada' }]
	])('rejects %s and writes nothing', (_, input) => {
		const doc = createBoard('kickoff');
		const error = expectRejectedWithoutWrite(
			doc,
			() => setBaseline(doc, input as never),
			InvalidInputError
		);
		expect(error.message).toMatch(/^setBaseline: invalid input: /);
	});

	it('refuses a board that was not initialized', () => {
		const doc = new Y.Doc();
		expectRejectedWithoutWrite(
			doc,
			() => setBaseline(doc, { versionId: VERSION, label: 'x' }),
			BoardNotInitializedError
		);
	});
});

describe('readBaseline', () => {
	it('reads a baseline a peer wrote badly as none, and the board still reads', () => {
		const doc = createBoard('kickoff');
		doc.getMap('meta').set('baselineVersionId', '<script>');
		doc.getMap('meta').set('baselineLabel', 42);
		expect(readBaseline(doc)).toBeNull();
		expect(readMeta(doc).ok).toBe(true);
	});
});
