import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode } from '@lexical/link';
import { $isQuoteNode } from '@lexical/rich-text';
import {
	$createParagraphNode,
	$isElementNode,
	$isTextNode,
	$isRangeSelection,
	type BaseSelection,
	type LexicalEditor,
	type LexicalNode
} from 'lexical';
import { isSafeLinkUrl } from '../board/safe-url.ts';

/** What pasted text keeps of its marks: bold and italic (the bits of IS_BOLD and IS_ITALIC). */
const PASTED_TEXT_FORMAT = 1 | 2;

/**
 * Pasted HTML (Google Docs, Notion, Confluence, another field) as the formats a field offers:
 * headings, bulleted and numbered lists, bold, italic and safe links. Everything else goes —
 * styles, alignment, indentation, images, tables (Lexical only makes nodes a field registers),
 * quotes become paragraphs, and a link with an unsafe address becomes its text.
 */
export function $insertPastedHtml(editor: LexicalEditor, html: string, selection: BaseSelection) {
	const dom = new DOMParser().parseFromString(html, 'text/html');
	const nodes = $generateNodesFromDOM(editor, dom).flatMap($sanitize);
	$insertGeneratedNodes(editor, nodes, selection);
}

/**
 * A pasted node as the nodes that take its place: itself, cleaned; a quote as a paragraph; an
 * unsafe link as its text. Works on nodes not yet in the editor's tree, so nothing is replaced
 * in place: a parent puts its children's replacements where they were.
 */
function $sanitize(node: LexicalNode): LexicalNode[] {
	if ($isTextNode(node)) {
		node.setStyle('');
		node.setFormat(node.getFormat() & PASTED_TEXT_FORMAT);
		return [node];
	}
	if (!$isElementNode(node)) return [node];
	for (const child of node.getChildren()) {
		const replacements = $sanitize(child);
		if (replacements.length === 1 && replacements[0] === child) continue;
		for (const replacement of replacements) child.insertBefore(replacement);
		child.remove();
	}
	node.setFormat('');
	node.setIndent(0);
	node.setStyle('');
	if ($isQuoteNode(node)) return [$createParagraphNode().append(...node.getChildren())];
	if ($isLinkNode(node) && !isSafeLinkUrl(node.getURL())) return node.getChildren();
	if ($isLinkNode(node)) {
		node.setTarget(null);
		node.setRel(null);
		node.setTitle(null);
	}
	return [node];
}

/**
 * Plain text pasted with line breaks: each line becomes a paragraph, as in a document, rather
 * than lines broken inside one paragraph.
 */
export function $insertPastedLines(text: string, selection: BaseSelection): void {
	if (!$isRangeSelection(selection)) return;
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	lines.forEach((line, index) => {
		if (index > 0) selection.insertParagraph();
		if (line) selection.insertText(line.replace(/\t/g, ' '));
	});
}
