// @vitest-environment jsdom
import { $createLinkNode } from '@lexical/link';
import {
	$createParagraphNode,
	$createTextNode,
	$getRoot,
	$getSelection,
	$isRangeSelection,
	FORMAT_TEXT_COMMAND,
	REDO_COMMAND,
	UNDO_COMMAND,
	type LexicalEditor
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyLink, setBlockKind } from '../../../src/lib/editor/formatting.ts';
import {
	connectedPeers,
	mountField,
	sectionText,
	settle,
	shownText,
	teardown,
	type Peer
} from './field-harness.ts';

let peers: Peer[] = [];
afterEach(() => {
	teardown(...peers);
	peers = [];
});

function twoPeers(): [Peer, Peer] {
	const pair = connectedPeers();
	peers = pair;
	return pair;
}

/** Types at the end of the field, as a keystroke would (committed at once). */
function type(editor: LexicalEditor, text: string): void {
	editor.update(
		() => {
			const selection = $getSelection();
			if ($isRangeSelection(selection)) selection.insertText(text);
			else $getRoot().selectEnd().insertText(text);
		},
		{ discrete: true }
	);
}

describe('bindEditorToField', () => {
	it('shows text and formatting typed in one editor in the other, both ways', async () => {
		const [ada, grace] = twoPeers();
		const adaField = mountField(ada);
		const graceField = mountField(grace);

		type(adaField.editor, 'Replace the ');
		adaField.editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold');
		type(adaField.editor, 'legacy');
		await settle();
		expect(shownText(graceField)).toBe('Replace the legacy');
		expect(graceField.editor.getRootElement()?.querySelector('.rt-bold')?.textContent).toBe(
			'legacy'
		);

		graceField.editor.update(
			() => {
				const selection = $getRoot().selectEnd();
				selection.toggleFormat('bold');
				selection.toggleFormat('italic');
				selection.insertText(' billing system');
			},
			{ discrete: true }
		);
		await settle();
		expect(shownText(adaField)).toBe('Replace the legacy billing system');
		const added = adaField.editor.getRootElement()?.querySelector('.rt-italic');
		expect(added?.textContent).toBe(' billing system');
		expect(sectionText(ada).toJSON()).toBe(sectionText(grace).toJSON());
	});

	it('carries lists and links to the other editor', async () => {
		const [ada, grace] = twoPeers();
		const adaField = mountField(ada);
		const graceField = mountField(grace);

		type(adaField.editor, 'Ship the new checkout');
		setBlockKind(adaField.editor, 'bullet');
		await settle();
		expect(applyLink(adaField.editor, 'https://example.com/plan')).toEqual({
			ok: true,
			url: 'https://example.com/plan'
		});
		await settle();

		const graceRoot = graceField.editor.getRootElement();
		expect(graceRoot?.querySelectorAll('ul > li')).toHaveLength(1);
		expect(graceRoot?.querySelector('a')?.getAttribute('href')).toBe('https://example.com/plan');
		expect(graceRoot?.querySelector('ul')?.textContent).toContain('Ship the new checkout');
	});

	it('shows what a field already holds when it is mounted later', async () => {
		const [ada, grace] = twoPeers();
		const adaField = mountField(ada);
		type(adaField.editor, 'Why we start this project');
		setBlockKind(adaField.editor, 'h2');
		await settle();

		const graceField = mountField(grace);
		expect(shownText(graceField)).toBe('Why we start this project');
		expect(graceField.editor.getRootElement()?.querySelector('h2')?.textContent).toBe(
			'Why we start this project'
		);
	});

	it('shows the content once after an unmount and a remount, and the next edit keeps both docs equal', async () => {
		const [ada, grace] = twoPeers();
		const first = mountField(ada);
		type(first.editor, 'Objectives');
		first.editor.update(
			() => $getRoot().append($createParagraphNode().append($createTextNode('Cut costs'))),
			{
				discrete: true
			}
		);
		await settle();
		const graceField = mountField(grace);

		first.destroy();
		const again = mountField(ada);
		expect(shownText(again)).toBe(shownText(graceField));
		expect(again.editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(2);

		type(again.editor, ' by a tenth');
		await settle();
		expect(sectionText(ada).toJSON()).toBe(sectionText(grace).toJSON());
		expect(shownText(graceField)).toContain('Cut costs by a tenth');
		expect(again.editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(
			graceField.editor.getEditorState().read(() => $getRoot().getTextContent())
		);
	});

	it('writes nothing when it mounts on an empty field', async () => {
		const [ada] = twoPeers();
		const updates: Uint8Array[] = [];
		ada.doc.on('update', (update: Uint8Array) => updates.push(update));
		const field = mountField(ada);
		await settle();
		field.destroy();
		await settle();
		expect(updates).toHaveLength(0);
		expect(sectionText(ada).length).toBe(0);
	});

	it('does not let the local user undo a change that arrived from a peer', async () => {
		const [ada, grace] = twoPeers();
		const adaField = mountField(ada);
		const graceField = mountField(grace);
		type(graceField.editor, 'Written by Grace');
		await settle();

		expect(shownText(adaField)).toBe('Written by Grace');
		expect(adaField.binding.undoManager.undoStack).toHaveLength(0);
		adaField.editor.dispatchCommand(UNDO_COMMAND, undefined);
		await settle();
		expect(shownText(adaField)).toBe('Written by Grace');
	});

	it('undoes the local user’s own typing with Ctrl+Z, and only that', async () => {
		const [ada, grace] = twoPeers();
		const adaField = mountField(ada);
		const graceField = mountField(grace);
		type(graceField.editor, 'Grace. ');
		await settle();
		adaField.binding.undoManager.stopCapturing();
		type(adaField.editor, 'Ada.');
		await settle();
		expect(shownText(graceField)).toBe('Grace. Ada.');

		adaField.editor.dispatchCommand(UNDO_COMMAND, undefined);
		await settle();
		expect(shownText(adaField)).toBe('Grace. ');
		expect(shownText(graceField)).toBe('Grace. ');
	});

	it('lets the first edit in an empty field be undone and redone', async () => {
		const [ada, grace] = twoPeers();
		const adaField = mountField(ada);
		const graceField = mountField(grace);
		// Typing starts with a beforeinput event, which seeds the field's first paragraph.
		adaField.editor.getRootElement()?.dispatchEvent(new Event('beforeinput', { cancelable: true }));
		type(adaField.editor, 'Draft objective');
		await settle();
		expect(shownText(graceField)).toBe('Draft objective');

		adaField.editor.dispatchCommand(UNDO_COMMAND, undefined);
		await settle();
		expect(shownText(graceField)).toBe('');
		adaField.editor.dispatchCommand(REDO_COMMAND, undefined);
		await settle();
		expect(shownText(adaField)).toBe('Draft objective');
		expect(shownText(graceField)).toBe('Draft objective');
	});

	it('seeds no paragraph in a field that has content or that the user may not edit', async () => {
		const [ada, grace] = twoPeers();
		const writer = mountField(ada);
		type(writer.editor, 'Already here');
		await settle();
		const before = sectionText(ada).toJSON();
		writer.binding.seedEmptyField();
		mountField(grace, 'objectives', { editable: false }).binding.seedEmptyField();
		await settle();
		expect(sectionText(ada).toJSON()).toBe(before);
		expect(sectionText(ada, 'objectives').length).toBe(0);
	});

	it('keeps a local edit that is still pending when a remote change arrives', async () => {
		const [ada, grace] = twoPeers();
		const adaField = mountField(ada);
		const graceField = mountField(grace);
		type(adaField.editor, 'first line');
		await settle();

		// Grace's keystroke is batched by Lexical; Ada's change lands before it is committed.
		graceField.editor.update(() => $getRoot().selectEnd().insertText(' and more'));
		adaField.editor.update(
			() => $getRoot().append($createParagraphNode().append($createTextNode('second line'))),
			{ discrete: true }
		);
		await settle();

		expect(sectionText(ada).toJSON()).toBe(sectionText(grace).toJSON());
		expect(shownText(adaField)).toContain('first line and more');
		expect(shownText(adaField)).toContain('second line');
	});

	it('never renders a javascript: link from a peer as a live link', async () => {
		const [ada, mallory] = twoPeers();
		const adaField = mountField(ada);
		const malloryField = mountField(mallory);
		// A modified client writes whatever it likes into the shared document.
		malloryField.editor.update(
			() => {
				const paragraph = $createParagraphNode();
				paragraph.append(
					$createLinkNode('javascript:alert(1)').append($createTextNode('click me')),
					$createTextNode(' and '),
					$createLinkNode('https://example.com/').append($createTextNode('a real one'))
				);
				$getRoot().append(paragraph);
			},
			{ discrete: true }
		);
		await settle();

		const anchors = [...(adaField.editor.getRootElement()?.querySelectorAll('a') ?? [])];
		expect(anchors.map((anchor) => anchor.textContent)).toEqual(['click me', 'a real one']);
		expect(anchors[0]?.hasAttribute('href')).toBe(false);
		expect(anchors[1]?.getAttribute('href')).toBe('https://example.com/');
		expect(anchors[1]?.rel).toContain('noopener');

		const lateField = mountField(ada, 'objectives');
		lateField.destroy();
		const remounted = mountField(ada);
		expect(remounted.editor.getRootElement()?.querySelector('a')?.hasAttribute('href')).toBe(false);
	});

	it('stays bound to its own field while another field of the doc changes', async () => {
		const [ada, grace] = twoPeers();
		const background = mountField(ada, 'background');
		const scope = mountField(ada, 'inScope');
		const graceScope = mountField(grace, 'inScope');
		type(graceScope.editor, 'Web and mobile');
		await settle();
		expect(shownText(scope)).toBe('Web and mobile');
		expect(shownText(background)).toBe('');
		expect(sectionText(ada, 'background').length).toBe(0);
	});
});

describe('the field document', () => {
	it('is a nested Y.XmlText of the one board doc', () => {
		const [ada] = twoPeers();
		expect(sectionText(ada)).toBeInstanceOf(Y.XmlText);
		expect(sectionText(ada).doc).toBe(ada.doc);
	});
});
