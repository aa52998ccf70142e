import type { ScreenRect } from './toolbar-position.ts';

/** Where the selection is, relative to the top-left corner of the editor it is in. */
export interface SelectionAnchor {
	readonly top: number;
	readonly left: number;
	readonly width: number;
	readonly height: number;
}

/**
 * Measures the browser's selection inside `editor`: the selected text, or the caret's line when
 * nothing is selected; the editor's first line when the selection is elsewhere. Kept relative to
 * the editor, so the toolbar can follow scrolling without the selection being measured again.
 */
export function measureSelection(editor: HTMLElement): SelectionAnchor {
	const box = editor.getBoundingClientRect();
	const rect = selectionRect(editor) ?? {
		top: box.top,
		left: box.left,
		width: box.width,
		height: 0
	};
	return {
		top: rect.top - box.top,
		left: rect.left - box.left,
		width: rect.width,
		height: rect.height
	};
}

/** The anchor on screen now, wherever the editor has scrolled to. */
export function anchorOnScreen(editor: HTMLElement, anchor: SelectionAnchor): ScreenRect {
	const box = editor.getBoundingClientRect();
	return { ...anchor, top: box.top + anchor.top, left: box.left + anchor.left };
}

function selectionRect(editor: HTMLElement): ScreenRect | null {
	const selection = getSelection();
	if (!selection || selection.rangeCount === 0) return null;
	const range = selection.getRangeAt(0);
	if (!editor.contains(range.commonAncestorContainer)) return null;
	const rect = range.getBoundingClientRect();
	if (rect.width > 0 || rect.height > 0) return rect;
	// A caret in an empty line has no box of its own: use its line's.
	const container = range.startContainer;
	const line = container instanceof Element ? container : container.parentElement;
	return line ? line.getBoundingClientRect() : null;
}
