import { describe, expect, it } from 'vitest';
import { movePosition, textChange } from '../../../src/lib/board/index.ts';

describe('textChange', () => {
	it('keeps the common start and end: only what differs changes', () => {
		expect(textChange('Second test', 'Second exam')).toEqual({
			index: 7,
			remove: 4,
			insert: 'exam'
		});
		expect(textChange('abc', 'abc')).toEqual({ index: 3, remove: 0, insert: '' });
		expect(textChange('', 'new')).toEqual({ index: 0, remove: 0, insert: 'new' });
		expect(textChange('old', '')).toEqual({ index: 0, remove: 3, insert: '' });
	});

	it('places a keystroke where the caret says when the text repeats', () => {
		// "a" typed after the first "a" of "aa": the caret is at 2 of "aaa".
		expect(textChange('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
		expect(textChange('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
		// Backspace on the second "b" of "abba": the caret is at 2 of "aba".
		expect(textChange('abba', 'aba', 2)).toEqual({ index: 2, remove: 1, insert: '' });
		// A caret that does not fit the text (e.g. set by a script) falls back to the common end.
		expect(textChange('abc', 'abXc', 0)).toEqual({ index: 2, remove: 0, insert: 'X' });
	});

	it('never splits a surrogate pair (an emoji changed for another)', () => {
		const change = textChange('a😀b', 'a😁b');
		expect(change).toEqual({ index: 1, remove: 2, insert: '😁' });
	});
});

describe('movePosition', () => {
	it('moves positions after a change, keeps those before, and a caret at an insertion stays before it', () => {
		const change = { index: 2, remove: 2, insert: 'XYZ' };
		expect(movePosition(1, change)).toBe(1);
		expect(movePosition(2, change)).toBe(2);
		expect(movePosition(3, change)).toBe(2);
		expect(movePosition(4, change)).toBe(5);
		expect(movePosition(6, change)).toBe(7);
	});
});
