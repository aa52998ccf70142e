import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	StoreError,
	type Store,
	type StoredBoard,
	type VersionInfo
} from '../../server/store/store.ts';

/**
 * Makes a store for one test; `reopen` gives a new store over the same data, `openAnother` a
 * second one open beside the first (as another node's).
 */
export interface StoreFixture {
	store: Store;
	reopen(): Promise<Store>;
	openAnother(): Promise<Store>;
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

/** A version's metadata with a 21-character id made from `tag`, for the version cases. */
function versionMeta(
	tag: string,
	createdAt: number,
	overrides: Partial<Omit<VersionInfo, 'bytes'>> = {}
): Omit<VersionInfo, 'bytes'> {
	return {
		id: tag.padEnd(21, '_'),
		label: `Version ${tag}`,
		kind: 'manual',
		createdAt,
		createdBy: 'Ada',
		...overrides
	};
}

/** A board state (a Yjs update) with a title and `items` list entries. */
function boardState(title: string, items = 3): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('meta').set('title', title);
	for (let i = 0; i < items; i++) doc.getArray('list').push([i]);
	return Y.encodeStateAsUpdate(doc);
}

/**
 * An upgrade plan: a board not marked yet gets an update (from a client of its own) marking it;
 * a marked one needs nothing. Two upgrades that both saw an unmarked board would both append.
 */
function upgradeMark(stored: StoredBoard): Uint8Array | null {
	const doc = new Y.Doc();
	if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
	for (const update of stored.log) Y.applyUpdate(doc, update);
	if (doc.getMap('meta').has('upgraded')) return null;
	const before = Y.encodeStateVector(doc);
	doc.getMap('meta').set('upgraded', true);
	return Y.encodeStateAsUpdate(doc, before);
}

/** Deterministic bytes that do not compress, so a large state is really large on disk. */
function noise(size: number): Uint8Array {
	const bytes = new Uint8Array(size);
	let x = 0x9e3779b9;
	for (let i = 0; i < size; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		bytes[i] = x & 0xff;
	}
	return bytes;
}

