import type * as Y from 'yjs';
import { isNoChange, textChange, type TextChange } from '../board/text-change.ts';

/** An element a plain text field is typed into. */
export type PlainTextElement = HTMLInputElement | HTMLTextAreaElement;

/** How a binding writes and what it tells its owner. */
export interface PlainTextBindingOptions {
	/** Writes one change typed here into the text (a board command); throws to refuse it. */
	readonly edit: (change: TextChange) => void;
	/** What typing or pasting inserts, e.g. a one-line field turns line breaks into spaces. */
	readonly insertable?: (typed: string) => string;
	/** Told the element's value after every change, typed here or made elsewhere. */
	readonly onvalue?: (value: string) => void;
	/** Told when `edit` refused a change; the element shows the shared text again. */
	readonly onrefused?: (error: unknown) => void;
	/** The board's undo, for the browser's own Undo and Redo (its Edit menu). */
	readonly history?: { undo(): void; redo(): void };
}

/** One delta of a Y.Text event, as Yjs gives it. */
type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

/**
 * Binds an <input> or <textarea> to a Y.Text, both ways, character by character:
 * - a keystroke, a paste or a cut becomes the smallest change around the caret, written with
 *   `edit`; the element is never rewritten from a normalised value while someone types in it;
 * - a change made elsewhere (a peer, undo) updates the element and moves each end of the
 *   selection with the text around it, so the caret stays on the character it was on;
 * - while an input method composes (CJK, dead keys), the element is left alone: changes made
 *   meanwhile are kept and the composed text is written, mapped through them, when it ends.
 * It knows nothing of Svelte or of the board: `edit` decides what a change may do.
 */
export class PlainTextBinding {
	/** What the element showed when it last matched the text. */
	#shown: string;
	/** Changes of the text not yet shown, while the element holds text of its own (composing). */
	#unshown: TextDelta[] = [];
	#composing = false;
	#writing = false;
	readonly #listeners: Array<[string, EventListener]>;

