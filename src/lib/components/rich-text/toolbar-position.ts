/** A box on screen, in viewport pixels (what `getBoundingClientRect` returns). */
export interface ScreenRect {
	readonly top: number;
	readonly left: number;
	readonly width: number;
	readonly height: number;
}

/** Where a floating toolbar goes: its top-left corner in viewport pixels, and which side it took. */
export interface ToolbarPlacement {
	readonly top: number;
	readonly left: number;
	readonly side: 'above' | 'below';
}

/** Space kept between the toolbar and the selection, and between it and the screen's edges. */
export const TOOLBAR_GAP = 8;

/**
 * Places a toolbar of `size` just above `anchor` (the selection), centred on it; below it when
 * there is no room above, and always inside the viewport horizontally, even on a 390px phone.
 */
export function placeToolbar(
	anchor: ScreenRect,
	size: { readonly width: number; readonly height: number },
	viewport: { readonly width: number; readonly height: number }
): ToolbarPlacement {
	const above = anchor.top - TOOLBAR_GAP - size.height;
	const below = anchor.top + anchor.height + TOOLBAR_GAP;
	const roomAbove = above >= TOOLBAR_GAP;
	const roomBelow = below + size.height <= viewport.height - TOOLBAR_GAP;
	const side = roomAbove || !roomBelow ? 'above' : 'below';
	const top = side === 'above' ? Math.max(TOOLBAR_GAP, above) : below;
	const centred = anchor.left + anchor.width / 2 - size.width / 2;
	const maxLeft = viewport.width - TOOLBAR_GAP - size.width;
	const left = Math.max(TOOLBAR_GAP, Math.min(centred, maxLeft));
	return { top, left, side };
}
