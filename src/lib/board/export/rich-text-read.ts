import * as Y from 'yjs';
import { isSafeLinkUrl } from '../safe-url.ts';
import {
	RICH_TEXT_LIMITS,
	RICH_TEXT_MARKS,
	type RichTextBlock,
	type RichTextList,
	type RichTextListItem,
	type RichTextRun
} from './rich-text.ts';

/** A field as read: its blocks, and how many parts a peer wrote were left out. */
export interface RichTextRead {
	readonly blocks: RichTextBlock[];
	/** Blocks, inline elements and text of unknown types, or nested past the bounds, left out. */
	readonly hidden: number;
}

/** Inline elements (links) nested in one another that a reader follows; the editor writes one. */
const MAX_INLINE_DEPTH = 4;

/** Block types Charter renders: what its editor offers, and quotes other Lexical clients write. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote']);

/** Text node types read as text: plain text, and the tabs Lexical makes of pasted `\t`. */
const TEXT_NODES = new Set(['text', 'tab']);

/**
 * Reads a rich-text field in @lexical/yjs's V1 layout (the layout Charter's editor writes, see
 * TOOLCHAIN.md) into the documented form of rich-text.ts, without Lexical or a DOM: each block
 * is a nested Y.XmlText with a `__type` attribute; inside it, a text node is a Y.Map of its
 * properties (`__format` bits) followed by its characters, a line break a Y.Map of type
 * `linebreak`, a link a nested Y.XmlText with `__url`. Only what Charter offers is read: a block,
 * inline element or text node of another type is left out (and counted), as is anything nested
 * deeper than lists can be indented or links can hold, so whatever a peer wrote costs a bounded
 * walk and hides only itself. No property but those is ever read (no `__style`).
 */
export function readRichTextReport(field: Y.XmlText): RichTextRead {
	const reader = new FieldReader();
	const blocks: RichTextBlock[] = [];
	for (const element of childElements(field)) {
		const block = reader.block(element);
		if (block) blocks.push(block);
	}
	return { blocks, hidden: reader.hidden };
}

/** A field's blocks (see readRichTextReport), leaving out what Charter does not render. */
export function readRichText(field: Y.XmlText): RichTextBlock[] {
	return readRichTextReport(field).blocks;
}

/** The runs of an element, adjacent runs with the same marks and link merged. */
export function readRuns(element: Y.XmlText): RichTextRun[] {
	return new FieldReader().runs(element);
}

function childElements(parent: Y.XmlText): Y.XmlText[] {
	return parent
		.toDelta()
		.map((op: { insert?: unknown }) => op.insert)
		.filter((insert: unknown): insert is Y.XmlText => insert instanceof Y.XmlText);
}

/** One walk over a field, counting what it leaves out. */
class FieldReader {
	hidden = 0;

	block(element: Y.XmlText): RichTextBlock | null {
		const type = element.getAttribute('__type');
		if (type === 'list') return this.#list(element, 1);
		if (typeof type !== 'string' || !TEXT_BLOCKS.has(type)) {
			this.hidden++;
			return null;
		}
		const children = this.runs(element);
		if (type === 'heading') {
			return { type, level: headingLevel(element.getAttribute('__tag')), children };
		}
		return { type: type as 'paragraph' | 'quote', children };
	}

	runs(element: Y.XmlText): RichTextRun[] {
		const runs: RichTextRun[] = [];
		this.#collectRuns(element, undefined, runs, 0);
		return mergeRuns(runs);
	}

	// Lists nest no deeper than the editor can indent them (RICH_TEXT_LIMITS.depth).
	#list(element: Y.XmlText, depth: number): RichTextList | null {
		if (depth > RICH_TEXT_LIMITS.depth) {
			this.hidden++;
			return null;
		}
		const ordered = element.getAttribute('__listType') === 'number';
		const items: RichTextListItem[] = [];
		for (const item of childElements(element)) {
			if (item.getAttribute('__type') !== 'listitem') {
				this.hidden++;
				continue;
			}
			const nested = childElements(item).find((child) => child.getAttribute('__type') === 'list');
			if (!nested) items.push({ children: this.runs(item) });
			else {
				const list = this.#list(nested, depth + 1);
				if (list) items.push({ list });
			}
		}
		return { type: 'list', ordered, items };
	}

	#collectRuns(
		element: Y.XmlText,
		link: string | undefined,
		runs: RichTextRun[],
		depth: number
	): void {
		let format = 0;
		let isText = true;
		for (const op of element.toDelta() as { insert?: unknown }[]) {
			const insert = op.insert;
			if (typeof insert === 'string') {
				if (isText) runs.push(makeRun(insert, format, link));
			} else if (insert instanceof Y.Map) {
				const type = insert.get('__type');
				if (type === 'linebreak') runs.push(makeRun('\n', 0, link));
				isText = typeof type === 'string' && TEXT_NODES.has(type);
				if (!isText && type !== 'linebreak') this.hidden++;
				const value = insert.get('__format');
				format = isText && typeof value === 'number' ? value : 0;
			} else if (insert instanceof Y.XmlText) {
				this.#collectInline(insert, link, runs, depth + 1);
			}
		}
	}

	// A link inside a block (list items hold their nested list apart, read by #list).
	#collectInline(
		element: Y.XmlText,
		link: string | undefined,
		runs: RichTextRun[],
		depth: number
	): void {
		const type = element.getAttribute('__type');
		if (type === 'list') return;
		if (type !== 'link' || depth > MAX_INLINE_DEPTH) {
			this.hidden++;
			return;
		}
		const url = element.getAttribute('__url');
		this.#collectRuns(element, isSafeLinkUrl(url) ? url : link, runs, depth);
	}
}

function headingLevel(tag: unknown): number {
	const level = typeof tag === 'string' ? Number(tag.slice(1)) : NaN;
	return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
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
