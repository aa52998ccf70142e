import type * as Y from 'yjs';
import { readRichText } from '../export/rich-text-read.ts';
import { runsText, type RichTextBlock, type RichTextList } from '../export/rich-text.ts';

/**
 * The plain text of a rich-text field: each block (paragraph, heading, quote, list item) is a
 * line, line breaks are kept, formatting is dropped. Read through the export's reader of the
 * Lexical V1 layout, so it needs no editor and no DOM.
 */
export function plainText(field: Y.XmlText): string {
	return readRichText(field).flatMap(blockLines).join('\n');
}

function blockLines(block: RichTextBlock): string[] {
	return block.type === 'list' ? listLines(block) : [runsText(block.children)];
}

function listLines(list: RichTextList): string[] {
	return list.items.flatMap((item) =>
		'list' in item ? listLines(item.list) : [runsText(item.children)]
	);
}
