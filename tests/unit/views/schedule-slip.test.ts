import { describe, expect, it } from 'vitest';
import {
	addMilestone,
	createBoard,
	readList,
	removeMilestone,
	updateMilestone,
	type Milestone
} from '../../../src/lib/board/index.ts';
import {
	scheduleSlip,
	slipDays,
	slipInWords,
	slipSigned
} from '../../../src/lib/board/views/schedule-slip.ts';
import { peerOf } from '../../helpers/board.ts';

const milestonesOf = (doc: ReturnType<typeof createBoard>): Milestone[] =>
	readList(doc, 'milestones').items;

describe('slipDays', () => {
	it('counts calendar days: Friday to the next Wednesday, across a weekend, is 5', () => {
		// 2026-03-13 is a Friday.
		expect(slipDays('2026-03-18', '2026-03-13')).toBe(5);
	});

	it('is negative when the milestone moved earlier', () => {
		expect(slipDays('2026-03-11', '2026-03-13')).toBe(-2);
	});

	it('counts across month, year and leap-day boundaries', () => {
		expect(slipDays('2028-03-01', '2028-02-28')).toBe(2);
		expect(slipDays('2027-01-02', '2026-12-30')).toBe(3);
	});

	it('is null without a baseline date or without a current date', () => {
		expect(slipDays('2026-03-18', '')).toBeNull();
		expect(slipDays('', '2026-03-13')).toBeNull();
		expect(slipDays('', '')).toBeNull();
	});
});

describe('scheduleSlip', () => {
	it('gives each milestone its baseline date and slip, read from a baseline copy of the board', () => {
		const doc = createBoard('kickoff');
		const beta = addMilestone(doc, { title: 'Beta', due: '2026-03-13' });
		const launch = addMilestone(doc, { title: 'Launch', due: '2026-04-01' });
		const same = addMilestone(doc, { title: 'Review', due: '2026-03-20' });
		const baseline = peerOf(doc);
		updateMilestone(doc, beta, { due: '2026-03-18' });
		updateMilestone(doc, launch, { due: '2026-03-30' });

		const slip = scheduleSlip(milestonesOf(doc), milestonesOf(baseline));
		expect(slip.byId.get(beta)).toMatchObject({ baselineDue: '2026-03-13', slip: 5 });
		expect(slip.byId.get(launch)).toMatchObject({ baselineDue: '2026-04-01', slip: -2 });
		expect(slip.byId.get(same)).toMatchObject({ baselineDue: '2026-03-20', slip: 0 });
		expect(slip.slipped.map((entry) => entry.milestone.id)).toEqual([beta]);
	});

	it.each([
		['whose baseline had no date', '', '2026-05-01'],
		['whose due date was removed since', '2026-03-13', ''],
		['undated then and now', '', '']
	])('has no slip for a milestone %s', (_, before, after) => {
		const doc = createBoard('kickoff');
		const id = addMilestone(doc, { title: 'Beta', due: before });
		const baseline = peerOf(doc);
		updateMilestone(doc, id, { due: after });
		const slip = scheduleSlip(milestonesOf(doc), milestonesOf(baseline));
		expect(slip.byId.get(id)).toMatchObject({ baselineDue: before, slip: null });
		expect(slip.slipped).toEqual([]);
	});

	it('has no slip for a milestone added after the baseline', () => {
		const doc = createBoard('kickoff');
		const baseline = peerOf(doc);
		const id = addMilestone(doc, { title: 'New', due: '2026-06-01' });
		const slip = scheduleSlip(milestonesOf(doc), milestonesOf(baseline));
		expect(slip.byId.get(id)).toMatchObject({ baselineDue: '', slip: null });
		expect(slip.slipped).toEqual([]);
	});

	it('leaves out milestones removed since the baseline', () => {
		const doc = createBoard('kickoff');
		const gone = addMilestone(doc, { title: 'Gone', due: '2026-03-13' });
		const baseline = peerOf(doc);
		removeMilestone(doc, gone);
		const slip = scheduleSlip(milestonesOf(doc), milestonesOf(baseline));
		expect(slip.milestones).toEqual([]);
		expect(slip.byId.has(gone)).toBe(false);
	});

	it('still reports the slip of a done milestone', () => {
		const doc = createBoard('kickoff');
		const id = addMilestone(doc, { title: 'Beta', due: '2026-03-13' });
		const baseline = peerOf(doc);
		updateMilestone(doc, id, { due: '2026-03-16', status: 'done' });
		const slip = scheduleSlip(milestonesOf(doc), milestonesOf(baseline));
		expect(slip.byId.get(id)).toMatchObject({ slip: 3, milestone: { status: 'done' } });
		expect(slip.slipped).toHaveLength(1);
	});

	it('lists the slipped ones most slipped first, equal slips by current date', () => {
		const baseline = [
			{ id: 'a', due: '2026-01-01' },
			{ id: 'b', due: '2026-01-01' },
			{ id: 'c', due: '2026-01-10' },
			{ id: 'd', due: '2026-01-10' }
		];
		const current = [
			{ id: 'a', due: '2026-01-03' },
			{ id: 'b', due: '2026-01-11' },
			{ id: 'c', due: '2026-01-12' },
			{ id: 'd', due: '2026-01-05' }
		];
		const slip = scheduleSlip(current, baseline);
		expect(slip.slipped.map((entry) => [entry.milestone.id, entry.slip])).toEqual([
			['b', 10],
			['a', 2],
			['c', 2]
		]);
		expect(slip.milestones.map((entry) => entry.milestone.id)).toEqual(['a', 'b', 'c', 'd']);
	});
});

describe('slip in words', () => {
	it('says late, early, singular and nothing for none', () => {
		expect(slipInWords(5)).toBe('5 days late');
		expect(slipInWords(1)).toBe('1 day late');
		expect(slipInWords(-2)).toBe('2 days early');
		expect(slipInWords(0)).toBe('');
		expect(slipInWords(null)).toBe('');
		expect(slipSigned(5)).toBe('+5 days');
		expect(slipSigned(-1)).toBe('−1 day');
		expect(slipSigned(0)).toBe('');
	});
});
