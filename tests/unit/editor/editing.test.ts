// @vitest-environment jsdom
import {
	$getRoot,
	$getSelection,
	CONTROLLED_TEXT_INSERTION_COMMAND,
	PASTE_COMMAND,
	type LexicalEditor
} from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	applyLink,
	removeLink,
	setBlockKind,
	toggleTextFormat,
	$readFormatState
} from '../../../src/lib/editor/formatting.ts';
import { guardAnchor } from '../../../src/lib/editor/link-guard.ts';
import { $isFieldEmpty } from '../../../src/lib/editor/rich-text-field.ts';
import {
	connectedPeers,
	mountField,
	sectionText,
	settle,
	teardown,
	type Peer
} from './field-harness.ts';

let peers: Peer[] = [];
afterEach(() => {
	teardown(...peers);
	peers = [];
});

function editorOnEmptyField(): { editor: LexicalEditor; peer: Peer } {
	peers = connectedPeers();
	const [peer] = peers as [Peer, Peer];
	return { editor: mountField(peer).editor, peer };
}

function fakeTransfer(data: Record<string, string>) {
	return { types: Object.keys(data), getData: (type: string) => data[type] ?? '' };
}

function pasteEvent(data: Record<string, string>) {
	return { type: 'paste', clipboardData: fakeTransfer(data), preventDefault: vi.fn() };
}

function root(editor: LexicalEditor): HTMLElement {
	const element = editor.getRootElement();
	if (!element) throw new Error('editor not mounted');
	return element;
}

const hostileHtml =
	'<p>Plan <a href="javascript:alert(1)">here</a><img src=x onerror=alert(1)></p>';

describe('pasting into a field', () => {
	it('inserts the plain text of the clipboard and never its HTML', () => {
		const { editor } = editorOnEmptyField();
		const event = pasteEvent({ 'text/html': hostileHtml, 'text/plain': 'Plan here' });
		editor.update(
			() => {
				$getRoot().selectEnd();
				editor.dispatchCommand(PASTE_COMMAND, event as unknown as ClipboardEvent);
			},
			{ discrete: true }
		);
		expect(event.preventDefault).toHaveBeenCalled();
		expect(root(editor).textContent).toBe('Plan here');
		expect(root(editor).querySelector('a, img')).toBeNull();
	});

	it('inserts text dropped from outside the editor as plain text', () => {
		const { editor } = editorOnEmptyField();
		const drop = {
			type: 'beforeinput',
			inputType: 'insertFromDrop',
			dataTransfer: fakeTransfer({ 'text/html': hostileHtml, 'text/plain': 'Dropped words' })
		};
		editor.update(
			() => {
				$getRoot().selectEnd();
				editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, drop as unknown as InputEvent);
			},
			{ discrete: true }
		);
		expect(root(editor).textContent).toBe('Dropped words');
		expect(root(editor).querySelector('a, img')).toBeNull();
	});
});

describe('formatting commands', () => {
	it('turns a paragraph into a heading and back, and the toolbar state follows', () => {
		const { editor } = editorOnEmptyField();
		setBlockKind(editor, 'h2');
		editor.update(() => $getRoot().selectEnd().insertText('Goals'), { discrete: true });
		expect(root(editor).querySelector('h2')?.textContent).toBe('Goals');
		expect(editor.getEditorState().read($readFormatState).block).toBe('h2');

		setBlockKind(editor, 'h2');
		editor.read(() => {});
		expect(root(editor).querySelector('h2')).toBeNull();
		expect(root(editor).querySelector('p')?.textContent).toBe('Goals');
	});

	it('switches between bullet and numbered lists and back to a paragraph', () => {
		const { editor } = editorOnEmptyField();
		editor.update(() => $getRoot().selectEnd().insertText('Cut costs'), { discrete: true });
		setBlockKind(editor, 'bullet');
		editor.read(() => {});
		expect(root(editor).querySelector('ul > li')?.textContent).toBe('Cut costs');
		setBlockKind(editor, 'number');
		editor.read(() => {});
		expect(root(editor).querySelector('ol > li')?.textContent).toBe('Cut costs');
		setBlockKind(editor, 'number');
		editor.read(() => {});
		expect(root(editor).querySelector('ol, ul')).toBeNull();
		expect(root(editor).textContent).toBe('Cut costs');
	});

	it('makes what is typed next bold, and the toolbar state says so', () => {
		const { editor } = editorOnEmptyField();
		editor.update(() => $getRoot().selectEnd().insertText('We '), { discrete: true });
		toggleTextFormat(editor, 'bold');
		editor.update(() => $getSelection()?.insertText('must'), { discrete: true });
		expect(root(editor).querySelector('.rt-bold')?.textContent).toBe('must');
		expect(editor.getEditorState().read($readFormatState).bold).toBe(true);
	});

	it('inserts a typed address as a link, refuses a javascript: address and removes a link', () => {
		const { editor, peer } = editorOnEmptyField();
		expect(applyLink(editor, 'javascript:alert(1)').ok).toBe(false);
		expect(sectionText(peer).length).toBe(0);

		expect(applyLink(editor, 'example.com/plan').ok).toBe(true);
		editor.read(() => {});
		const anchor = root(editor).querySelector('a');
		expect(anchor?.getAttribute('href')).toBe('https://example.com/plan');
		expect(anchor?.textContent).toBe('https://example.com/plan');
		expect(editor.getEditorState().read($readFormatState).linkUrl).toBe('https://example.com/plan');

		removeLink(editor);
		editor.read(() => {});
		expect(root(editor).querySelector('a')).toBeNull();
		expect(root(editor).textContent).toBe('https://example.com/plan');
	});
});

describe('an empty field', () => {
	it('is empty with no blocks or one empty paragraph, and not once it has text', async () => {
		const { editor } = editorOnEmptyField();
		expect(editor.getEditorState().read($isFieldEmpty)).toBe(true);
		setBlockKind(editor, 'paragraph');
		await settle();
		expect(editor.getEditorState().read($isFieldEmpty)).toBe(true);
		editor.update(() => $getRoot().selectEnd().insertText('x'), { discrete: true });
		expect(editor.getEditorState().read($isFieldEmpty)).toBe(false);
	});
});

describe('guardAnchor', () => {
	it('removes an unsafe address and opens a safe one apart from this page', () => {
		const unsafe = document.createElement('a');
		unsafe.setAttribute('href', 'about:blank');
		unsafe.target = '_self';
		guardAnchor(unsafe);
		expect(unsafe.hasAttribute('href')).toBe(false);
		expect(unsafe.hasAttribute('target')).toBe(false);

		const safe = document.createElement('a');
		safe.setAttribute('href', 'mailto:pm@example.com');
		guardAnchor(safe);
		expect(safe.getAttribute('href')).toBe('mailto:pm@example.com');
		expect(safe.target).toBe('_blank');
		expect(safe.rel).toBe('noopener noreferrer nofollow');
	});
});
