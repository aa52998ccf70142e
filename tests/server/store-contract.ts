import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../server/store/store.ts';

/** Makes a store for one test; `reopen` gives a new store over the same data. */
export interface StoreFixture {
	store: Store;
	reopen(): Promise<Store>;
	dispose(): Promise<void>;
}

function updatesOf(doc: Y.Doc, edits: (doc: Y.Doc) => void): Uint8Array[] {
	const updates: Uint8Array[] = [];
	const record = (update: Uint8Array) => updates.push(update);
	doc.on('update', record);
	edits(doc);
	doc.off('update', record);
	return updates;
}

function contentOf(doc: Y.Doc) {
	return { meta: doc.getMap('meta').toJSON(), list: doc.getArray('list').toJSON() };
}

function contentStored(stored: { snapshot: Uint8Array | null; log: Uint8Array[] }) {
	const doc = new Y.Doc();
	if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
	for (const update of stored.log) Y.applyUpdate(doc, update);
	return contentOf(doc);
}

/** The behaviour every Store adapter must have (SQLite today, PostgreSQL later). */
export function storeContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
	describe(`Store contract: ${name}`, () => {
		let fixture: StoreFixture;
		beforeEach(async () => {
			fixture = await makeFixture();
		});
		afterEach(async () => {
			await fixture.dispose();
		});

		it('loads an unknown board as empty', async () => {
			expect(await fixture.store.load('unknown-board-id-0000')).toEqual({
				snapshot: null,
				log: []
			});
		});

		it('returns appended updates in the order they were appended', async () => {
			const doc = new Y.Doc();
			const updates = updatesOf(doc, (d) => {
				for (let i = 0; i < 10; i++) d.getArray('list').push([i]);
			});
			for (const update of updates) await fixture.store.append('board-a', update);
			const stored = await fixture.store.load('board-a');
			expect(stored.snapshot).toBeNull();
			expect(stored.log.map((u) => [...u])).toEqual(updates.map((u) => [...u]));
		});

		it('appends a batch in order, after what was appended before', async () => {
			const doc = new Y.Doc();
			const updates = updatesOf(doc, (d) => {
				for (let i = 0; i < 10; i++) d.getArray('list').push([i]);
			});
			await fixture.store.append('board-h', updates[0]!);
			await fixture.store.appendMany('board-h', updates.slice(1));
			await fixture.store.appendMany('board-h', []);
			const stored = await fixture.store.load('board-h');
			expect(stored.log.map((u) => [...u])).toEqual(updates.map((u) => [...u]));
		});

		it('keeps boards apart', async () => {
			await fixture.store.append('board-a', Uint8Array.of(0, 0));
			expect(await fixture.store.load('board-b')).toEqual({ snapshot: null, log: [] });
		});

		it('compacts the log into one snapshot with the same content', async () => {
			const doc = new Y.Doc();
			const updates = updatesOf(doc, (d) => {
				d.getMap('meta').set('title', 'Compact me');
				for (let i = 0; i < 50; i++) d.getArray('list').push([i]);
				d.getArray('list').delete(0, 10);
			});
			for (const update of updates) await fixture.store.append('board-c', update);
			await fixture.store.compact('board-c');
			const stored = await fixture.store.load('board-c');
			expect(stored.log).toHaveLength(0);
			expect(stored.snapshot).not.toBeNull();
			expect(contentStored(stored)).toEqual(contentOf(doc));
		});

		it('keeps updates appended after a compaction, and compacts again', async () => {
			const doc = new Y.Doc();
			const before = updatesOf(doc, (d) => d.getArray('list').push(['first']));
			for (const update of before) await fixture.store.append('board-d', update);
			await fixture.store.compact('board-d');
			const after = updatesOf(doc, (d) => d.getArray('list').push(['second']));
			for (const update of after) await fixture.store.append('board-d', update);
			expect(contentStored(await fixture.store.load('board-d'))).toEqual(contentOf(doc));
			await fixture.store.compact('board-d');
			const stored = await fixture.store.load('board-d');
			expect(stored.log).toHaveLength(0);
			expect(contentStored(stored)).toEqual(contentOf(doc));
		});

		it('does nothing when compacting a board with no log', async () => {
			await fixture.store.compact('board-e');
			expect(await fixture.store.load('board-e')).toEqual({ snapshot: null, log: [] });
		});

		it('keeps what was appended when reopened', async () => {
			const doc = new Y.Doc();
			const updates = updatesOf(doc, (d) => d.getMap('meta').set('title', 'Durable'));
			for (const update of updates) await fixture.store.append('board-f', update);
			const reopened = await fixture.reopen();
			expect(contentStored(await reopened.load('board-f'))).toEqual(contentOf(doc));
		});

		it('answers a ping while open and fails once closed', async () => {
			await expect(fixture.store.ping()).resolves.toBeUndefined();
			await fixture.store.close();
			await expect(fixture.store.ping()).rejects.toThrow();
			await expect(fixture.store.append('board-g', Uint8Array.of(0, 0))).rejects.toThrow();
			await expect(fixture.store.appendMany('board-g', [Uint8Array.of(0, 0)])).rejects.toThrow();
		});
	});
}
