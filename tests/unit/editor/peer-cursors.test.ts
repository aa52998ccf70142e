import { describe, expect, it } from 'vitest';
import { isFocusOn, peerCursorStates } from '../../../src/lib/editor/peer-cursors.ts';

const field = { section: 'charter', id: 'background' };
const here = {
	name: 'Grace',
	color: '#16a34a',
	focusing: true,
	focus: { section: 'charter', id: 'background' },
	anchorPos: null,
	focusPos: null,
	awarenessData: {}
};

describe('peerCursorStates', () => {
	it('keeps the others who are typing in this field, and never the local user', () => {
		const states = new Map<number, unknown>([
			[1, here],
			[2, { ...here, name: 'Me' }],
			[3, { ...here, focus: { section: 'charter', id: 'objectives' } }],
			[4, { ...here, focusing: false }],
			[5, { ...here, focus: null }],
			[6, 'not an object']
		]);
		expect([...peerCursorStates(states, 2, field).keys()]).toEqual([1]);
	});

	it('bounds the name and replaces a colour that is not #rrggbb', () => {
		const states = new Map<number, unknown>([
			[1, { ...here, name: 'x'.repeat(500), color: 'red; background: url(https://evil)' }],
			[2, { ...here, name: { toString: 'no' }, color: '#ABCDEF' }]
		]);
		const shown = peerCursorStates(states, 9, field);
		expect(shown.get(1)?.name).toHaveLength(60);
		expect(shown.get(1)?.color).toMatch(/^#[0-9a-f]{6}$/);
		expect(shown.get(1)?.color).not.toContain('url');
		expect(shown.get(2)?.name).toBe('Someone');
		expect(shown.get(2)?.color).toBe('#ABCDEF');
	});

	it('keeps a well-formed caret position and drops malformed ones', () => {
		const position = {
			type: { client: 7, clock: 3 },
			tname: null,
			item: { client: 7, clock: 9 },
			assoc: 0
		};
		const states = new Map<number, unknown>([
			[1, { ...here, anchorPos: position, focusPos: position }],
			[2, { ...here, anchorPos: { ...position, tname: 'meta' }, focusPos: 'here' }],
			[3, { ...here, anchorPos: { ...position, item: { client: -1, clock: 'x' } }, focusPos: 5 }]
		]);
		const shown = peerCursorStates(states, 9, field);
		expect(shown.get(1)?.anchorPos).toEqual(position);
		expect(shown.get(2)?.anchorPos).toBeNull();
		expect(shown.get(2)?.focusPos).toBeNull();
		expect(shown.get(3)?.anchorPos).toBeNull();
		expect(shown.get(3)?.focusPos).toBeNull();
	});
});

describe('isFocusOn', () => {
	it('matches the same section and id only', () => {
		expect(isFocusOn({ section: 'charter', id: 'background' }, field)).toBe(true);
		expect(isFocusOn({ section: 'charter' }, field)).toBe(false);
		expect(isFocusOn({ section: 'risks', id: 'background' }, field)).toBe(false);
		expect(isFocusOn(undefined, field)).toBe(false);
	});
});
