import { describe, expect, it } from 'vitest';
import { dueText, moveText } from '../../../src/lib/components/versions/change-text.ts';

describe('moveText', () => {
	const [march12, march17] = [dueText('2026-03-12'), dueText('2026-03-17')];

	it('says how many days later or earlier a milestone moved', () => {
		expect(moveText({ before: '2026-03-12', after: '2026-03-17', slip: 5 })).toBe(
			`from ${march12} to ${march17} (5 days later)`
		);
		expect(moveText({ before: '2026-03-17', after: '2026-03-12', slip: -5 })).toBe(
			`from ${march17} to ${march12} (5 days earlier)`
		);
		expect(moveText({ before: '2026-03-12', after: '2026-03-13', slip: 1 })).toBe(
			`from ${march12} to ${dueText('2026-03-13')} (1 day later)`
		);
	});

	it('gives only the dates when one side has none', () => {
		expect(moveText({ before: '', after: '2026-03-17', slip: null })).toBe(
			`from no date to ${march17}`
		);
		expect(moveText({ before: '2026-03-12', after: '', slip: null })).toBe(
			`from ${march12} to no date`
		);
	});
});
