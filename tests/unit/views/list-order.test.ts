import { describe, expect, it } from 'vitest';
import { addRisk, createBoard, moveRisk, readRisks } from '../../../src/lib/board/index.ts';
import {
	dropIndex,
	dropSpot,
	neighbourAfterRemoval,
	positionOf,
	stepIndex
} from '../../../src/lib/board/views/list-order.ts';

/** A board with risks titled by the letters of `letters`, in that order. */
function boardOf(letters: string) {
	const doc = createBoard('kickoff');
	const ids: Record<string, string> = {};
	for (const title of letters) ids[title] = addRisk(doc, { title });
	const order = () =>
		readRisks(doc)
			.items.map((risk) => risk.title)
			.join('');
	return { doc, ids, order, risks: () => readRisks(doc).items };
}

describe('stepIndex', () => {
	it('moves a risk one place up or down through moveRisk', () => {
		const { doc, ids, order, risks } = boardOf('ABCD');
		moveRisk(doc, ids.C ?? '', stepIndex(risks(), risks(), ids.C ?? '', -1) ?? -1);
		expect(order()).toBe('ACBD');
		moveRisk(doc, ids.A ?? '', stepIndex(risks(), risks(), ids.A ?? '', 1) ?? -1);
		expect(order()).toBe('CABD');
	});

	it('steps past the neighbour shown when the list is filtered, leaving hidden risks in place', () => {
		const { doc, ids, order, risks } = boardOf('ABCDE');
		const shown = risks().filter((risk) => 'ACE'.includes(risk.title));
		moveRisk(doc, ids.A ?? '', stepIndex(risks(), shown, ids.A ?? '', 1) ?? -1);
		expect(order()).toBe('BCADE');
		const shownAfter = risks().filter((risk) => 'ACE'.includes(risk.title));
		moveRisk(doc, ids.E ?? '', stepIndex(risks(), shownAfter, ids.E ?? '', -1) ?? -1);
		expect(order()).toBe('BCEAD');
	});

	it('is null at either end, and for a risk that is not shown', () => {
		const { ids, risks } = boardOf('AB');
		expect(stepIndex(risks(), risks(), ids.A ?? '', -1)).toBeNull();
		expect(stepIndex(risks(), risks(), ids.B ?? '', 1)).toBeNull();
		expect(stepIndex(risks(), [], ids.A ?? '', 1)).toBeNull();
	});
});

describe('dropIndex', () => {
	it('drops a risk before or after another through moveRisk', () => {
		const { doc, ids, order, risks } = boardOf('ABCD');
		moveRisk(doc, ids.D ?? '', dropIndex(risks(), ids.D ?? '', ids.B ?? '', false) ?? -1);
		expect(order()).toBe('ADBC');
		moveRisk(doc, ids.A ?? '', dropIndex(risks(), ids.A ?? '', ids.C ?? '', true) ?? -1);
		expect(order()).toBe('DBCA');
	});

	it('is null for a drop that changes nothing', () => {
		const { ids, risks } = boardOf('ABC');
		expect(dropIndex(risks(), ids.B ?? '', ids.B ?? '', true)).toBeNull();
		expect(dropIndex(risks(), ids.B ?? '', ids.A ?? '', true)).toBeNull();
		expect(dropIndex(risks(), ids.B ?? '', ids.C ?? '', false)).toBeNull();
	});
});

describe('neighbourAfterRemoval', () => {
	const shown = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

	it('is the item after the one removed', () => {
		expect(neighbourAfterRemoval(shown, 'a')).toBe('b');
		expect(neighbourAfterRemoval(shown, 'b')).toBe('c');
	});

	it('is the item before when the last one is removed', () => {
		expect(neighbourAfterRemoval(shown, 'c')).toBe('b');
	});

	it('is null when the item was alone or is not shown', () => {
		expect(neighbourAfterRemoval([{ id: 'a' }], 'a')).toBeNull();
		expect(neighbourAfterRemoval(shown, 'z')).toBeNull();
	});
});

describe('positionOf', () => {
	it('is 1-based, and 0 for an absent id', () => {
		const { ids, risks } = boardOf('AB');
		expect(positionOf(risks(), ids.B ?? '')).toBe(2);
		expect(positionOf(risks(), 'missing')).toBe(0);
	});
});

describe('dropSpot', () => {
	// Four rows 40 px high: their middles are at 20, 60, 100 and 140.
	const middles = [20, 60, 100, 140];

	it('lands before the row whose top half the pointer is over when going up', () => {
		expect(dropSpot(middles, 2, 5)).toEqual({ at: 0, after: false });
		expect(dropSpot(middles, 2, 45)).toEqual({ at: 1, after: false });
	});

	it('lands after the row whose bottom half the pointer is past when going down', () => {
		expect(dropSpot(middles, 0, 70)).toEqual({ at: 1, after: true });
		expect(dropSpot(middles, 1, 150)).toEqual({ at: 3, after: true });
	});

	it('stays put while the pointer is between its neighbours’ middles', () => {
		expect(dropSpot(middles, 1, 30)).toBeNull();
		expect(dropSpot(middles, 1, 95)).toBeNull();
	});

	it('agrees with dropIndex: the spot it names moves the row where the pointer is', () => {
		const { doc, ids, order, risks } = boardOf('ABCD');
		const spot = dropSpot(middles, 0, 110);
		expect(spot).toEqual({ at: 2, after: true });
		const target = risks()[spot?.at ?? -1]?.id ?? '';
		moveRisk(doc, ids.A ?? '', dropIndex(risks(), ids.A ?? '', target, spot?.after ?? false) ?? -1);
		expect(order()).toBe('BCAD');
	});
});
