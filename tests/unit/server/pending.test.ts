import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mayIntegrate, PendingUpdates, takeWaiting } from '../../../server/sync/pending.ts';

/** Three updates of one writer, each building on the one before. */
function chainOfUpdates(): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	const text = doc.getText('t');
	text.insert(0, 'one ');
	text.insert(4, 'two ');
	text.insert(8, 'three');
	return updates;
}

describe('takeWaiting', () => {
	it('takes what Yjs keeps pending out of the doc, and leaves nothing behind', () => {
		const [first, second, third] = chainOfUpdates();
		const doc = new Y.Doc();
		Y.applyUpdate(doc, third!);
		const waiting = takeWaiting(doc)!;
		expect(waiting).not.toBeNull();
		expect(doc.store.pendingStructs).toBeNull();
		expect(takeWaiting(doc)).toBeNull();
		// Sync replies no longer carry it.
		expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(4);
		Y.applyUpdate(doc, first!);
		expect(mayIntegrate(waiting, doc)).toBe(false);
		Y.applyUpdate(doc, second!);
		expect(mayIntegrate(waiting, doc)).toBe(true);
		Y.applyUpdateV2(doc, waiting.update);
		expect(doc.getText('t').toString()).toBe('one two three');
		expect(takeWaiting(doc)).toBeNull();
	});

	it('takes deletes of structs the doc has not seen, and knows when they may apply', () => {
		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (update: Uint8Array) => updates.push(update));
		source.getText('t').insert(0, 'gone soon');
		source.getText('t').delete(0, 5);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, updates[1]!);
		const waiting = takeWaiting(doc)!;
		expect(doc.store.pendingDs).toBeNull();
		Y.applyUpdate(doc, updates[0]!);
		expect(mayIntegrate(waiting, doc)).toBe(true);
		Y.applyUpdateV2(doc, waiting.update);
		expect(doc.getText('t').toString()).toBe('soon');
	});
});

describe('PendingUpdates', () => {
	const waitingOf = (bytes: number) => ({
		update: new Uint8Array(bytes),
		missing: new Map([[1, 0]])
	});

	it('holds waiting updates per owner and drops an owner past its own bound', () => {
		const pending = new PendingUpdates<string>({
			maxPendingBytesPerConnection: 100,
			maxPendingBytesPerBoard: 1_000
		});
		expect(pending.hold('ada', waitingOf(60))).toEqual([]);
		expect(pending.hold('grace', waitingOf(60))).toEqual([]);
		expect(pending.hold('ada', waitingOf(60))).toEqual(['ada']);
		expect(pending.bytesOf('ada')).toBe(0);
		expect(pending.bytesOf('grace')).toBe(60);
		expect(pending.bytes).toBe(60);
	});

	it('past the board bound, drops whoever holds the most, not the newcomer', () => {
		const pending = new PendingUpdates<string>({
			maxPendingBytesPerConnection: 500,
			maxPendingBytesPerBoard: 600
		});
		pending.hold('flooder', waitingOf(450));
		expect(pending.hold('honest', waitingOf(200))).toEqual(['flooder']);
		expect(pending.bytesOf('honest')).toBe(200);
		expect(pending.bytes).toBe(200);
	});

	it('gives back an update once the doc has what it waits for, and forgets dropped owners', () => {
		const [first, second, third] = chainOfUpdates();
		const doc = new Y.Doc();
		Y.applyUpdate(doc, third!);
		const pending = new PendingUpdates<string>({
			maxPendingBytesPerConnection: 10_000,
			maxPendingBytesPerBoard: 10_000
		});
		pending.hold('ada', takeWaiting(doc)!);
		expect(pending.takeReady(doc)).toBeNull();
		Y.applyUpdate(doc, first!);
		Y.applyUpdate(doc, second!);
		const ready = pending.takeReady(doc);
		expect(ready?.owner).toBe('ada');
		expect(pending.bytes).toBe(0);
		pending.hold('ada', waitingOf(10));
		pending.drop('ada');
		expect(pending.bytes).toBe(0);
	});
});
