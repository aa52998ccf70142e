import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRisk,
	createBoard,
	moveRisk,
	readRisks,
	removeRisk
} from '../../../src/lib/board/index.ts';
import { peerOf, syncAll } from '../../helpers/board.ts';

/** What users see of the risk list: ids, keys and titles in display order. */
function riskList(doc: Y.Doc) {
	const { items, skipped } = readRisks(doc);
	return { skipped, risks: items.map(({ id, order, title }) => ({ id, order, title })) };
}

function boardWithRisks(...titles: string[]) {
	const doc = createBoard('kickoff');
	const ids = titles.map((title) => addRisk(doc, { title }));
	return { doc, ids };
}

describe('concurrent moves', () => {
	it('of the same risk to different places converge with the risk present once', () => {
		const { doc: ana, ids } = boardWithRisks('a', 'b', 'c', 'd');
		const bo = peerOf(ana);
		moveRisk(ana, ids[1]!, 0);
		moveRisk(bo, ids[1]!, 3);
		syncAll(ana, bo);

		const seen = riskList(ana);
		expect(riskList(bo)).toEqual(seen);
		expect(seen.risks).toHaveLength(4);
		expect(seen.risks.filter((risk) => risk.id === ids[1])).toHaveLength(1);
		// One of the two moves wins; the others keep their relative order.
		const titles = seen.risks.map((risk) => risk.title);
		expect([
			['b', 'a', 'c', 'd'],
			['a', 'c', 'd', 'b']
		]).toContainEqual(titles);
	});
});

describe('concurrent appends', () => {
	it('that pick the same order key still sort the same way on every peer, by id', () => {
		const { doc: ana } = boardWithRisks('a', 'b');
		const bo = peerOf(ana);
		const fromAna = addRisk(ana, { title: 'from Ana' });
		const fromBo = addRisk(bo, { title: 'from Bo' });
		syncAll(ana, bo);

		const { risks } = riskList(ana);
		expect(risks[2]!.order).toBe(risks[3]!.order);
		expect(risks.slice(2).map((risk) => risk.id)).toEqual([fromAna, fromBo].sort());
		expect(riskList(bo)).toEqual(riskList(ana));
	});

	it('leave a later move between the equal keys working, without throwing', () => {
		const { doc: ana, ids } = boardWithRisks('a', 'b');
		const bo = peerOf(ana);
		addRisk(ana, { title: 'from Ana' });
		addRisk(bo, { title: 'from Bo' });
		syncAll(ana, bo);

		// Others after taking 'a' out: [b, twin, twin]; index 2 falls between the twins.
		expect(() => moveRisk(ana, ids[0]!, 2)).not.toThrow();
		syncAll(ana, bo);
		const { risks } = riskList(ana);
		expect(risks).toHaveLength(4);
		expect(risks.filter((risk) => risk.id === ids[0])).toHaveLength(1);
		expect(riskList(bo)).toEqual(riskList(ana));
	});
});

type Operation =
	| { kind: 'add'; peer: number }
	| { kind: 'move'; peer: number; pick: number; index: number }
	| { kind: 'remove'; peer: number; pick: number }
	| { kind: 'sync'; peer: number; to: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
	fc.record({ kind: fc.constant('add' as const), peer: fc.nat() }),
	fc.record({
		kind: fc.constant('move' as const),
		peer: fc.nat(),
		pick: fc.nat(),
		index: fc.nat(8)
	}),
	fc.record({ kind: fc.constant('remove' as const), peer: fc.nat(), pick: fc.nat() }),
	fc.record({ kind: fc.constant('sync' as const), peer: fc.nat(), to: fc.nat() })
);

describe('random concurrent edits', () => {
	it('on two or three peers converge to identical lists without duplicates or lost risks', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 3 }),
				fc.array(operation, { maxLength: 40 }),
				(peerCount, operations) => {
					const { doc: first, ids } = boardWithRisks('a', 'b', 'c');
					const peers = [first, ...Array.from({ length: peerCount - 1 }, () => peerOf(first))];
					const expected = new Set(ids);
					let added = 0;

					for (const op of operations) {
						const doc = peers[op.peer % peerCount]!;
						const { items } = readRisks(doc);
						const picked =
							items.length > 0 && 'pick' in op ? items[op.pick % items.length] : undefined;
						if (op.kind === 'add') {
							expected.add(addRisk(doc, { title: `added ${added++}` }));
						} else if (op.kind === 'move' && picked) {
							moveRisk(doc, picked.id, op.index);
						} else if (op.kind === 'remove' && picked) {
							removeRisk(doc, picked.id);
							expected.delete(picked.id);
						} else if (op.kind === 'sync') {
							const to = peers[op.to % peerCount]!;
							if (to !== doc)
								Y.applyUpdate(to, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(to)));
						}
					}
					syncAll(...peers);

					const seen = riskList(first);
					for (const peer of peers) expect(riskList(peer)).toEqual(seen);
					const seenIds = seen.risks.map((risk) => risk.id);
					expect(new Set(seenIds).size).toBe(seenIds.length);
					expect(new Set(seenIds)).toEqual(expected);
					expect(seen.skipped).toBe(0);
				}
			),
			{ numRuns: 200 }
		);
		// 200 random runs take about a second alone, and several times the default 5 s when
		// other test files share a loaded machine: a timeout here would say nothing about
		// convergence.
	}, 60_000);
});