/** The behaviour every Store adapter must have (SQLite and PostgreSQL). */
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

		it('drops deleted content when it compacts: a secret typed and deleted is not in the snapshot', async () => {
			const doc = new Y.Doc();
			const secret = 'hunter2-correct-horse-battery';
			const updates = [
				...updatesOf(doc, (d) => d.getText('notes').insert(0, `Budget: ${secret}!`)),
				...updatesOf(doc, (d) => d.getText('notes').delete(8, secret.length)),
				...updatesOf(doc, (d) => d.getMap('meta').set('title', 'Kept'))
			];
			for (const update of updates) await fixture.store.append('board-gc', update);
			await fixture.store.compact('board-gc');
			const stored = await fixture.store.load('board-gc');
			expect(Buffer.from(stored.snapshot!).includes(secret)).toBe(false);
			const reloaded = new Y.Doc();
			Y.applyUpdate(reloaded, stored.snapshot!);
			expect(reloaded.getText('notes').toString()).toBe('Budget: !');
			expect(reloaded.getMap('meta').get('title')).toBe('Kept');
			// A client that saw everything still merges with the collected snapshot.
			Y.applyUpdate(doc, stored.snapshot!);
			expect(doc.getText('notes').toString()).toBe('Budget: !');
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

		it('upgrades a board: the plan sees what is stored, and its update is appended', async () => {
			await fixture.store.append('board-u', boardState('Old'));
			let seen: StoredBoard | null = null;
			const after = await fixture.store.upgrade('board-u', (stored) => {
				seen = stored;
				return upgradeMark(stored);
			});
			expect(seen!.log).toHaveLength(1);
			expect(after.log).toHaveLength(2);
			expect(await fixture.store.load('board-u')).toEqual(after);
			// A plan that finds nothing to do appends nothing.
			expect(await fixture.store.upgrade('board-u', upgradeMark)).toEqual(after);
		});

		it('runs two upgrades of a board at once one after the other: the second sees the first', async () => {
			await fixture.store.append('board-w', boardState('Old'));
			const other = await fixture.openAnother();
			const results = await Promise.all([
				fixture.store.upgrade('board-w', upgradeMark),
				other.upgrade('board-w', upgradeMark),
				fixture.store.upgrade('board-w', upgradeMark)
			]);
			const stored = await fixture.store.load('board-w');
			expect(stored.log).toHaveLength(2);
			for (const result of results) expect(result).toEqual(stored);
		});

		it('keeps what was appended when reopened', async () => {
			const doc = new Y.Doc();
			const updates = updatesOf(doc, (d) => d.getMap('meta').set('title', 'Durable'));
			for (const update of updates) await fixture.store.append('board-f', update);
			const reopened = await fixture.reopen();
			expect(contentStored(await reopened.load('board-f'))).toEqual(contentOf(doc));
		});

		it('lists no versions and loads none for a board that has none', async () => {
			expect(await fixture.store.listVersions('board-v0')).toEqual([]);
			expect(await fixture.store.loadVersion('board-v0', 'nothing-saved-here____')).toBeNull();
		});

		it('saves a version and loads exactly the state it was given', async () => {
			const state = boardState('Kickoff');
			const meta = versionMeta('kickoff', 1_700_000_000_000);
			const saved = await fixture.store.saveVersion('board-v1', meta, state);
			expect(saved).toEqual({ ...meta, bytes: state.length });
			expect(await fixture.store.listVersions('board-v1')).toEqual([saved]);
			const loaded = await fixture.store.loadVersion('board-v1', meta.id);
			expect(loaded).toBeInstanceOf(Uint8Array);
			expect([...loaded!]).toEqual([...state]);
		});

		it('keeps every field of a version: automatic ones have no author, labels keep any text', async () => {
			const automatic = versionMeta('auto', 5, {
				kind: 'auto',
				createdBy: null,
				label: 'Automatic checkpoint'
			});
			const manual = versionMeta('manual', 4, {
				label: 'Kick-off « baseline » ✓ 日本',
				createdBy: 'Zoë O’Brien'
			});
			await fixture.store.saveVersion('board-v2', automatic, boardState('a'));
			await fixture.store.saveVersion('board-v2', manual, boardState('b'));
			const listed = await fixture.store.listVersions('board-v2');
			expect(listed.map(({ bytes: _bytes, ...meta }) => meta)).toEqual([automatic, manual]);
		});

		it('lists versions newest first, and by id (descending) among those made at the same moment', async () => {
			const saves = [
				versionMeta('b-middle', 2_000),
				versionMeta('z-oldest', 1_000),
				versionMeta('a-newest', 3_000),
				versionMeta('c-tied', 2_000),
				versionMeta('a-tied', 2_000)
			];
			for (const meta of saves)
				await fixture.store.saveVersion('board-v3', meta, boardState(meta.id));
			const order = (await fixture.store.listVersions('board-v3')).map((version) => version.id);
			expect(order).toEqual(
				['a-newest', 'c-tied', 'b-middle', 'a-tied', 'z-oldest'].map((tag) => tag.padEnd(21, '_'))
			);
		});

		it('never overwrites a version: saving an id the board has fails with StoreError and keeps the first', async () => {
			const first = versionMeta('same-id', 10, { label: 'First' });
			const firstState = boardState('first');
			await fixture.store.saveVersion('board-v4', first, firstState);
			const again = fixture.store.saveVersion(
				'board-v4',
				{ ...first, label: 'Second', createdAt: 20 },
				boardState('second', 10)
			);
			await expect(again).rejects.toBeInstanceOf(StoreError);
			await expect(again).rejects.toMatchObject({ boardId: 'board-v4' });
			expect(await fixture.store.listVersions('board-v4')).toEqual([
				{ ...first, bytes: firstState.length }
			]);
			expect([...(await fixture.store.loadVersion('board-v4', first.id))!]).toEqual([
				...firstState
			]);
		});

		it('keeps versions of boards apart, even under the same version id', async () => {
			const meta = versionMeta('shared-id', 10);
			const stateA = boardState('A');
			const stateB = boardState('B', 7);
			await fixture.store.saveVersion('board-va', meta, stateA);
			await fixture.store.saveVersion('board-vb', meta, stateB);
			expect([...(await fixture.store.loadVersion('board-va', meta.id))!]).toEqual([...stateA]);
			expect([...(await fixture.store.loadVersion('board-vb', meta.id))!]).toEqual([...stateB]);
			expect(await fixture.store.loadVersion('board-vc', meta.id)).toBeNull();
			expect(await fixture.store.listVersions('board-vc')).toEqual([]);
		});

		it('loads null for an id the board does not have', async () => {
			await fixture.store.saveVersion('board-v5', versionMeta('known', 1), boardState('x'));
			expect(await fixture.store.loadVersion('board-v5', 'unknown'.padEnd(21, '_'))).toBeNull();
			expect(await fixture.store.loadVersion('board-v5', 'known')).toBeNull();
			expect(await fixture.store.loadVersion('board-v5', '')).toBeNull();
		});

		it('keeps versions apart from the log: compaction never touches them, nor they the board', async () => {
			const doc = new Y.Doc();
			const updates = updatesOf(doc, (d) => {
				for (let i = 0; i < 5; i++) d.getArray('list').push([i]);
			});
			for (const update of updates) await fixture.store.append('board-v6', update);
			const versionState = boardState('version', 2);
			const meta = versionMeta('before-compact', 1);
			await fixture.store.saveVersion('board-v6', meta, versionState);
			expect(contentStored(await fixture.store.load('board-v6'))).toEqual(contentOf(doc));
			await fixture.store.compact('board-v6');
			await fixture.store.compact('board-v6');
			expect(contentStored(await fixture.store.load('board-v6'))).toEqual(contentOf(doc));
			expect(await fixture.store.listVersions('board-v6')).toEqual([
				{ ...meta, bytes: versionState.length }
			]);
			expect([...(await fixture.store.loadVersion('board-v6', meta.id))!]).toEqual([
				...versionState
			]);
		});

		it('keeps a version of a board that has no log, and a board with versions only loads as empty', async () => {
			await fixture.store.saveVersion('board-v7', versionMeta('only', 1), boardState('only'));
			expect(await fixture.store.load('board-v7')).toEqual({ snapshot: null, log: [] });
			await fixture.store.compact('board-v7');
			expect(await fixture.store.listVersions('board-v7')).toHaveLength(1);
		});

		it('round-trips a large state (8 MiB) byte for byte', async () => {
			const large = noise(8 * 1024 * 1024);
			const meta = versionMeta('large', 1);
			expect(await fixture.store.saveVersion('board-v8', meta, large)).toMatchObject({
				bytes: large.length
			});
			const loaded = (await fixture.store.loadVersion('board-v8', meta.id))!;
			expect(loaded.length).toBe(large.length);
			expect(Buffer.from(loaded).equals(Buffer.from(large))).toBe(true);
			expect((await fixture.store.listVersions('board-v8'))[0]?.bytes).toBe(large.length);
		});

		it('keeps versions when reopened', async () => {
			const state = boardState('Durable version');
			const meta = versionMeta('durable', 42);
			await fixture.store.saveVersion('board-v9', meta, state);
			const reopened = await fixture.reopen();
			expect(await reopened.listVersions('board-v9')).toEqual([{ ...meta, bytes: state.length }]);
			expect([...(await reopened.loadVersion('board-v9', meta.id))!]).toEqual([...state]);
		});

		it('deletes the versions it is given, and only those of that board', async () => {
			const keep = versionMeta('keep', 1);
			const prune = versionMeta('prune', 2, { kind: 'auto', createdBy: null });
			const other = versionMeta('prune', 3, { kind: 'auto', createdBy: null });
			await fixture.store.saveVersion('board-vd', keep, boardState('keep'));
			await fixture.store.saveVersion('board-vd', prune, boardState('prune'));
			await fixture.store.saveVersion('board-ve', other, boardState('other board'));
			const deleted = await fixture.store.deleteVersions('board-vd', [
				prune.id,
				'not-a-version'.padEnd(21, '_')
			]);
			expect(deleted).toBe(1);
			expect((await fixture.store.listVersions('board-vd')).map((v) => v.id)).toEqual([keep.id]);
			expect(await fixture.store.loadVersion('board-vd', prune.id)).toBeNull();
			expect((await fixture.store.listVersions('board-ve')).map((v) => v.id)).toEqual([other.id]);
			expect(await fixture.store.deleteVersions('board-vd', [])).toBe(0);
			const reopened = await fixture.reopen();
			expect((await reopened.listVersions('board-vd')).map((v) => v.id)).toEqual([keep.id]);
		});

		it('counts the boards that have a snapshot or updates, each once', async () => {
			expect(await fixture.store.countBoards()).toBe(0);
			await fixture.store.append('board-n1', Uint8Array.of(0, 0));
			await fixture.store.appendMany('board-n1', [Uint8Array.of(0, 0), Uint8Array.of(0, 0)]);
			await fixture.store.append('board-n2', Uint8Array.of(0, 0));
			await fixture.store.compact('board-n2');
			await fixture.store.saveVersion('board-n3', versionMeta('only', 1), boardState('x'));
			expect(await fixture.store.countBoards()).toBe(2);
			await fixture.store.append('board-n2', Uint8Array.of(0, 0));
			expect(await fixture.store.countBoards()).toBe(2);
		});

		it('probes a write while open, again and again, leaving the boards as they were, and fails once closed', async () => {
			await fixture.store.append('board-p', Uint8Array.of(0, 0));
			for (let i = 0; i < 3; i++) await expect(fixture.store.probe()).resolves.toBeUndefined();
			expect(await fixture.store.load('board-p')).toEqual({
				snapshot: null,
				log: [Uint8Array.of(0, 0)]
			});
			await fixture.store.close();
			await expect(fixture.store.probe()).rejects.toBeInstanceOf(StoreError);
		});

		it('answers a ping while open and fails once closed', async () => {
			await expect(fixture.store.ping()).resolves.toBeUndefined();
			await fixture.store.close();
			await expect(fixture.store.ping()).rejects.toThrow();
			await expect(fixture.store.append('board-g', Uint8Array.of(0, 0))).rejects.toThrow();
			await expect(fixture.store.appendMany('board-g', [Uint8Array.of(0, 0)])).rejects.toThrow();
			const meta = versionMeta('closed', 1);
			await expect(
				fixture.store.saveVersion('board-g', meta, Uint8Array.of(0, 0))
			).rejects.toThrow();
			await expect(fixture.store.listVersions('board-g')).rejects.toThrow();
			await expect(fixture.store.loadVersion('board-g', meta.id)).rejects.toThrow();
			await expect(fixture.store.deleteVersions('board-g', [meta.id])).rejects.toThrow();
			await expect(fixture.store.countBoards()).rejects.toThrow();
		});
	});
}
