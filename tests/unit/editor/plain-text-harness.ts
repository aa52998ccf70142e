import { JSDOM } from 'jsdom';
import * as Y from 'yjs';
import {
	addRisk,
	createBoard,
	editPlainText,
	entryText,
	insertableText,
	TITLE_SHAPE
} from '../../../src/lib/board/index.ts';
import { PlainTextBinding } from '../../../src/lib/editor/plain-text-binding.ts';

/** Origin of updates delivered from another peer, as the websocket provider's would be. */
export const fromPeer = Symbol('from-peer');

/**
 * One person's browser: a board doc, a risk title bound to an <input> of its own window (each
 * peer has its own focus, as separate browsers do), and the updates it made that no other peer
 * has received yet.
 */
export interface TextPeer {
	readonly doc: Y.Doc;
	readonly text: Y.Text;
	readonly input: HTMLInputElement | HTMLTextAreaElement;
	readonly window: Window;
	readonly binding: PlainTextBinding;
	readonly outbox: Uint8Array[];
	readonly refused: unknown[];
}

/** Browser windows for peers, made once: a window of its own gives each peer its own focus. */
export function peerWindows(count: number): Window[] {
	return Array.from(
		{ length: count },
		() => new JSDOM('<!doctype html><body></body>').window as unknown as Window
	);
}

/**
 * Peers on one board holding a risk titled `title`, one per window, its title field focused in
 * each.
 */
export function textPeers(
	windows: readonly Window[],
	title: string,
	element: 'input' | 'textarea' = 'input'
): TextPeer[] {
	const first = createBoard('kickoff');
	const riskId = addRisk(first, { title });
	const state = Y.encodeStateAsUpdate(first);
	return windows.map((window, i) => {
		const doc = i === 0 ? first : new Y.Doc();
		if (i > 0) Y.applyUpdate(doc, state, fromPeer);
		return bindPeer(doc, entryText(doc, 'risks', riskId, 'title')!, window, element);
	});
}

/**
 * Binds a new, focused <input> in `window` (replacing the one before) to `text`; a <textarea>
 * with `element: 'textarea'` (where, unlike an input, pasted line breaks reach the binding).
 */
export function bindPeer(
	doc: Y.Doc,
	text: Y.Text,
	window: Window,
	element: 'input' | 'textarea' = 'input'
): TextPeer {
	const input = window.document.createElement(element);
	window.document.body.replaceChildren(input);
	input.focus();
	const refused: unknown[] = [];
	const outbox: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== fromPeer) outbox.push(update);
	});
	const binding = new PlainTextBinding(input, text, {
		edit: (change) => editPlainText(doc, text, change),
		insertable: (typed) => insertableText(typed, TITLE_SHAPE),
		onrefused: (error) => refused.push(error)
	});
	return { doc, text, input, window, binding, outbox, refused };
}

/** Types `typed` at the caret (replacing the selection), one key at a time, as a browser would. */
export function type(peer: TextPeer, typed: string): void {
	for (const key of Array.from(typed)) insertAtCaret(peer, key, 'insertText');
}

/** Pastes `pasted` at the caret in one input event. */
export function paste(peer: TextPeer, pasted: string): void {
	insertAtCaret(peer, pasted, 'insertFromPaste');
}

/** Backspace: removes the selection, or the character before the caret. */
export function backspace(peer: TextPeer): void {
	const { input } = peer;
	const start = input.selectionStart!;
	const end = input.selectionEnd!;
	if (start === end && start === 0) return;
	// A browser removes a whole character: both halves of a surrogate pair (an emoji).
	const pair = start === end && isLowSurrogate(input.value.charCodeAt(start - 1)) ? 2 : 1;
	const from = start === end ? start - pair : start;
	input.value = input.value.slice(0, from) + input.value.slice(end);
	input.setSelectionRange(from, from);
	fire(peer, 'deleteContentBackward');
}

/** Selects from `start` to `end` (clamped to the value, never inside a surrogate pair). */
export function select(peer: TextPeer, start: number, end: number): void {
	const { value } = peer.input;
	const at = (index: number) => {
		const clamped = Math.min(index, value.length);
		return isLowSurrogate(value.charCodeAt(clamped)) ? clamped + 1 : clamped;
	};
	peer.input.setSelectionRange(at(start), at(Math.max(start, end)));
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/** Delivers every update the peers made to every other peer, in the order they were made. */
export function deliverAll(peers: readonly TextPeer[]): void {
	for (const from of peers) {
		for (const update of from.outbox.splice(0)) {
			for (const to of peers) if (to !== from) Y.applyUpdate(to.doc, update, fromPeer);
		}
	}
}

function insertAtCaret(peer: TextPeer, inserted: string, inputType: string): void {
	const { input } = peer;
	const start = input.selectionStart!;
	const end = input.selectionEnd!;
	input.value = input.value.slice(0, start) + inserted + input.value.slice(end);
	input.setSelectionRange(start + inserted.length, start + inserted.length);
	fire(peer, inputType, inserted);
}

function fire(peer: TextPeer, inputType: string, data: string | null = null): void {
	const { InputEvent } = peer.window as unknown as { InputEvent: typeof globalThis.InputEvent };
	peer.input.dispatchEvent(new InputEvent('input', { inputType, data, bubbles: true }));
}
