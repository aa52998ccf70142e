import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardRoots, createBoard } from '../../../src/lib/board/index.ts';
import { writeRichText } from '../../../src/lib/board/export/rich-text-write.ts';
import type { RichTextBlock } from '../../../src/lib/board/export/rich-text.ts';
import { readCharterLead } from '../../../src/lib/board/views/charter-lead.ts';

function write(doc: Y.Doc, section: string, blocks: RichTextBlock[]): void {
	doc.transact(() => writeRichText(boardRoots(doc).charter.get(section) as Y.XmlText, blocks));
}

const paragraph = (...texts: string[]): RichTextBlock => ({
	type: 'paragraph',
	children: texts.map((text) => ({ text }))
});

describe('readCharterLead', () => {
	it('is null while neither objectives nor background hold text', () => {
		const doc = createBoard('kickoff');
		expect(readCharterLead(doc)).toBeNull();
		write(doc, 'objectives', [paragraph('  ')]);
		write(doc, 'inScope', [paragraph('Checkout')]);
		expect(readCharterLead(doc)).toBeNull();
	});

	it('takes the first paragraph with text of the objectives, as plain text on one line', () => {
		const doc = createBoard('kickoff');
		write(doc, 'background', [paragraph('The old gateway is slow.')]);
		write(doc, 'objectives', [
			paragraph(''),
			{ type: 'paragraph', children: [{ text: 'Move ' }, { text: 'every', bold: true }] },
			paragraph(' card payment\nby Q3.'),
			paragraph('Cut costs.')
		]);
		expect(readCharterLead(doc)).toBe('Move every');
	});

	it('takes the first item of a list, and the background when the objectives are empty', () => {
		const doc = createBoard('kickoff');
		write(doc, 'background', [paragraph('Card payments still run on the 2014 gateway.')]);
		expect(readCharterLead(doc)).toBe('Card payments still run on the 2014 gateway.');
		write(doc, 'objectives', [
			{
				type: 'list',
				ordered: false,
				items: [
					{ list: { type: 'list', ordered: false, items: [{ children: [{ text: 'Ship\nit' }] }] } }
				]
			}
		]);
		expect(readCharterLead(doc)).toBe('Ship it');
	});
});