	constructor(
		readonly element: PlainTextElement,
		readonly text: Y.Text,
		private readonly options: PlainTextBindingOptions
	) {
		this.#shown = text.toString();
		// Left alone when it already holds the text (the field was typed in before it had a
		// Y.Text): setting it would move the caret.
		if (element.value !== this.#shown) element.value = this.#shown;
		text.observe(this.#onTextChange);
		this.#listeners = [
			['beforeinput', this.#onBeforeInput as EventListener],
			['input', this.#onInput as EventListener],
			['compositionstart', () => (this.#composing = true)],
			['compositionend', this.#onCompositionEnd]
		];
		for (const [type, listener] of this.#listeners) element.addEventListener(type, listener);
	}

	/**
	 * Makes the text `value` by the smallest change (e.g. back to the last valid title when the
	 * field loses focus), leaving what others typed outside that change alone.
	 */
	replace(value: string): void {
		this.#commitTyping();
		const change = textChange(this.text.toString(), value);
		if (isNoChange(change)) return;
		this.#write(change);
		this.#show(this.#caretAfter(change));
	}

	/** Detaches from the text and the element. */
	destroy(): void {
		this.text.unobserve(this.#onTextChange);
		for (const [type, listener] of this.#listeners)
			this.element.removeEventListener(type, listener);
	}

	readonly #onBeforeInput = (event: InputEvent) => {
		const history = this.options.history;
		if (!history) return;
		if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') {
			event.preventDefault();
			if (event.inputType === 'historyUndo') history.undo();
			else history.redo();
		}
	};

	readonly #onInput = (event: InputEvent) => {
		if (this.#composing || event.isComposing) return;
		this.#commitTyping();
	};

	readonly #onCompositionEnd = () => {
		this.#composing = false;
		this.#commitTyping();
	};

	readonly #onTextChange = (event: Y.YTextEvent) => {
		if (this.#writing) return;
		this.#unshown.push(event.delta as TextDelta);
		// Text the user is composing (or typed and not yet written) stays theirs until written.
		if (this.#composing) return;
		if (this.element.value !== this.#shown) this.#commitTyping();
		else this.#show(this.#selectionThrough(this.#unshown.splice(0)));
	};

	// Writes what the element holds beyond what it showed: the change around the caret, mapped
	// through the changes of the text the element has not shown yet.
	#commitTyping(): void {
		const typed = this.element.value;
		const local = textChange(this.#shown, typed, this.element.selectionEnd ?? typed.length);
		const unshown = this.#unshown.splice(0);
		if (isNoChange(local)) {
			if (unshown.length > 0) this.#show(this.#selectionThrough(unshown));
			return;
		}
		const index = movedThrough(local.index, unshown, false);
		const end = Math.max(index, movedThrough(local.index + local.remove, unshown, false));
		const insert = this.options.insertable?.(local.insert) ?? local.insert;
		const change = { index, remove: end - index, insert };
		const written = this.#write(change);
		const caret = written ? this.#caretAfter(change) : null;
		if (this.text.toString() !== typed || unshown.length > 0 || !written) this.#show(caret);
		else {
			this.#shown = typed;
			this.options.onvalue?.(typed);
		}
	}

	#write(change: TextChange): boolean {
		this.#writing = true;
		try {
			this.options.edit(change);
			return true;
		} catch (error) {
			this.options.onrefused?.(error);
			return false;
		} finally {
			this.#writing = false;
		}
	}

	#caretAfter(change: TextChange): Selection {
		const caret = change.index + change.insert.length;
		return { start: caret, end: caret, direction: 'none' };
	}

	// Where the selection goes through changes of the text: each end moves with the text around
	// it; a caret keeps to the character on its left, a selection does not grow at its edges.
	#selectionThrough(deltas: readonly TextDelta[]): Selection | null {
		const { selectionStart, selectionEnd, selectionDirection } = this.element;
		if (selectionStart === null || selectionEnd === null) return null;
		const collapsed = selectionStart === selectionEnd;
		const start = movedThrough(selectionStart, deltas, !collapsed);
		const end = collapsed ? start : Math.max(start, movedThrough(selectionEnd, deltas, false));
		return { start, end, direction: selectionDirection ?? 'none' };
	}

	// Shows the text as it is, putting the selection back where it belongs when the field has focus.
	#show(selection: Selection | null): void {
		const value = this.text.toString();
		const { element } = this;
		const focused = element.ownerDocument.activeElement === element;
		if (element.value !== value) {
			const { scrollLeft, scrollTop } = element;
			element.value = value;
			element.scrollLeft = scrollLeft;
			element.scrollTop = scrollTop;
		}
		this.#shown = value;
		if (focused && selection) {
			const clamp = (position: number) => Math.min(position, value.length);
			element.setSelectionRange(clamp(selection.start), clamp(selection.end), selection.direction);
		}
		this.options.onvalue?.(value);
	}
}

interface Selection {
	start: number;
	end: number;
	direction: 'forward' | 'backward' | 'none';
}

/**
 * Where a position in a text goes through deltas of it (Y.Text events, in order): text
 * inserted before it or removed before it moves it. Text inserted exactly at it goes after it,
 * unless `followInsertions` (the start of a selection, which should not take it in).
 */
export function movedThrough(
	position: number,
	deltas: readonly TextDelta[],
	followInsertions: boolean
): number {
	let moved = position;
	for (const delta of deltas) {
		let index = 0;
		for (const op of delta) {
			if (op.retain !== undefined) index += op.retain;
			else if (op.insert !== undefined) {
				const length = typeof op.insert === 'string' ? op.insert.length : 1;
				if (moved > index || (followInsertions && moved === index)) moved += length;
				index += length;
			} else if (op.delete !== undefined && moved > index) {
				moved = Math.max(index, moved - op.delete);
			}
		}
	}
	return moved;
}
