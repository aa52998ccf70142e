import { describe, expect, it } from 'vitest';
import {
	placeToolbar,
	TOOLBAR_GAP
} from '../../../src/lib/components/rich-text/toolbar-position.ts';

const toolbar = { width: 300, height: 40 };
const laptop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

describe('placeToolbar', () => {
	it('puts the toolbar just above the selection, centred on it', () => {
		const placement = placeToolbar(
			{ top: 400, left: 500, width: 100, height: 20 },
			toolbar,
			laptop
		);
		expect(placement).toEqual({ top: 400 - TOOLBAR_GAP - 40, left: 400, side: 'above' });
	});

	it('puts it below the selection when there is no room above', () => {
		const placement = placeToolbar({ top: 30, left: 500, width: 100, height: 20 }, toolbar, laptop);
		expect(placement).toEqual({ top: 30 + 20 + TOOLBAR_GAP, left: 400, side: 'below' });
	});

	it('keeps it inside a phone screen at either edge', () => {
		const atLeft = placeToolbar({ top: 400, left: 10, width: 30, height: 20 }, toolbar, phone);
		expect(atLeft.left).toBe(TOOLBAR_GAP);
		const atRight = placeToolbar({ top: 400, left: 360, width: 25, height: 20 }, toolbar, phone);
		expect(atRight.left + toolbar.width).toBe(phone.width - TOOLBAR_GAP);
	});

	it('stays on screen above a selection taller than the screen', () => {
		const placement = placeToolbar({ top: 20, left: 100, width: 200, height: 900 }, toolbar, phone);
		expect(placement.side).toBe('above');
		expect(placement.top).toBe(TOOLBAR_GAP);
	});
});
