import * as Y from 'yjs';
import { boardRoots, type CharterSection } from '../doc.ts';
import { readRichText } from '../export/rich-text-read.ts';
import { runsText, type RichTextBlock, type RichTextListItem } from '../export/rich-text.ts';

/** The charter sections a lead is taken from, in the order they are tried. */
export const LEAD_SECTIONS: readonly CharterSection[] = ['objectives', 'background'];

/**
 * The charter's objective in one line, for the top of the overview: the plain text of the first
 * paragraph (or first list item) that holds any text in Objectives, else in Background, with
 * line breaks and runs of spaces made single spaces. Null when neither holds text. Read as the
 * exports read rich text (rich-text-read.ts), so it says what the Markdown says.
 */
export function readCharterLead(doc: Y.Doc): string | null {
	const charter = boardRoots(doc).charter;
	for (const section of LEAD_SECTIONS) {
		const field = charter.get(section);
		if (!(field instanceof Y.XmlText)) continue;
		const lead = firstLine(readRichText(field));
		if (lead) return lead;
	}
	return null;
}

function firstLine(blocks: readonly (RichTextBlock | RichTextListItem)[]): string | null {
	for (const block of blocks) {
		const text =
			'list' in block
				? firstLine(block.list.items)
				: 'items' in block
					? firstLine(block.items)
					: oneLine(runsText(block.children));
		if (text) return text;
	}
	return null;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
