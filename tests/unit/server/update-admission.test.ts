import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MalformedMessageError } from '../../../server/sync/protocol.ts';
import { deepestNewType } from '../../../server/sync/type-depth.ts';
import {
	admitUpdate,
	ApplyBudget,
	DEFAULT_ADMISSION_LIMITS,
	type AdmissionLimits
} from '../../../server/sync/update-admission.ts';
import { inspectStoredUpdate } from '../../../server/sync/update-items.ts';
import { readUpdateShape } from '../../../server/sync/update-shape.ts';
import {
	addDecision,
	addPerson,
	addRisk,
	createBoard,
	readDecisions,
	updateDecision
} from '../../../src/lib/board/index.ts';

/** The update a change to a scratch doc makes. */
function updateOf(change: (doc: Y.Doc) => void, doc = new Y.Doc()): Uint8Array {
	const before = Y.encodeStateVector(doc);
	change(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

/** A chain of `levels` XmlText, each inside the previous one, under the root map `m`. */
function nestedTexts(doc: Y.Doc, levels: number, from?: Y.XmlText): Y.XmlText {
	let parent: Y.XmlText | null = from ?? null;
	doc.transact(() => {
		for (let i = 0; i < levels; i++) {
			const text = new Y.XmlText();
			if (parent) parent.insertEmbed(0, text);
			else doc.getMap('m').set('field', text);
			parent = text;
		}
	});
	return parent!;
}

const limits: AdmissionLimits = { ...DEFAULT_ADMISSION_LIMITS };

/** A kickoff board with a risk: root map → risk (Y.Map) → mitigation (XmlText). */
function boardWithRisk(): Y.Doc {
	const board = createBoard('kickoff');
	addRisk(board, { title: 'Vendor slips', likelihood: 3, impact: 4 });
	return board;
}
const emptyBoard = () => ({ doc: new Y.Doc(), bytes: 0 });

describe('readUpdateShape', () => {
	it('counts structs and sub-documents without building the update', () => {
		const update = updateOf((doc) => {
			const list = doc.getArray<unknown>('list');
			list.push([1, 'two']);
			list.push([new Y.Doc({ guid: 'a' }), new Y.Doc({ guid: 'b' })]);
		});
		const shape = readUpdateShape(update);
		expect(shape.subdocuments).toBe(2);
		expect(shape.structs).toBeGreaterThanOrEqual(2);
		expect(shape.nestsTypes).toBe(false);
	});

	it('estimates the heap of what Charter writes at about 10–25 times its size', () => {
		const update = Y.encodeStateAsUpdate(boardWithRisk());
		const shape = readUpdateShape(update);
		expect(shape.heapBytes / update.length).toBeGreaterThan(5);
		expect(shape.heapBytes / update.length).toBeLessThan(30);
		expect(shape.nestsTypes).toBe(true);
	});

	it('measures how deep values nest inside one item', () => {
		let value: unknown = 1;
		for (let i = 0; i < 40; i++) value = i % 2 ? [value] : { key: value };
		const shape = readUpdateShape(updateOf((doc) => doc.getArray('list').push([value])));
		expect(shape.valueDepth).toBe(40);
	});

	it('throws MalformedMessageError for bytes that are not an update', () => {
		expect(() => readUpdateShape(Uint8Array.of(1, 1, 5, 0, 0x28))).toThrow(MalformedMessageError);
		const truncated = updateOf((doc) => doc.getText('t').insert(0, 'hello'));
		expect(() => readUpdateShape(truncated.slice(0, -4))).toThrow(MalformedMessageError);
	});
});

describe('deepestNewType', () => {
	it('counts the nesting of the types an update adds, from the root (depth 0)', () => {
		// Root map → risk entry (Y.Map) → mitigation (XmlText).
		expect(deepestNewType(Y.encodeStateAsUpdate(boardWithRisk()), new Y.Doc(), 32)).toBe(2);
		expect(deepestNewType(Y.encodeStateAsUpdate(createBoard('kickoff')), new Y.Doc(), 32)).toBe(1);
	});

	it('continues from the depth the board already holds, through parents and neighbours', () => {
		const source = new Y.Doc();
		const deepest = nestedTexts(source, 30);
		const target = new Y.Doc();
		Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
		const deeper = updateOf((doc) => nestedTexts(doc, 5, deepest), source);
		expect(deepestNewType(deeper, target, 32)).toBeGreaterThan(32);
		expect(deepestNewType(deeper, new Y.Doc(), 32)).toBe(5);
		// Text typed beside existing content lands in the same type: no deeper.
		const beside = updateOf(() => deepest.insert(0, 'beside'), source);
		expect(deepestNewType(beside, target, 32)).toBe(0);
	});

	it('stops counting a little past the limit on a long chain in one update', () => {
		const doc = new Y.Doc();
		nestedTexts(doc, 5_000);
		expect(deepestNewType(Y.encodeStateAsUpdate(doc), new Y.Doc(), 32)).toBe(33);
	});
});

describe('admitUpdate', () => {
	it('admits what Charter writes: a whole kickoff board, and an edit of it', () => {
		const board = boardWithRisk();
		expect(admitUpdate(Y.encodeStateAsUpdate(board), emptyBoard(), limits)).toBeNull();
		const edit = updateOf((doc) => doc.getMap('meta').set('title', 'Renamed'), board);
		expect(admitUpdate(edit, { doc: board, bytes: 10_000 }, limits)).toBeNull();
	});

	it('admits the decision log: a decision with its texts, its consulted people, a link to it', () => {
		const board = createBoard('kickoff');
		const ada = addPerson(board, { name: 'Ada' });
		const add = updateOf(() => addDecision(board, { title: 'Use Postgres' }), board);
		expect(admitUpdate(add, { doc: board, bytes: 10_000 }, limits)).toBeNull();
		const [decision] = readDecisions(board).items;
		const edit = updateOf(() => {
			updateDecision(board, decision!.id, { consulted: [ada], status: 'decided' });
			addRisk(board, { title: 'Cost', decision: decision!.id });
		}, board);
		expect(admitUpdate(edit, { doc: board, bytes: 10_000 }, limits)).toBeNull();
	});

	it('refuses sub-documents', () => {
		const update = updateOf((doc) => doc.getArray('list').push([new Y.Doc({ guid: 'x' })]));
		expect(admitUpdate(update, emptyBoard(), limits)).toBe('subdocument');
	});

	it('refuses more structs than MAX_UPDATE_STRUCTS', () => {
		const update = updateOf((doc) => {
			const text = doc.getText('t');
			// Each insertion at the start is its own struct.
			doc.transact(() => {
				for (let i = 0; i < 200; i++) text.insert(0, 'x');
			});
		});
		expect(admitUpdate(update, emptyBoard(), { ...limits, maxUpdateStructs: 100 })).toBe(
			'tooManyStructs'
		);
		expect(admitUpdate(update, emptyBoard(), { ...limits, maxUpdateStructs: 1_000 })).toBeNull();
	});

	it('refuses an update that would take far more memory than its size', () => {
		// Thousands of empty types under short keys: ~60 times their size once applied.
		const update = updateOf((doc) => {
			const map = doc.getMap('m');
			doc.transact(() => {
				for (let i = 0; i < 5_000; i++) map.set(i.toString(36), new Y.Map());
			});
		});
		expect(admitUpdate(update, emptyBoard(), limits)).toBe('expands');
		expect(admitUpdate(update, emptyBoard(), { ...limits, maxUpdateExpansion: 100 })).toBeNull();
	});

	it('refuses types nested deeper than MAX_TYPE_DEPTH, and values too', () => {
		const deep = updateOf((doc) => nestedTexts(doc, 40));
		expect(admitUpdate(deep, emptyBoard(), limits)).toBe('tooDeep');
		expect(admitUpdate(deep, emptyBoard(), { ...limits, maxTypeDepth: 64 })).toBeNull();
		let value: unknown = 0;
		for (let i = 0; i < 40; i++) value = [value];
		const deepValue = updateOf((doc) => doc.getArray('list').push([value]));
		expect(admitUpdate(deepValue, emptyBoard(), limits)).toBe('tooDeep');
	});

	it('refuses growth of a board past MAX_BOARD_BYTES, but still takes deletions', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'some text to delete later');
		const full = { doc, bytes: limits.maxBoardBytes };
		expect(
			admitUpdate(
				updateOf(() => text.insert(0, 'more'), doc),
				full,
				limits
			)
		).toBe('boardFull');
		expect(
			admitUpdate(
				updateOf(() => text.delete(0, 10), doc),
				full,
				limits
			)
		).toBeNull();
	});
});

