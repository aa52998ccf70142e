import * as Y from 'yjs';
import { isSafeLinkUrl } from '../../editor/safe-url.ts';
import {
	RICH_TEXT_MARKS,
	type RichTextBlock,
	type RichTextList,
	type RichTextListItem,
	type RichTextRun
} from './rich-text.ts';

/**
 * Reads a rich-text field in @lexical/yjs's V1 layout (the layout Charter's editor writes, see
 * TOOLCHAIN.md) into the documented form of rich-text.ts, without Lexical or a DOM: each block
 * is a nested Y.XmlText with a `__type` attribute; inside it, a text node is a Y.Map of its
 * properties (`__format` bits) followed by its characters, a line break a Y.Map of type
 * `linebreak`, a link a nested Y.XmlText with `__url`. Whatever a peer wrote that is none of
 * these is read as plain text or left out, never trusted.
 */
export function readRichText(field: Y.XmlText): RichTextBlock[] {
	const blocks: RichTextBlock[] = [];
	for (const element of childElements(field)) blocks.push(readBlock(element));
	return blocks;
}

function childElements(parent: Y.XmlText): Y.XmlText[] {
	return parent
		.toDelta()
		.map((op: { insert?: unknown }) => op.insert)
		.filter((insert: unknown): insert is Y.XmlText => insert instanceof Y.XmlText);
}

function readBlock(element: Y.XmlText): RichTextBlock {
	const attributes = element.getAttributes() as Record<string, unknown>;
	switch (attributes.__type) {
		case 'list':
			return readList(element);
		case 'heading':
			return {
				type: 'heading',
				level: headingLevel(attributes.__tag),
				children: readRuns(element)
			};
		case 'quote':
			return { type: 'quote', children: readRuns(element) };
		default:
			return { type: 'paragraph', children: readRuns(element) };
	}
}

function headingLevel(tag: unknown): number {
	const level = typeof tag === 'string' ? Number(tag.slice(1)) : NaN;
	return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
}

function readList(element: Y.XmlText): RichTextList {
	const ordered = element.getAttribute('__listType') === 'number';
	const items: RichTextListItem[] = [];
	for (const item of childElements(element)) {
		const nested = childElements(item).find((child) => child.getAttribute('__type') === 'list');
		items.push(nested ? { list: readList(nested) } : { children: readRuns(item) });
	}
	return { type: 'list', ordered, items };
}

/** The runs of an element, adjacent runs with the same marks and link merged. */
export function readRuns(element: Y.XmlText): RichTextRun[] {
	const runs: RichTextRun[] = [];
	collectRuns(element, undefined, runs);
	return mergeRuns(runs);
}

function collectRuns(element: Y.XmlText, link: string | undefined, runs: RichTextRun[]): void {
	let format = 0;
	for (const op of element.toDelta() as { insert?: unknown }[]) {
		const insert = op.insert;
		if (typeof insert === 'string') {
			runs.push(makeRun(insert, format, link));
		} else if (insert instanceof Y.Map) {
			const type = insert.get('__type');
			if (type === 'linebreak') runs.push(makeRun('\n', 0, link));
			const value = insert.get('__format');
			format = type === 'text' && typeof value === 'number' ? value : 0;
		} else if (insert instanceof Y.XmlText) {
			const url = insert.getAttribute('__url');
			collectRuns(insert, isSafeLinkUrl(url) ? url : link, runs);
		}
	}
}

function makeRun(text: string, format: number, link: string | undefined): RichTextRun {
	const run: RichTextRun = { text };
	for (const { mark, bit } of RICH_TEXT_MARKS) if (format & bit) run[mark] = true;
	if (link !== undefined) run.link = link;
	return run;
}

function sameMarks(a: RichTextRun, b: RichTextRun): boolean {
	return a.link === b.link && RICH_TEXT_MARKS.every(({ mark }) => a[mark] === b[mark]);
}

/** Runs with neighbours of the same marks joined and empty runs dropped. */
export function mergeRuns(runs: readonly RichTextRun[]): RichTextRun[] {
	const merged: RichTextRun[] = [];
	for (const run of runs) {
		if (run.text === '') continue;
		const last = merged.at(-1);
		if (last && sameMarks(last, run))
			merged[merged.length - 1] = { ...last, text: last.text + run.text };
		else merged.push({ ...run });
	}
	return merged;
}
