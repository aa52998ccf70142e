import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
	localOrigin,
	PlainTextEditError,
	readRisks,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { PlainTextBinding } from '../../../src/lib/editor/plain-text-binding.ts';
import {
	backspace,
	bindPeer,
	deliverAll,
	fromPeer,
	paste,
	peerWindows,
	select,
	textPeers,
	type,
	type TextPeer
} from './plain-text-harness.ts';

const windows = peerWindows(3);
afterAll(() => {
	for (const window of windows) (window as unknown as { close(): void }).close();
});

function caretAtEnd(peer: TextPeer): void {
	select(peer, peer.input.value.length, peer.input.value.length);
}

function fireComposition(peer: TextPeer, type: 'compositionstart' | 'compositionend'): void {
	const { CompositionEvent } = peer.window as unknown as {
		CompositionEvent: typeof globalThis.CompositionEvent;
	};
	peer.input.dispatchEvent(new CompositionEvent(type, { data: '' }));
}

function composingInput(peer: TextPeer, value: string): void {
	const { InputEvent } = peer.window as unknown as { InputEvent: typeof globalThis.InputEvent };
	peer.input.value = value;
	peer.input.setSelectionRange(value.length, value.length);
	peer.input.dispatchEvent(
		new InputEvent('input', { inputType: 'insertCompositionText', isComposing: true })
	);
}

