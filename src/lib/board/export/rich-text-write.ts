import * as Y from 'yjs';
import {
	RICH_TEXT_MARKS,
	type RichTextBlock,
	type RichTextList,
	type RichTextRun
} from './rich-text.ts';

/**
 * Writes rich text in the documented form into an empty field, in exactly the layout
 * @lexical/yjs V1 writes (the one readRichText reads; tests compare it with what Charter's editor
 * writes for the same content), so an imported field opens in the editor as if typed there.
 * Call inside the transaction that created the field, after it was put into the document.
 */
export function writeRichText(field: Y.XmlText, blocks: readonly RichTextBlock[]): void {
	blocks.forEach((block, index) => {
		const element = insertElement(field, index, block.type === 'list' ? 'list' : block.type);
		if (block.type === 'list') writeList(element, block);
		else {
			if (block.type === 'heading') element.setAttribute('__tag', `h${block.level ?? 2}`);
			writeRuns(element, block.children);
		}
	});
}

// Every element node carries these, with Lexical's defaults, as the binding writes them (it
// keeps styles, alignment and indentation out of the document: see editor/content-guard.ts).
const ELEMENT_DEFAULTS: Readonly<Record<string, unknown>> = {
	__dir: null,
	__textFormat: 0
};

function insertElement(parent: Y.XmlText, offset: number, type: string): Y.XmlText {
	const element = new Y.XmlText();
	parent.insertEmbed(offset, element);
	element.setAttribute('__type', type);
	for (const [name, value] of Object.entries(ELEMENT_DEFAULTS)) {
		element.setAttribute(name, value);
	}
	return element;
}

function writeList(element: Y.XmlText, list: RichTextList): void {
	element.setAttribute('__tag', list.ordered ? 'ol' : 'ul');
	element.setAttribute('__start', 1);
	element.setAttribute('__listType', list.ordered ? 'number' : 'bullet');
	// Lexical numbers items without counting those that only hold a nested list.
	let value = 1;
	list.items.forEach((item, index) => {
		const listItem = insertElement(element, index, 'listitem');
		listItem.setAttribute('__value', value);
		if ('list' in item) writeList(insertElement(listItem, 0, 'list'), item.list);
		else {
			writeRuns(listItem, item.children);
			value++;
		}
	});
}

/** Runs of one element; runs that share a link go into one link element, as the editor makes them. */
function writeRuns(element: Y.XmlText, runs: readonly RichTextRun[]): void {
	let offset = 0;
	let index = 0;
	while (index < runs.length) {
		const link = runs[index]!.link;
		if (link === undefined) {
			offset = writeText(element, offset, runs[index]!);
			index++;
			continue;
		}
		const linked: RichTextRun[] = [];
		while (index < runs.length && runs[index]!.link === link) linked.push(runs[index++]!);
		const anchor = insertElement(element, offset++, 'link');
		anchor.setAttribute('__url', link);
		let inner = 0;
		for (const run of linked) inner = writeText(anchor, inner, run);
	}
}

/** One run: a text node per line, a line-break node between lines. Returns the next offset. */
function writeText(element: Y.XmlText, start: number, run: RichTextRun): number {
	let offset = start;
	run.text.split('\n').forEach((line, index) => {
		if (index > 0) {
			element.insertEmbed(offset++, new Y.Map<unknown>([['__type', 'linebreak']]));
		}
		if (line === '') return;
		element.insertEmbed(offset++, textProperties(run));
		element.insert(offset, line);
		offset += line.length;
	});
	return offset;
}

function textProperties(run: RichTextRun): Y.Map<unknown> {
	let format = 0;
	for (const { mark, bit } of RICH_TEXT_MARKS) if (run[mark]) format |= bit;
	return new Y.Map<unknown>([
		['__type', 'text'],
		['__format', format]
	]);
}
