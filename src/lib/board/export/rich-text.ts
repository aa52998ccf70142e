import * as z from 'zod';
import { isSafeLinkUrl } from '../safe-url.ts';

/**
 * Charter's documented rich-text form: what exports carry and imports accept, independent of
 * Lexical and Yjs. A field is a list of blocks:
 *
 * - `{ type: 'paragraph', children: Run[] }`
 * - `{ type: 'heading', level: 1–6, children: Run[] }`
 * - `{ type: 'quote', children: Run[] }`
 * - `{ type: 'list', ordered: boolean, items: ListItem[] }`, where a ListItem is either
 *   `{ children: Run[] }` or `{ list: List }` (a nested list, as the editor indents it)
 *
 * and a Run is `{ text, bold?, italic?, underline?, strikethrough?, code?, link? }`: `text` may
 * hold `\n` (a line break inside the block); the marks are present only when true; `link` is an
 * absolute http, https or mailto address — any other address is dropped on export and refused on
 * import. Adjacent runs never share the same marks and link: readers merge them.
 */
export interface RichTextRun {
	text: string;
	bold?: true;
	italic?: true;
	underline?: true;
	strikethrough?: true;
	code?: true;
	link?: string;
}

/** A text mark of a run. */
export type RichTextMark = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code';

/** The marks a run can carry, with their bit in Lexical's text `__format`. */
export const RICH_TEXT_MARKS: readonly { mark: RichTextMark; bit: number }[] = [
	{ mark: 'bold', bit: 1 },
	{ mark: 'italic', bit: 2 },
	{ mark: 'strikethrough', bit: 4 },
	{ mark: 'underline', bit: 8 },
	{ mark: 'code', bit: 16 }
];

/** A paragraph, heading or quote: a block of runs. */
export interface RichTextTextBlock {
	type: 'paragraph' | 'heading' | 'quote';
	/** 1–6, headings only. */
	level?: number;
	children: RichTextRun[];
}

/** An item of a list: its own runs, or a nested list. */
export type RichTextListItem = { children: RichTextRun[] } | { list: RichTextList };

/** A bulleted or numbered list. */
export interface RichTextList {
	type: 'list';
	ordered: boolean;
	items: RichTextListItem[];
}

/** A block of a rich-text field. */
export type RichTextBlock = RichTextTextBlock | RichTextList;

/** Upper bounds that keep a hand-edited file from making a board nobody can open. */
export const RICH_TEXT_LIMITS = { blocks: 2000, runs: 2000, text: 100_000, depth: 8 } as const;

const mark = z.literal(true).optional();

/** A run, validated (import boundary). */
export const richTextRunSchema = z.strictObject({
	text: z.string().max(RICH_TEXT_LIMITS.text),
	bold: mark,
	italic: mark,
	underline: mark,
	strikethrough: mark,
	code: mark,
	link: z
		.string()
		.refine(isSafeLinkUrl, { error: 'only absolute http, https and mailto links are allowed' })
		.optional()
});

const runs = z.array(richTextRunSchema).max(RICH_TEXT_LIMITS.runs);

/** A list, validated; nesting deeper than the editor could show is refused. */
export const richTextListSchema: z.ZodType<RichTextList> = z.lazy(() =>
	z.strictObject({
		type: z.literal('list'),
		ordered: z.boolean(),
		items: z.array(
			z.union([z.strictObject({ children: runs }), z.strictObject({ list: richTextListSchema })])
		)
	})
);

/** A block, validated. */
export const richTextBlockSchema: z.ZodType<RichTextBlock> = z.union([
	z.strictObject({ type: z.literal('paragraph'), children: runs }),
	z.strictObject({ type: z.literal('quote'), children: runs }),
	z.strictObject({
		type: z.literal('heading'),
		level: z.number().int().min(1, 'expected 1–6').max(6, 'expected 1–6'),
		children: runs
	}),
	richTextListSchema
]);

/** A whole field, validated. */
export const richTextSchema = z
	.array(richTextBlockSchema)
	.max(RICH_TEXT_LIMITS.blocks)
	.refine((blocks) => listDepth(blocks) <= RICH_TEXT_LIMITS.depth, {
		error: `lists nest more than ${RICH_TEXT_LIMITS.depth} levels deep`
	});

// Walked with a stack of its own: a hand-made file may nest far deeper than the limit.
function listDepth(blocks: readonly RichTextBlock[] | readonly RichTextListItem[]): number {
	let deepest = 0;
	const pending = blocks.map((entry) => ({ entry, depth: 0 }));
	for (let next = pending.pop(); next; next = pending.pop()) {
		const { entry, depth } = next;
		const list = 'list' in entry ? entry.list : 'items' in entry ? entry : null;
		if (!list) continue;
		deepest = Math.max(deepest, depth + 1);
		for (const item of list.items) pending.push({ entry: item, depth: depth + 1 });
	}
	return deepest;
}

/** The plain text of runs, line breaks kept. */
export function runsText(children: readonly RichTextRun[]): string {
	return children.map((run) => run.text).join('');
}

/** Whether a field holds no visible text at all. */
export function isRichTextEmpty(blocks: readonly RichTextBlock[]): boolean {
	return blocks.every((block) =>
		block.type === 'list' ? isListEmpty(block) : runsText(block.children).trim() === ''
	);
}

function isListEmpty(list: RichTextList, depth = 1): boolean {
	return list.items.every((item) => {
		if (!('list' in item)) return runsText(item.children).trim() === '';
		return depth >= RICH_TEXT_LIMITS.depth || isListEmpty(item.list, depth + 1);
	});
}