describe('PlainTextBinding', () => {
	it('gives "bbbb Second test AAAA" when two people type at both ends, a key at a time', () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'Second test');
		caretAtEnd(ana!);
		select(bo!, 0, 0);
		const atEnd = Array.from(' AAAA');
		const atStart = Array.from('bbbb ');
		for (let i = 0; i < atEnd.length; i++) {
			type(ana!, atEnd[i]!);
			type(bo!, atStart[i]!);
			deliverAll([ana!, bo!]);
		}
		for (const peer of [ana!, bo!]) {
			expect(peer.text.toString()).toBe('bbbb Second test AAAA');
			expect(peer.input.value).toBe('bbbb Second test AAAA');
		}
		// Each caret stayed where its owner was typing.
		expect(ana!.input.selectionStart).toBe('bbbb Second test AAAA'.length);
		expect(bo!.input.selectionStart).toBe('bbbb '.length);
	});

	it('merges the same typing delivered late, all at once', () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'Second test');
		caretAtEnd(ana!);
		select(bo!, 0, 0);
		type(ana!, ' AAAA');
		type(bo!, 'bbbb ');
		deliverAll([ana!, bo!]);
		expect(ana!.input.value).toBe('bbbb Second test AAAA');
		expect(bo!.input.value).toBe('bbbb Second test AAAA');
	});

	it('never rewrites a focused field from the trimmed value others read', () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'Audit');
		caretAtEnd(ana!);
		type(ana!, ' and the ');
		// A change elsewhere on the board, and one in this very title, arrive while Ana types.
		const [other] = readRisks(bo!.doc).items;
		updateRisk(bo!.doc, other!.id, { likelihood: 5 });
		select(bo!, 0, 0);
		type(bo!, '!');
		deliverAll([ana!, bo!]);
		expect(ana!.input.value).toBe('!Audit and the ');
		type(ana!, 'auditors');
		deliverAll([ana!, bo!]);
		expect(bo!.text.toString()).toBe('!Audit and the auditors');
		expect(readRisks(bo!.doc).items[0]!.title).toBe('!Audit and the auditors');
	});

	it('turns pasted line breaks into spaces, with the caret after the paste', () => {
		const [first] = textPeers(windows.slice(0, 1), 'Risk');
		first!.binding.destroy();
		const ana = bindPeer(first!.doc, first!.text, windows[0]!, 'textarea');
		caretAtEnd(ana);
		paste(ana, ': one\r\ntwo\nthree');
		expect(ana.text.toString()).toBe('Risk: one two three');
		expect(ana.input.value).toBe('Risk: one two three');
		expect(ana.input.selectionStart).toBe('Risk: one two three'.length);
	});

	it('replaces a selection by what is typed over it', () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'Second test');
		select(ana!, 0, 6);
		type(ana!, 'Third');
		backspace(ana!);
		type(ana!, 'd');
		deliverAll([ana!, bo!]);
		expect(bo!.input.value).toBe('Third test');
	});

	it('leaves a composition alone, and writes it where it was composed once it ends', () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'test');
		caretAtEnd(ana!);
		fireComposition(ana!, 'compositionstart');
		composingInput(ana!, 'test に');
		select(bo!, 0, 0);
		type(bo!, 'A ');
		deliverAll([ana!, bo!]);
		// The element still holds the composition: rewriting it would cancel the input method.
		expect(ana!.input.value).toBe('test に');
		composingInput(ana!, 'test 日本');
		fireComposition(ana!, 'compositionend');
		deliverAll([ana!, bo!]);
		expect(ana!.input.value).toBe('A test 日本');
		expect(bo!.input.value).toBe('A test 日本');
		expect(ana!.input.selectionStart).toBe('A test 日本'.length);
	});

	it("sends the browser's own Undo and Redo to the board's undo", () => {
		const [ana] = textPeers(windows.slice(0, 1), 'Risk');
		ana!.binding.destroy();
		const history = { undo: vi.fn(), redo: vi.fn() };
		const binding = new PlainTextBinding(ana!.input, ana!.text, { edit: () => {}, history });
		const { InputEvent } = ana!.window as unknown as { InputEvent: typeof globalThis.InputEvent };
		const undo = new InputEvent('beforeinput', { inputType: 'historyUndo', cancelable: true });
		ana!.input.dispatchEvent(undo);
		ana!.input.dispatchEvent(
			new InputEvent('beforeinput', { inputType: 'historyRedo', cancelable: true })
		);
		expect(undo.defaultPrevented).toBe(true);
		expect(history.undo).toHaveBeenCalledOnce();
		expect(history.redo).toHaveBeenCalledOnce();
		binding.destroy();
	});

	it("undoes this person's typing through an undo manager, and the field follows with its caret", () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'Second test');
		const undo = new Y.UndoManager(ana!.doc.getMap('risks'), {
			trackedOrigins: new Set([localOrigin])
		});
		caretAtEnd(ana!);
		type(ana!, ' AAAA');
		select(bo!, 0, 0);
		type(bo!, 'bbbb ');
		deliverAll([ana!, bo!]);
		select(ana!, 3, 3);
		undo.undo();
		expect(ana!.input.value).toBe('bbbb Second test');
		expect(ana!.input.selectionStart).toBe(3);
		deliverAll([ana!, bo!]);
		expect(bo!.input.value).toBe('bbbb Second test');
	});

	it('puts the shared text back and says why when the board refuses a change', () => {
		const [ana] = textPeers(windows.slice(0, 1), 'Risk');
		ana!.binding.destroy();
		const refusal = new PlainTextEditError('editCardText', 'the facilitator paused editing');
		const onrefused = vi.fn();
		const binding = new PlainTextBinding(ana!.input, ana!.text, {
			edit: () => {
				throw refusal;
			},
			onrefused
		});
		caretAtEnd(ana!);
		type(ana!, 'x');
		expect(onrefused).toHaveBeenCalledWith(refusal);
		expect(ana!.input.value).toBe('Risk');
		expect(ana!.text.toString()).toBe('Risk');
		binding.destroy();
	});

	it("replace() changes only what differs, keeping a peer's typing elsewhere", () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'Second test');
		caretAtEnd(bo!);
		type(bo!, ' now');
		ana!.binding.replace('Second exam');
		deliverAll([ana!, bo!]);
		expect(ana!.input.value).toBe('Second exam now');
		expect(bo!.input.value).toBe('Second exam now');
	});

	it('stops following the text once destroyed', () => {
		const [ana, bo] = textPeers(windows.slice(0, 2), 'Risk');
		ana!.binding.destroy();
		caretAtEnd(bo!);
		type(bo!, 's');
		deliverAll([ana!, bo!]);
		expect(ana!.text.toString()).toBe('Risks');
		expect(ana!.input.value).toBe('Risk');
	});

	it('binds a field opened later on the text as it is', () => {
		const [ana] = textPeers(windows.slice(0, 1), 'Risk');
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(ana!.doc), fromPeer);
		const risk = readRisks(copy).items[0]!;
		const text = copy.getMap('risks').get(risk.id) as Y.Map<unknown>;
		const late = bindPeer(copy, text.get('title') as Y.Text, windows[2]!);
		expect(late.input.value).toBe('Risk');
		late.binding.destroy();
	});
});
