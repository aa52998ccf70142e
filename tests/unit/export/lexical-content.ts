import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
	$createLineBreakNode,
	$createParagraphNode,
	$createTextNode,
	$getRoot,
	type TextFormatType
} from 'lexical';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { RichTextBlock } from '../../../src/lib/board/export/rich-text.ts';
import { asCollabProvider } from '../../../src/lib/editor/collab-provider.ts';
import { createRichTextEditor } from '../../../src/lib/editor/editor-setup.ts';
import { bindEditorToField } from '../../../src/lib/editor/yjs-binding.ts';

/**
 * Rich text with every kind of content the editor makes — headings of both sizes, a paragraph
 * with bold, italic, both, a link and a line break, a quote, a bulleted list with a nested
 * numbered list — as the documented form. `typeInEditor` writes the same content through
 * Charter's editor and binding, so tests can compare the two.
 */
export const SAMPLE_RICH_TEXT: RichTextBlock[] = [
	{ type: 'heading', level: 2, children: [{ text: 'Why now' }] },
	{
		type: 'paragraph',
		children: [
			{ text: 'Plain, ' },
			{ text: 'bold', bold: true },
			{ text: ', ' },
			{ text: 'both', bold: true, italic: true },
			{ text: ' and a ' },
			{ text: 'link', link: 'https://example.com/plan?a=1' },
			{ text: '\nnext line <b>not html</b>' }
		]
	},
	{ type: 'heading', level: 3, children: [{ text: 'Details' }] },
	{ type: 'quote', children: [{ text: '“Quoted”' }] },
	{
		type: 'list',
		ordered: false,
		items: [
			{ children: [{ text: 'first' }] },
			{ list: { type: 'list', ordered: true, items: [{ children: [{ text: 'nested' }] }] } },
			{ children: [{ text: 'mail', link: 'mailto:team@example.com' }] }
		]
	}
];

/** Types SAMPLE_RICH_TEXT into `field` through a Lexical editor bound with Charter's binding. */
export function typeSampleInEditor(field: Y.XmlText): void {
	const text = (content: string, ...formats: TextFormatType[]) => {
		const node = $createTextNode(content);
		for (const format of formats) node.toggleFormat(format);
		return node;
	};
	withBoundEditor(field, () => {
		const link = $createLinkNode('https://example.com/plan?a=1').append(text('link'));
		const paragraph = $createParagraphNode().append(
			text('Plain, '),
			text('bold', 'bold'),
			text(', '),
			text('both', 'bold', 'italic'),
			text(' and a '),
			link,
			$createLineBreakNode(),
			text('next line <b>not html</b>')
		);
		const nested = $createListNode('number').append($createListItemNode().append(text('nested')));
		const list = $createListNode('bullet').append(
			$createListItemNode().append(text('first')),
			$createListItemNode().append(nested),
			$createListItemNode().append($createLinkNode('mailto:team@example.com').append(text('mail')))
		);
		$getRoot().append(
			$createHeadingNode('h2').append(text('Why now')),
			paragraph,
			$createHeadingNode('h3').append(text('Details')),
			$createQuoteNode().append(text('“Quoted”')),
			list
		);
	});
}

/** Runs `update` in a Lexical editor bound to `field` (as the browser would), then unbinds. */
export function withBoundEditor(field: Y.XmlText, update: () => void): void {
	const editor = createRichTextEditor({ namespace: 'test', editable: true });
	const awareness = new Awareness(field.doc!);
	const binding = bindEditorToField({
		editor,
		xmlText: field,
		fieldId: 'test:field',
		provider: asCollabProvider({ awareness })
	});
	editor.update(update, { discrete: true });
	binding.destroy();
	awareness.destroy();
}
