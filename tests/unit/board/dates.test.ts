import { describe, expect, it } from 'vitest';
import { daysUntil, dueInWords, localDateString } from '../../../src/lib/board/dates.ts';

describe('daysUntil', () => {
	it('counts calendar days across months, leap days and time changes', () => {
		expect(daysUntil('2026-04-10', '2026-04-10')).toBe(0);
		expect(daysUntil('2026-04-13', '2026-04-10')).toBe(3);
		expect(daysUntil('2026-04-08', '2026-04-10')).toBe(-2);
		expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2);
		expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
	});

	it('reads years before 100 as they are written, not as 19xx', () => {
		expect(daysUntil('0001-01-01', '2026-01-01')).toBe(-739_616);
		expect(daysUntil('0099-12-31', '0100-01-01')).toBe(-1);
	});
});

describe('localDateString', () => {
	it('formats the local calendar day with zero padding', () => {
		expect(localDateString(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(localDateString(new Date(2026, 10, 30, 0, 1))).toBe('2026-11-30');
		expect(localDateString(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31');
	});
});

describe('dueInWords', () => {
	it('names the near days, then weeks, months and years, ahead or late', () => {
		expect(dueInWords('2026-04-10', '2026-04-10')).toBe('Due today');
		expect(dueInWords('2026-04-11', '2026-04-10')).toBe('Due tomorrow');
		expect(dueInWords('2026-04-09', '2026-04-10')).toBe('1 day late');
		expect(dueInWords('2026-04-07', '2026-04-10')).toBe('3 days late');
		expect(dueInWords('2026-04-15', '2026-04-10')).toBe('In 5 days');
		expect(dueInWords('2026-03-20', '2026-04-10')).toBe('3 weeks late');
		expect(dueInWords('2026-08-10', '2026-04-10')).toBe('In 4 months');
		expect(dueInWords('2029-04-10', '2026-04-10')).toBe('In 3 years');
	});
});
