// @vitest-environment jsdom
import { $getRoot, $getSelection, type ElementNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard, readCharterSection } from '../../../src/lib/board/index.ts';
import { readRichText } from '../../../src/lib/board/export/rich-text-read.ts';
import { writeRichText } from '../../../src/lib/board/export/rich-text-write.ts';
import { richTextSchema } from '../../../src/lib/board/export/rich-text.ts';
import {
	connectedPeers,
	mountField,
	sectionText,
	settle,
	teardown,
	type Peer
} from '../editor/field-harness.ts';
import { SAMPLE_RICH_TEXT, typeSampleInEditor } from './lexical-content.ts';

/** Everything stored in a field, in order: element attributes, text-node maps and characters. */
function layoutOf(type: Y.XmlText): unknown[] {
	return type.toDelta().map((op: { insert: unknown }) => {
		const insert = op.insert;
		if (insert instanceof Y.XmlText)
			return { element: insert.getAttributes(), children: layoutOf(insert) };
		if (insert instanceof Y.Map) return { node: insert.toJSON() };
		return insert;
	});
}

function emptyField(): Y.XmlText {
	return readCharterSection(createBoard('kickoff'), 'background')!;
}

let peers: Peer[] = [];
afterEach(() => {
	teardown(...peers);
	peers = [];
});

describe('the documented rich-text form and the editor’s Yjs layout', () => {
	it('reads what Charter’s editor wrote: headings, marks, links, line breaks, quotes, nested lists', () => {
		const typed = emptyField();
		typeSampleInEditor(typed);
		expect(readRichText(typed)).toEqual(SAMPLE_RICH_TEXT);
	});

	it('writes exactly the layout Charter’s editor writes for the same content', () => {
		const typed = emptyField();
		typeSampleInEditor(typed);
		const written = emptyField();
		written.doc!.transact(() => writeRichText(written, SAMPLE_RICH_TEXT));
		expect(layoutOf(written)).toEqual(layoutOf(typed));
	});

	it('opens written content in the editor as real nodes, and an edit there reaches the document', async () => {
		peers = connectedPeers();
		const [first, second] = peers as [Peer, Peer];
		first.doc.transact(() => writeRichText(sectionText(first), SAMPLE_RICH_TEXT));
		const field = mountField(second);
		const root = field.editor.getRootElement()!;
		expect(root.querySelector('h2')?.textContent).toBe('Why now');
		expect(root.querySelector('strong')?.textContent).toBe('bold');
		expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.com/plan?a=1');
		expect(root.querySelectorAll('ul > li').length).toBe(3);
		expect(root.querySelector('ol li')?.textContent).toBe('nested');
		expect(root.querySelector('b')).toBeNull();

		field.editor.update(
			() => {
				$getRoot().getFirstChildOrThrow<ElementNode>().selectEnd();
				$getSelection()?.insertText(', edited');
			},
			{ discrete: true }
		);
		await settle();
		expect(readRichText(sectionText(first))[0]).toEqual({
			type: 'heading',
			level: 2,
			children: [{ text: 'Why now, edited' }]
		});
	});

	it('leaves out links that are not http, https or mailto when it reads, and refuses them on import', () => {
		const field = emptyField();
		field.doc!.transact(() =>
			writeRichText(field, [
				{ type: 'paragraph', children: [{ text: 'x', link: 'https://a.example' }] }
			])
		);
		const anchor = field.toDelta()[0].insert.toDelta()[0].insert as Y.XmlText;
		anchor.setAttribute('__url', 'javascript:alert(1)');
		expect(readRichText(field)).toEqual([{ type: 'paragraph', children: [{ text: 'x' }] }]);

		const result = richTextSchema.safeParse([
			{ type: 'paragraph', children: [{ text: 'x', link: 'javascript:alert(1)' }] }
		]);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual([0, 'children', 0, 'link']);
	});

	it('accepts its own sample and refuses unknown block types and marks', () => {
		expect(richTextSchema.safeParse(SAMPLE_RICH_TEXT).success).toBe(true);
		expect(richTextSchema.safeParse([{ type: 'table', children: [] }]).success).toBe(false);
		expect(
			richTextSchema.safeParse([{ type: 'paragraph', children: [{ text: 'x', bold: 'yes' }] }])
				.success
		).toBe(false);
	});
});
