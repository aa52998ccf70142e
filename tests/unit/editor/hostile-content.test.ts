// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, PASTE_COMMAND } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRichTextReport } from '../../../src/lib/board/export/rich-text-read.ts';
import { checkField } from '../../../src/lib/editor/field-check.ts';
import { mountRichTextField } from '../../../src/lib/editor/rich-text-field.ts';
import {
	OVERLAY_STYLE,
	OVERLAY_TEXT,
	appendDeepLinks,
	appendBogusHeading,
	appendDeepList,
	appendParagraph,
	appendStyledParagraph,
	appendUnknownBlock
} from '../../helpers/hostile-rich-text.ts';
import {
	fromPeer,
	mountField,
	peersTornDownAfterEach,
	sectionText,
	settle,
	shownText
} from './field-harness.ts';

const twoPeers = peersTornDownAfterEach();

/** Every element of the field's DOM that carries a style attribute. */
function styledElements(root: HTMLElement | null): Element[] {
	return [...(root?.querySelectorAll('[style]') ?? [])].filter(
		(element) => element.getAttribute('style') !== ''
	);
}

describe('hostile rich text from a peer', () => {
	it('never renders a style a peer wrote, whether it arrives live or is there at mount', async () => {
		const [ada, mallory] = twoPeers();
		const live = mountField(ada, 'background', { editable: false });
		mallory.doc.transact(() => {
			appendStyledParagraph(sectionText(mallory), OVERLAY_TEXT, OVERLAY_STYLE);
			appendBogusHeading(sectionText(mallory), OVERLAY_STYLE);
		});
		await settle();
		const root = live.editor.getRootElement();
		expect(shownText(live)).toContain(OVERLAY_TEXT);
		expect(styledElements(root)).toEqual([]);
		expect(root?.innerHTML).not.toContain('beacon.png');
		// The heading's tag is one Charter renders, not whatever the peer wrote.
		expect(root?.querySelector('h2')?.textContent).toBe('Heading with a tag that is no tag');
		expect(root?.querySelector('img')).toBeNull();

		const late = mountField(ada, 'background', { editable: true });
		expect(styledElements(late.editor.getRootElement())).toEqual([]);
		// Nodes keep their prototype: the editor still reads its own tree.
		expect(late.editor.read(() => $getRoot().getTextContent())).toContain(OVERLAY_TEXT);
	});

	it('writes no style into the document when a user edits a field a peer styled', async () => {
		const [ada, mallory] = twoPeers();
		mallory.doc.transact(() =>
			appendStyledParagraph(sectionText(mallory), 'Styled', OVERLAY_STYLE)
		);
		const field = mountField(ada);
		const written: Uint8Array[] = [];
		ada.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== fromPeer) written.push(update);
		});
		field.editor.update(
			() => {
				$getRoot().selectStart().insertText('Typed first. ');
				$getRoot().selectEnd().insertText(' and typed last');
				$getRoot().append($createParagraphNode().append($createTextNode('A new paragraph')));
			},
			{ discrete: true }
		);
		await settle();
		expect(written.length).toBeGreaterThan(0);
		for (const update of written) {
			expect(Buffer.from(update).includes('__style')).toBe(false);
			expect(Buffer.from(update).includes('beacon.png')).toBe(false);
		}
	});

	it('pastes text only, whatever styled HTML or Lexical nodes the clipboard holds', async () => {
		const [ada] = twoPeers();
		const field = mountField(ada);
		field.editor.update(() => $getRoot().selectEnd(), { discrete: true });
		const clipboard: Record<string, string> = {
			'text/plain': 'pasted words',
			'text/html': `<span style="${OVERLAY_STYLE}">pasted words</span>`,
			'application/x-lexical-editor': JSON.stringify({
				nodes: [{ type: 'text', text: 'pasted words', style: OVERLAY_STYLE, format: 0 }]
			})
		};
		const event = {
			clipboardData: {
				types: Object.keys(clipboard),
				getData: (type: string) => clipboard[type] ?? ''
			},
			preventDefault() {}
		} as unknown as ClipboardEvent;
		field.editor.update(() => field.editor.dispatchCommand(PASTE_COMMAND, event), {
			discrete: true
		});
		await settle();
		expect(shownText(field)).toContain('pasted words');
		expect(styledElements(field.editor.getRootElement())).toEqual([]);
		expect(JSON.stringify(sectionText(ada).toJSON())).not.toContain('evil.example');
	});

	it('stops before a node type it does not know and reports the field unreadable, keeping what it showed', async () => {
		const [ada, mallory] = twoPeers();
		mallory.doc.transact(() => appendParagraph(sectionText(mallory), 'Kept paragraph'));
		const problems: string[] = [];
		const root = document.createElement('div');
		document.body.append(root);
		const field = mountRichTextField({
			root,
			cursors: null,
			xmlText: sectionText(ada),
			fieldId: 'charter:background',
			provider: { awareness: ada.awareness },
			focus: { section: 'charter', id: 'background' },
			editable: false,
			onUnreadable: (problem) => problems.push(problem)
		});
		ada.fields.push(field);
		mallory.doc.transact(() => appendUnknownBlock(sectionText(mallory), 'table', 'Cell'));
		await settle();
		expect(problems).toEqual(['unknown-type']);
		expect(shownText(field)).toBe('Kept paragraph');
		expect(checkField(sectionText(ada))).toBe('unknown-type');
		const read = readRichTextReport(sectionText(ada));
		expect(read.hidden).toBe(1);
		expect(read.blocks).toEqual([{ type: 'paragraph', children: [{ text: 'Kept paragraph' }] }]);
	});
});

describe('checkField and the reader on nesting no editor makes', () => {
	it('finds 20,000 levels of lists or links too deep, and reads what is within bounds', () => {
		const doc = new Y.Doc();
		const lists = new Y.XmlText();
		const links = new Y.XmlText();
		doc.getMap('charter').set('background', lists);
		doc.getMap('charter').set('objectives', links);
		doc.transact(() => {
			appendParagraph(lists, 'Before the lists');
			appendDeepList(lists, 20_000, 'bottom of the lists');
			appendDeepLinks(links, 20_000, 'bottom of the links');
			appendParagraph(links, 'After the links');
		});
		expect(checkField(lists)).toBe('too-deep');
		expect(checkField(links)).toBe('too-deep');
		const listRead = readRichTextReport(lists);
		expect(listRead.blocks[0]).toEqual({
			type: 'paragraph',
			children: [{ text: 'Before the lists' }]
		});
		expect(listRead.hidden).toBeGreaterThan(0);
		const linkRead = readRichTextReport(links);
		expect(linkRead.blocks.at(-1)).toEqual({
			type: 'paragraph',
			children: [{ text: 'After the links' }]
		});
		expect(JSON.stringify(linkRead.blocks)).not.toContain('bottom of the links');
	});
});
