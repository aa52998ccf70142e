import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareByOrder,
	initialOrders,
	isOrderKey,
	orderAtEnd,
	orderForIndex,
	type Ordered
} from '../../../src/lib/board/order.ts';

function list(...orders: string[]): Ordered[] {
	return orders.map((order, i) => ({ id: `id${i}`, order }));
}

/** Where an item with this key lands among `others`, by the board's sort. */
function positionOf(others: readonly Ordered[], order: string): number {
	const moved = { id: 'moved', order };
	return [...others, moved].sort(compareByOrder).indexOf(moved);
}

describe('compareByOrder', () => {
	it('sorts by order key first', () => {
		const sorted = [
			{ id: 'a', order: 'a2' },
			{ id: 'b', order: 'a0' },
			{ id: 'c', order: 'a1' }
		].sort(compareByOrder);
		expect(sorted.map((item) => item.id)).toEqual(['b', 'c', 'a']);
	});

	it('breaks ties between equal keys by id, whatever the input order', () => {
		const forward = [
			{ id: 'y', order: 'a1' },
			{ id: 'x', order: 'a1' }
		].sort(compareByOrder);
		const backward = [
			{ id: 'x', order: 'a1' },
			{ id: 'y', order: 'a1' }
		].sort(compareByOrder);
		expect(forward.map((item) => item.id)).toEqual(['x', 'y']);
		expect(backward.map((item) => item.id)).toEqual(['x', 'y']);
	});

	it('compares code units, not locale order', () => {
		// 'Z' < 'a' in code units, but not in most locales.
		expect(compareByOrder({ id: '1', order: 'Zz' }, { id: '2', order: 'a0' })).toBeLessThan(0);
	});
});

describe('isOrderKey', () => {
	it('accepts keys the library generates', () => {
		for (const key of initialOrders(5)) expect(isOrderKey(key)).toBe(true);
	});

	it('rejects malformed keys a peer might write', () => {
		for (const key of ['', 'zzz', 'a00', 'a0é', 'a0 ', '!', 'A00000000000000000000000000']) {
			expect(isOrderKey(key), key).toBe(false);
		}
	});
});

describe('initialOrders', () => {
	it('returns distinct ascending keys', () => {
		const keys = initialOrders(4);
		expect(new Set(keys).size).toBe(4);
		expect([...keys].sort()).toEqual(keys);
	});
});

describe('orderAtEnd', () => {
	it('returns a first key for an empty list', () => {
		expect(isOrderKey(orderAtEnd([]))).toBe(true);
	});

	it('returns a key after the last item', () => {
		const items = list(...initialOrders(3));
		expect(positionOf(items, orderAtEnd(items))).toBe(3);
	});

	it('steps over a malformed last key instead of throwing', () => {
		const items = list('a0', 'a1', 'a1!');
		const key = orderAtEnd(items);
		expect(isOrderKey(key)).toBe(true);
		expect(key > 'a1').toBe(true);
	});
});

describe('orderForIndex', () => {
	it('places an item at the start, in the middle and at the end', () => {
		const others = list(...initialOrders(3));
		for (const index of [0, 1, 2, 3]) {
			expect(positionOf(others, orderForIndex(others, index))).toBe(index);
		}
	});

	it('clamps an index past the end to the end', () => {
		const others = list(...initialOrders(2));
		expect(positionOf(others, orderForIndex(others, 99))).toBe(2);
	});

	it('places the item exactly at any index among distinct well-formed keys', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 30 }), fc.nat(), (count, rawIndex) => {
				const others = list(...initialOrders(count));
				const index = rawIndex % (count + 1);
				expect(positionOf(others, orderForIndex(others, index))).toBe(index);
			})
		);
	});

	it('does not throw between equal keys and goes to the nearer edge of the run', () => {
		// Two peers appended concurrently after 'a0' and both chose 'a1'.
		const others = list('a0', 'a1', 'a1', 'a2');
		const key = orderForIndex(others, 2);
		expect(isOrderKey(key)).toBe(true);
		expect(positionOf(others, key)).toBe(1);

		const longRun = list('a0', 'a1', 'a1', 'a1', 'a1', 'a2');
		expect(positionOf(longRun, orderForIndex(longRun, 4))).toBe(5);
	});

	it('handles a run of equal keys at either end of the list', () => {
		const atStart = list('a1', 'a1', 'a2');
		expect(positionOf(atStart, orderForIndex(atStart, 1))).toBe(0);
		const atEnd = list('a0', 'a1', 'a1');
		const key = orderForIndex(atEnd, 2);
		expect(key > 'a0' && key < 'a1').toBe(true);
	});

	it('never throws and always returns a well-formed key, whatever the keys are', () => {
		const anyKey = fc.oneof(
			fc.string({ minLength: 1, maxLength: 6 }),
			fc.constantFrom('a0', 'a1', 'a1', 'a0V', 'Zz', 'b00')
		);
		fc.assert(
			fc.property(
				fc.array(anyKey, { maxLength: 12 }),
				fc.integer({ min: -3, max: 20 }),
				(keys, index) => {
					const others = list(...keys).sort(compareByOrder);
					expect(isOrderKey(orderForIndex(others, index))).toBe(true);
				}
			)
		);
	});
});
