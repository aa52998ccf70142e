import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeCollected } from '../../../server/store/collect-garbage.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
	return Buffer.from(haystack).includes(Buffer.from(needle));
}

describe('mergeCollected', () => {
	it('drops deleted text and keeps the rest', () => {
		const doc = new Y.Doc();
		const parts: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => parts.push(update));
		const notes = doc.getText('notes');
		notes.insert(0, 'kept ');
		notes.insert(5, 'SECRET-PASSWORD');
		notes.delete(5, 'SECRET-PASSWORD'.length);

		const merged = mergeCollected(parts);
		expect(contains(Y.mergeUpdates(parts), bytesOf('SECRET-PASSWORD'))).toBe(true);
		expect(contains(merged, bytesOf('SECRET-PASSWORD'))).toBe(false);
		const reader = new Y.Doc();
		Y.applyUpdate(reader, merged);
		expect(reader.getText('notes').toString()).toBe('kept ');
	});

	it('keeps updates that wait for a missing one, from many writers, so they apply once it comes', () => {
		const withheld: Uint8Array[] = [];
		const waiting: Uint8Array[] = [];
		for (let writer = 0; writer < 40; writer++) {
			const doc = new Y.Doc();
			const text = doc.getText(`notes-${writer}`);
			text.insert(0, 'x');
			withheld.push(Y.encodeStateAsUpdate(doc));
			const before = Y.encodeStateVector(doc);
			text.insert(1, `waited ${writer}`);
			waiting.push(Y.encodeStateAsUpdate(doc, before));
		}
		const merged = mergeCollected(waiting);

		const reader = new Y.Doc();
		Y.applyUpdate(reader, merged);
		expect(reader.getText('notes-7').toString()).toBe('');
		for (const update of withheld) Y.applyUpdate(reader, update);
		expect(reader.getText('notes-7').toString()).toBe('xwaited 7');
		expect(reader.getText('notes-39').toString()).toBe('xwaited 39');
	});
});
