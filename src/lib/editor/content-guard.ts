import { $isLinkNode, LinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { $isHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { ExcludedProperties } from '@lexical/yjs';
import {
	$getRoot,
	$isElementNode,
	$isParagraphNode,
	$isTextNode,
	LineBreakNode,
	ParagraphNode,
	RootNode,
	TabNode,
	TextNode,
	type ElementNode,
	type Klass,
	type LexicalNode
} from 'lexical';
import { RICH_TEXT_MARKS } from '../board/export/rich-text.ts';

/**
 * Node properties Charter's fields never carry, so @lexical/yjs neither reads them from the
 * shared document nor writes them to it. A peer can write anything there: `__style` becomes the
 * inline style of the element Lexical renders (a full-screen overlay, a background image fetched
 * from anywhere), and `__proto__` would replace a node's prototype. Alignment, indentation and
 * the link target, rel and title are not offered either; text mode and detail bits are Lexical's
 * own bookkeeping.
 */
const NEVER_SYNCED = ['__style', '__textStyle', '__proto__'];
const ELEMENT_NEVER_SYNCED = [...NEVER_SYNCED, '__format', '__indent'];
const TEXT_NEVER_SYNCED = [...NEVER_SYNCED, '__mode', '__detail'];

const EXCLUDED: ReadonlyArray<readonly [Klass<LexicalNode>, readonly string[]]> = [
	[RootNode, ELEMENT_NEVER_SYNCED],
	[ParagraphNode, ELEMENT_NEVER_SYNCED],
	[HeadingNode, ELEMENT_NEVER_SYNCED],
	[QuoteNode, ELEMENT_NEVER_SYNCED],
	[ListNode, ELEMENT_NEVER_SYNCED],
	[ListItemNode, ELEMENT_NEVER_SYNCED],
	[LinkNode, [...ELEMENT_NEVER_SYNCED, '__target', '__rel', '__title']],
	[TextNode, TEXT_NEVER_SYNCED],
	[TabNode, TEXT_NEVER_SYNCED],
	[LineBreakNode, NEVER_SYNCED]
];

/** The properties each node class of a field keeps out of the shared document (see above). */
export function fieldExcludedProperties(): ExcludedProperties {
	return new Map(EXCLUDED.map(([klass, names]) => [klass, new Set(names)]));
}

/** Text format bits of the marks Charter reads and renders (bold, italic, and three more). */
const ALLOWED_TEXT_FORMAT = RICH_TEXT_MARKS.reduce((bits, { bit }) => bits | bit, 0);

const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Brings every node of the editor's tree within what Charter renders: text formats to the known
 * marks, heading tags to h1–h6, list types to bullet and number, item values and list starts to
 * small integers, directions to ltr, rtl or none. Runs inside the update that applied a remote
 * change (under the collaboration tag, so nothing is written back), before anything is rendered:
 * a value a peer wrote can change how a field looks only within those bounds, and never makes
 * Lexical create an element it should not (`document.createElement(__tag)`).
 */
export function $guardFieldContent(): void {
	const pending: LexicalNode[] = [$getRoot()];
	for (let node = pending.pop(); node; node = pending.pop()) {
		if ($isTextNode(node)) $guardText(node);
		else if ($isElementNode(node)) {
			$guardElement(node);
			pending.push(...node.getChildren());
		}
	}
}

function $guardText(node: TextNode): void {
	const format = typeof node.__format === 'number' ? node.__format & ALLOWED_TEXT_FORMAT : 0;
	if (format !== node.__format) node.getWritable().__format = format;
}

function $guardElement(node: ElementNode): void {
	if (node.__dir !== null && node.__dir !== 'ltr' && node.__dir !== 'rtl') {
		node.getWritable().__dir = null;
	}
	if ($isParagraphNode(node)) {
		const textFormat =
			typeof node.__textFormat === 'number' ? node.__textFormat & ALLOWED_TEXT_FORMAT : 0;
		if (textFormat !== node.__textFormat) node.getWritable().__textFormat = textFormat;
	} else if ($isHeadingNode(node)) {
		if (!HEADING_TAGS.has(node.__tag)) node.getWritable().__tag = 'h2';
	} else if ($isListNode(node)) {
		$guardList(node);
	} else if ($isListItemNode(node)) {
		const value = node.__value;
		if (!Number.isSafeInteger(value) || value < 1 || value > 1_000_000) {
			node.getWritable().__value = 1;
		}
		if (node.__checked !== undefined) node.getWritable().__checked = undefined;
	} else if ($isLinkNode(node) && typeof node.__url !== 'string') {
		node.getWritable().__url = '';
	}
}

function $guardList(node: ListNode): void {
	const listType = node.__listType === 'number' ? 'number' : 'bullet';
	const tag = listType === 'number' ? 'ol' : 'ul';
	const start = node.__start;
	const validStart = Number.isSafeInteger(start) && start >= 1 && start <= 1_000_000;
	if (listType === node.__listType && tag === node.__tag && validStart) return;
	const writable = node.getWritable();
	writable.__listType = listType;
	writable.__tag = tag;
	if (!validStart) writable.__start = 1;
}
