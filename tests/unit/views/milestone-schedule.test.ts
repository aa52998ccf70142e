import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../../src/lib/board/index.ts';
import {
	isOverdue,
	milestoneTimeline,
	sortMilestones
} from '../../../src/lib/board/views/milestone-schedule.ts';

let next = 0;
/** A milestone with a distinct id; `order` defaults to creation order. */
function milestone(fields: Partial<Milestone> & { title: string }): Milestone {
	next++;
	return {
		id: `m${String(next).padStart(15, '0')}`,
		due: '',
		owner: '',
		status: 'planned',
		decision: '',
		order: `a${next}`,
		...fields
	};
}

const titles = (list: readonly Milestone[]) => list.map((entry) => entry.title);

describe('sortMilestones', () => {
	it('puts earlier due dates first and undated milestones last', () => {
		const list = [
			milestone({ title: 'undated', due: '' }),
			milestone({ title: 'june', due: '2026-06-01' }),
			milestone({ title: 'march', due: '2026-03-15' }),
			milestone({ title: 'next year', due: '2027-01-01' })
		];
		expect(titles(sortMilestones(list))).toEqual(['march', 'june', 'next year', 'undated']);
	});

	it('keeps board order between milestones due the same day, and between undated ones', () => {
		const list = [
			milestone({ title: 'second', due: '2026-05-01', order: 'a2' }),
			milestone({ title: 'no date B', order: 'a9' }),
			milestone({ title: 'first', due: '2026-05-01', order: 'a1' }),
			milestone({ title: 'no date A', order: 'a0' })
		];
		expect(titles(sortMilestones(list))).toEqual(['first', 'second', 'no date A', 'no date B']);
	});

	it('does not reorder the list it was given', () => {
		const list = [
			milestone({ title: 'b', due: '2026-02-01' }),
			milestone({ title: 'a', due: '2026-01-01' })
		];
		sortMilestones(list);
		expect(titles(list)).toEqual(['b', 'a']);
	});
});

describe('isOverdue', () => {
	const today = '2026-04-10';

	it('is overdue when not done and due before today', () => {
		expect(isOverdue({ due: '2026-04-09', status: 'planned' }, today)).toBe(true);
		expect(isOverdue({ due: '2025-12-31', status: 'at-risk' }, today)).toBe(true);
	});

	it('is not overdue on the day it is due, later, without a date, or once done', () => {
		expect(isOverdue({ due: today, status: 'planned' }, today)).toBe(false);
		expect(isOverdue({ due: '2026-04-11', status: 'planned' }, today)).toBe(false);
		expect(isOverdue({ due: '', status: 'planned' }, today)).toBe(false);
		expect(isOverdue({ due: '2026-01-01', status: 'done' }, today)).toBe(false);
	});
});

describe('milestoneTimeline', () => {
	it('is null when no milestone has a date', () => {
		expect(milestoneTimeline([milestone({ title: 'someday' })], '2026-01-01')).toBeNull();
	});

	it('spans the earliest to the latest date and places each by its date', () => {
		const list = [
			milestone({ title: 'end', due: '2026-01-11' }),
			milestone({ title: 'start', due: '2026-01-01' }),
			milestone({ title: 'middle', due: '2026-01-06' }),
			milestone({ title: 'undated' })
		];
		const timeline = milestoneTimeline(list, '2026-01-03')!;
		expect(timeline.start).toBe('2026-01-01');
		expect(timeline.end).toBe('2026-01-11');
		expect(timeline.markers.map((marker) => [marker.milestone.title, marker.position])).toEqual([
			['start', 0],
			['middle', 0.5],
			['end', 1]
		]);
		expect(timeline.today).toBeCloseTo(0.2);
	});

	it('stretches the range to include today when every milestone is in the future', () => {
		const list = [milestone({ title: 'launch', due: '2026-02-10' })];
		const timeline = milestoneTimeline(list, '2026-01-31')!;
		expect(timeline.start).toBe('2026-01-31');
		expect(timeline.end).toBe('2026-02-10');
		expect(timeline.today).toBe(0);
		expect(timeline.markers[0]!.position).toBe(1);
	});

	it('stretches the range to include today when every milestone is past', () => {
		const list = [milestone({ title: 'kickoff', due: '2026-01-01' })];
		const timeline = milestoneTimeline(list, '2026-01-05')!;
		expect(timeline.end).toBe('2026-01-05');
		expect(timeline.today).toBe(1);
		expect(timeline.markers[0]!.position).toBe(0);
	});

	it('puts everything in the middle when all dates are today', () => {
		const list = [
			milestone({ title: 'a', due: '2026-01-05' }),
			milestone({ title: 'b', due: '2026-01-05' })
		];
		const timeline = milestoneTimeline(list, '2026-01-05')!;
		expect(timeline.today).toBe(0.5);
		expect(timeline.markers.map((marker) => marker.position)).toEqual([0.5, 0.5]);
	});

	it('places the baseline date of a milestone that moved, and stretches the strip to it', () => {
		const beta = milestone({ title: 'beta', due: '2026-01-11' });
		const launch = milestone({ title: 'launch', due: '2026-01-21' });
		const review = milestone({ title: 'review', due: '2026-01-16' });
		const added = milestone({ title: 'added', due: '2026-01-19' });
		const baseline = new Map([
			[beta.id, '2026-01-06'],
			[launch.id, '2026-01-26'],
			[review.id, '2026-01-16'],
			[added.id, '']
		]);
		const timeline = milestoneTimeline([beta, launch, review, added], '2026-01-06', baseline)!;
		expect(timeline.start).toBe('2026-01-06');
		expect(timeline.end).toBe('2026-01-26');
		expect(
			timeline.markers.map(({ milestone, position, baseline }) => [
				milestone.title,
				position,
				baseline
			])
		).toEqual([
			['beta', 0.25, 0],
			['review', 0.5, null],
			['added', 0.65, null],
			['launch', 0.75, 1]
		]);
	});

	it('has no baseline marker for a milestone with no date now, and no strip if none is dated', () => {
		const undated = milestone({ title: 'undated' });
		expect(
			milestoneTimeline([undated], '2026-01-05', new Map([[undated.id, '2026-01-01']]))
		).toBeNull();
	});
});
