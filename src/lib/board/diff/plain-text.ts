import type * as Y from 'yjs';
import { readRichText } from '../export/rich-text-read.ts';
import {
	RICH_TEXT_LIMITS,
	runsText,
	type RichTextBlock,
	type RichTextList
} from '../export/rich-text.ts';

/**
 * The plain text of a rich-text field: each block (paragraph, heading, quote, list item) is a
 * line, line breaks are kept, formatting is dropped. Read through the export's reader of the
 * Lexical V1 layout, so it needs no editor and no DOM.
 */
export function plainText(field: Y.XmlText): string {
	return readRichText(field).flatMap(blockLines).join('\n');
}

function blockLines(block: RichTextBlock): string[] {
	return block.type === 'list' ? listLines(block, 1) : [runsText(block.children)];
}

// Lists come from the reader, which nests them no deeper than RICH_TEXT_LIMITS.depth.
function listLines(list: RichTextList, depth: number): string[] {
	return list.items.flatMap((item) => {
		if (!('list' in item)) return [runsText(item.children)];
		return depth < RICH_TEXT_LIMITS.depth ? listLines(item.list, depth + 1) : [];
	});
}
