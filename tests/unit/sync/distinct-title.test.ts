import { describe, expect, it } from 'vitest';
import { distinctTitle } from '../../../src/lib/sync/distinct-title.ts';

describe('a new board’s title that the list of boards tells apart', () => {
	it('is the title itself when no known board has it', () => {
		expect(distinctTitle('Q3 kickoff', ['Retro', 'Q2 kickoff'])).toBe('Q3 kickoff');
	});

	it('numbers a copy after those already there', () => {
		expect(distinctTitle('Q3 kickoff', ['Q3 kickoff'])).toBe('Q3 kickoff (2)');
		expect(distinctTitle('Q3 kickoff', ['Q3 kickoff', 'Q3 kickoff (2)'])).toBe('Q3 kickoff (3)');
	});

	it('stays within the 200-character title limit', () => {
		const long = 'x'.repeat(200);
		const title = distinctTitle(long, [long]);
		expect(title).toHaveLength(200);
		expect(title.endsWith(' (2)')).toBe(true);
	});
});
