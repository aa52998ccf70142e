import { describe, expect, it } from 'vitest';
import { pasteCutMessage } from '../../../src/lib/components/ui/length-limit.ts';

describe('pasteCutMessage', () => {
	it('says how much of a paste was kept, and the rule that cut it', () => {
		expect(pasteCutMessage('A risk title has at most 200 characters.', 150, 5000)).toBe(
			'A risk title has at most 200 characters: only the first 150 of the 5,000 characters you pasted were kept.'
		);
	});

	it('says nothing was added when the field was already full', () => {
		expect(pasteCutMessage('A card has at most 2,000 characters.', 0, 12)).toBe(
			'A card has at most 2,000 characters: nothing of what you pasted was added.'
		);
	});
});
