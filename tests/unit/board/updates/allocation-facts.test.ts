import { describe, expect, it } from 'vitest';
import { basisOf, emptyBasis, readBasis } from '../../../../src/lib/board/updates/basis.ts';
import { draftFacts } from '../../../../src/lib/board/updates/facts.ts';
import { allocationKey } from '../../../../src/lib/board/allocation-model.ts';

const MAYA = 'm'.repeat(16);
const THEO = 't'.repeat(16);
const GONE = 'g'.repeat(16);

function basis(allocations: [string, string, number][], day = '2026-03-01') {
	return basisOf(
		{
			milestones: [],
			risks: [],
			actions: [],
			people: [
				{ id: MAYA, name: 'Maya' },
				{ id: THEO, name: 'Theo' }
			],
			allocations: new Map(
				allocations.map(([id, month, percent]) => [allocationKey(id, month), percent])
			)
		},
		day
	);
}

describe('over-allocation facts', () => {
	it('name each person-month newly over a full month, and not one already reported', () => {
		const previous = basis([[MAYA, '2027-03', 150]]);
		const current = basis([
			[MAYA, '2027-03', 160],
			[THEO, '2027-04', 120],
			[MAYA, '2027-05', 101],
			[THEO, '2027-05', 100],
			[GONE, '2027-05', 180]
		]);
		expect(draftFacts(previous, current, '2026-03-02')).toEqual([
			{
				kind: 'person-over-allocated',
				text: 'Maya is over-allocated in May 2027 (101%)',
				section: 'resources',
				id: MAYA
			},
			{
				kind: 'person-over-allocated',
				text: 'Theo is over-allocated in April 2027 (120%)',
				section: 'resources',
				id: THEO
			}
		]);
	});

	it('reads a basis kept before allocations existed as nobody over-allocated', () => {
		const older: Record<string, unknown> = { ...basis([]) };
		delete older.overAllocated;
		expect(readBasis(older)?.overAllocated).toEqual([]);
		expect(emptyBasis('2026-03-01').overAllocated).toEqual([]);
	});
});