describe('inspectStoredUpdate', () => {
	it("answers a complete board's state vector as Yjs does", () => {
		const update = Y.encodeStateAsUpdate(createBoard('retro'));
		const { complete, stateVector } = inspectStoredUpdate(update);
		expect(complete).toBe(true);
		expect([...stateVector]).toEqual([...Y.encodeStateVectorFromUpdate(update)]);
	});

	it('finds structs and deletes that wait for something the update lacks', () => {
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		const text = doc.getText('t');
		text.insert(0, 'abc');
		text.insert(3, 'def');
		text.delete(0, 2);
		expect(inspectStoredUpdate(Y.mergeUpdates(updates)).complete).toBe(true);
		const gap = Y.mergeUpdates([updates[1]!]);
		expect(inspectStoredUpdate(gap).complete).toBe(false);
		expect([...inspectStoredUpdate(gap).stateVector]).toEqual([
			...Y.encodeStateVectorFromUpdate(gap)
		]);
		expect(inspectStoredUpdate(updates[2]!).complete).toBe(false);
	});
});

describe('ApplyBudget', () => {
	it('allows a burst of apply time, refills it, and runs dry under sustained cost', () => {
		const budget = new ApplyBudget({ applyBudgetMs: 100, applyMsPerSecond: 10 }, 0);
		expect(budget.charge(60, 0)).toBe(true);
		expect(budget.charge(60, 0)).toBe(false);
		expect(budget.charge(60, 5_000)).toBe(true);
		let now = 5_000;
		let closed = false;
		for (let i = 0; i < 100 && !closed; i++) closed = !budget.charge(20, (now += 100));
		expect(closed).toBe(true);
	});
});
