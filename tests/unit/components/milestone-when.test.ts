import { describe, expect, it } from 'vitest';
import {
	describeWhen,
	formatDate
} from '../../../src/lib/components/milestones/milestone-labels.ts';

const when = (due: string, status: 'planned' | 'at-risk' | 'done' = 'planned') =>
	describeWhen({ due, status }, '2026-12-07');

describe('when a milestone is due, in words', () => {
	it('says the near days exactly', () => {
		expect(when('2026-12-07')).toBe('Due today');
		expect(when('2026-12-08')).toBe('Due tomorrow');
		expect(when('2026-12-12')).toBe('In 5 days');
		expect(when('2026-12-06')).toBe('1 day late');
		expect(when('2026-11-30')).toBe('7 days late');
	});

	it('says far dates in weeks, months and years, never in thousands of days', () => {
		expect(when('2027-01-04')).toBe('In 4 weeks');
		expect(when('2027-06-07')).toBe('In 6 months');
		expect(when('9999-12-31')).toBe(`In ${(7973).toLocaleString()} years`);
		expect(when('0001-01-01')).toBe(`${(2026).toLocaleString()} years late`);
	});

	it('says Done and No date whatever the date', () => {
		expect(when('2020-01-01', 'done')).toBe('Done');
		expect(when('')).toBe('No date');
	});

	it('shows years before 100 as written', () => {
		expect(formatDate('0001-03-04')).toMatch(/\b1\b|0001/);
		expect(formatDate('0001-03-04')).not.toContain('1901');
	});
});
