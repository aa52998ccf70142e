import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRisk,
	boardRoots,
	createBoard,
	heldRiskNumbers,
	InvalidInputError,
	numberRisks,
	planRiskNumbers,
	readRisks,
	removeRisk,
	RISK_SEQ_KEY,
	updateRisk
} from '../../../src/lib/board/index.ts';

const SERVER = Symbol('server');

/** Sends everything `from` holds that `to` lacks. */
function sync(from: Y.Doc, to: Y.Doc): void {
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function refsOf(doc: Y.Doc): Map<string, number | null> {
	return new Map(readRisks(doc).items.map((risk) => [risk.id, risk.ref]));
}

function expectDistinctNumbers(doc: Y.Doc): void {
	const refs = [...refsOf(doc).values()];
	expect(refs.every((ref) => ref !== null)).toBe(true);
	expect(new Set(refs).size).toBe(refs.length);
}

describe('planRiskNumbers', () => {
	it('numbers risks without a number in (createdAt, id) order after the highest ever given', () => {
		const plan = planRiskNumbers(
			[
				{ id: 'b', ref: null, createdAt: 5 },
				{ id: 'a', ref: null, createdAt: 5 },
				{ id: 'c', ref: 3, createdAt: 1 },
				{ id: 'd', ref: null, createdAt: 2 }
			],
			7
		);
		expect([...plan.refs]).toEqual([
			['d', 8],
			['a', 9],
			['b', 10]
		]);
		expect(plan.seq).toBe(10);
	});

	it('keeps a duplicate number on the risk created first and renumbers the other', () => {
		const plan = planRiskNumbers(
			[
				{ id: 'late', ref: 2, createdAt: 20 },
				{ id: 'early', ref: 2, createdAt: 10 },
				{ id: 'same-time-b', ref: 1, createdAt: 5 },
				{ id: 'same-time-a', ref: 1, createdAt: 5 }
			],
			2
		);
		expect([...plan.refs]).toEqual([
			['same-time-b', 3],
			['late', 4]
		]);
	});

	it('keeps a number on the risk that held it, whatever createdAt a copy of it claims', () => {
		const plan = planRiskNumbers(
			[
				{ id: 'holder', ref: 1, createdAt: 50 },
				{ id: 'copycat', ref: 1, createdAt: 0 }
			],
			1,
			new Map([[1, 'holder']])
		);
		expect([...plan.refs]).toEqual([['copycat', 2]]);
	});

	it('renumbers a risk that carries a number known to be given to a deleted risk', () => {
		const plan = planRiskNumbers(
			[{ id: 'copycat', ref: 1, createdAt: 0 }],
			1,
			new Map([[1, 'deleted']])
		);
		expect([...plan.refs]).toEqual([['copycat', 2]]);
	});

	it('never goes below a ref present on the board, whatever the stored mark says', () => {
		const plan = planRiskNumbers(
			[
				{ id: 'a', ref: 9, createdAt: 1 },
				{ id: 'b', ref: null, createdAt: 2 }
			],
			'junk'
		);
		expect([...plan.refs]).toEqual([['b', 10]]);
	});
});

describe('numberRisks', () => {
	it('writes the numbers and the mark in one transaction, and nothing once all are numbered', () => {
		const doc = createBoard('kickoff');
		addRisk(doc, { title: 'Vendor late' }, { now: 1 });
		addRisk(doc, { title: 'Budget cut' }, { now: 2 });
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		expect(numberRisks(doc, SERVER)).toBe(true);
		expect(transactions).toBe(1);
		expect(readRisks(doc).items.map((risk) => risk.ref)).toEqual([1, 2]);
		expect(boardRoots(doc).meta.get(RISK_SEQ_KEY)).toBe(2);
		expect(numberRisks(doc, SERVER)).toBe(false);
		expect(transactions).toBe(1);
	});

	it('never gives a deleted risk’s number again', () => {
		const doc = createBoard('kickoff');
		const first = addRisk(doc, { title: 'One' }, { now: 1 });
		const second = addRisk(doc, { title: 'Two' }, { now: 2 });
		numberRisks(doc, SERVER);
		removeRisk(doc, second);
		removeRisk(doc, first);
		const third = addRisk(doc, { title: 'Three' }, { now: 3 });
		numberRisks(doc, SERVER);
		expect(refsOf(doc).get(third)).toBe(3);
	});

	it('renumbers a ref a peer wrote out of range or not a number', () => {
		const doc = createBoard('kickoff');
		const id = addRisk(doc, { title: 'One' }, { now: 1 });
		const entry = boardRoots(doc).risks.get(id) as Y.Map<unknown>;
		entry.set('ref', 2 ** 60);
		expect(readRisks(doc).items[0]?.ref).toBeNull();
		numberRisks(doc, SERVER);
		expect(readRisks(doc).items[0]?.ref).toBe(1);
	});

	it('is not a field commands accept', () => {
		const doc = createBoard('kickoff');
		expect(() => addRisk(doc, { title: 'One', ref: 4 } as never)).toThrow(InvalidInputError);
		const id = addRisk(doc, { title: 'One' });
		expect(() => updateRisk(doc, id, { ref: 4 } as never)).toThrow(InvalidInputError);
		expect(() => updateRisk(doc, id, { riskSeq: 4 } as never)).toThrow(InvalidInputError);
	});
});

// A scenario: several people's offline copies each add and delete risks, merge in any order with
// the server's copy, which numbers after each merge, and hand the numbers back.
const step = fc.oneof(
	fc.record({
		kind: fc.constant('add' as const),
		peer: fc.nat(3),
		createdAt: fc.integer({ min: 0, max: 5 })
	}),
	fc.record({ kind: fc.constant('remove' as const), peer: fc.nat(3), pick: fc.nat() }),
	fc.record({ kind: fc.constant('sync' as const), peer: fc.nat(3) }),
	fc.record({ kind: fc.constant('duplicate' as const), peer: fc.nat(3), pick: fc.nat() })
);

describe('numbering under concurrent offline adds', () => {
	it('gives distinct numbers, never changes a synced number and never reuses one', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
				const server = createBoard('kickoff');
				// The server's memory of who holds which number, as its room keeps it.
				const held = new Map<number, string>();
				const number = () => {
					numberRisks(server, SERVER, { held });
					for (const [ref, id] of heldRiskNumbers(server)) held.set(ref, id);
				};
				number();
				const peers = Array.from({ length: 4 }, () => {
					const doc = new Y.Doc();
					sync(server, doc);
					return doc;
				});
				// Every number the server handed out, and to whom.
				const given = new Map<number, string>();
				const record = () => {
					for (const [id, ref] of refsOf(server)) {
						if (ref === null) continue;
						// A number, once synced, is never given to another risk.
						expect(given.get(ref) ?? id).toBe(id);
						given.set(ref, id);
					}
				};
				for (const action of steps) {
					const peer = peers[action.peer]!;
					if (action.kind === 'add') {
						addRisk(peer, { title: 'Risk' }, { now: action.createdAt });
					} else if (action.kind === 'remove') {
						const items = readRisks(peer).items;
						if (items.length > 0) removeRisk(peer, items[action.pick % items.length]!.id);
					} else if (action.kind === 'duplicate') {
						// A hostile or buggy client copies one risk's number onto another.
						const items = readRisks(peer).items;
						const numbered = items.find((risk) => risk.ref !== null);
						const other = items[action.pick % Math.max(items.length, 1)];
						if (numbered && other && other.id !== numbered.id)
							peer.transact(() =>
								(boardRoots(peer).risks.get(other.id) as Y.Map<unknown>).set('ref', numbered.ref)
							);
					} else {
						const before = refsOf(server);
						sync(peer, server);
						number();
						sync(server, peer);
						// A risk that had a number it alone held keeps it.
						const after = refsOf(server);
						const heldAlone = [...before].filter(
							([, ref]) =>
								ref !== null && [...before.values()].filter((r) => r === ref).length === 1
						);
						for (const [id, ref] of heldAlone) if (after.has(id)) expect(after.get(id)).toBe(ref);
						record();
					}
				}
				for (const peer of peers) sync(peer, server);
				number();
				for (const peer of peers) sync(server, peer);
				expectDistinctNumbers(server);
				record();
				for (const peer of peers) expect(refsOf(peer)).toEqual(refsOf(server));
				const seq = boardRoots(server).meta.get(RISK_SEQ_KEY);
				expect(seq ?? 0).toBeGreaterThanOrEqual(Math.max(0, ...given.keys()));
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('numbers the same state the same way on two servers, so two nodes write equal values', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 }),
				(times) => {
					const peer = createBoard('kickoff');
					for (const now of times) addRisk(peer, { title: 'Risk' }, { now });
					const [a, b] = [new Y.Doc(), new Y.Doc()];
					sync(peer, a);
					sync(peer, b);
					numberRisks(a, SERVER);
					numberRisks(b, SERVER);
					sync(a, b);
					sync(b, a);
					expect(refsOf(a)).toEqual(refsOf(b));
					expectDistinctNumbers(a);
				}
			)
		);
	});
});
