import { describe, expect, it } from 'vitest';
import { dateSchema } from '../../../src/lib/board/index.ts';
import { dateProblem, LAST_DATE } from '../../../src/lib/components/ui/date-problem.ts';

const typed = (value: string, badInput = false) => dateProblem({ value, badInput });

describe('dateProblem', () => {
	it('finds nothing wrong with a real day or an empty field (no date)', () => {
		expect(typed('2030-02-28')).toBe('');
		expect(typed('2028-02-29')).toBe('');
		expect(typed('')).toBe('');
	});

	it('names the date and says what is wrong when the browser could not read it', () => {
		// Chromium reports 31 April, or a date with its year half typed, as '' and badInput.
		expect(typed('', true)).toBe(
			'The due date is incomplete or not on the calendar (like 31 April).'
		);
	});

	it('says a year of five digits or more is too far ahead', () => {
		expect(typed('99999-01-01')).toBe(
			'The due date is too far ahead: the last year it can be is 9999.'
		);
		expect(typed('275760-09-13')).toMatch(/too far ahead/);
	});

	it('calls any other value the board would refuse not a real day', () => {
		expect(typed('2030-02-30')).toBe('The due date is not a real day.');
		expect(typed('tomorrow')).toBe('The due date is not a real day.');
	});

	it('offers exactly the dates the board keeps', () => {
		expect(dateSchema.safeParse(LAST_DATE).success).toBe(true);
		expect(typed(LAST_DATE)).toBe('');
	});
});
