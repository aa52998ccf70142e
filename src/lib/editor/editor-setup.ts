import { LinkNode } from '@lexical/link';
import {
	BOLD_STAR,
	BOLD_UNDERSCORE,
	HEADING,
	ITALIC_STAR,
	ITALIC_UNDERSCORE,
	ORDERED_LIST,
	UNORDERED_LIST,
	registerMarkdownShortcuts,
	type Transformer
} from '@lexical/markdown';
import { ListItemNode, ListNode, registerList } from '@lexical/list';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { createEditor, type EditorThemeClasses, type LexicalEditor } from 'lexical';
import { registerLinkGuard } from './link-guard.ts';
import { registerPlainTextPaste } from './plain-text-paste.ts';

/**
 * Class names Lexical puts on what it renders, styled by RichTextField. Bold and italic need
 * theirs: Lexical renders text that is both as one <strong>.
 */
export const RICH_TEXT_THEME: EditorThemeClasses = {
	paragraph: 'rt-paragraph',
	heading: { h1: 'rt-h2', h2: 'rt-h2', h3: 'rt-h3', h4: 'rt-h3', h5: 'rt-h3', h6: 'rt-h3' },
	quote: 'rt-quote',
	list: {
		ul: 'rt-list',
		ol: 'rt-list',
		listitem: 'rt-listitem',
		nested: { listitem: 'rt-nested' }
	},
	link: 'rt-link',
	text: {
		bold: 'rt-bold',
		italic: 'rt-italic',
		underline: 'rt-underline',
		strikethrough: 'rt-strike',
		code: 'rt-code'
	},
	collaboration: {
		cursor: 'rt-peer-caret',
		cursorName: 'rt-peer-name',
		selection: 'rt-peer-selection',
		selectionBg: 'rt-peer-selection-bg'
	}
};

/** Options of a field's editor. */
export interface RichTextEditorOptions {
	/** Unique per field, so copy-paste between fields knows its source. */
	readonly namespace: string;
	readonly editable: boolean;
	/** Called with errors Lexical catches (e.g. malformed content from a peer); never rethrown. */
	readonly onError?: (error: Error) => void;
}

/**
 * A Lexical editor for one rich-text field: headings, lists, links, bold and italic. QuoteNode is
 * registered only so content written by another Lexical client still loads.
 */
export function createRichTextEditor(options: RichTextEditorOptions): LexicalEditor {
	return createEditor({
		namespace: options.namespace,
		nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
		theme: RICH_TEXT_THEME,
		editable: options.editable,
		onError: options.onError ?? ((error) => console.error(error))
	});
}

/**
 * Markdown typed at the start of a line or around words becomes the formats a field offers, as
 * in Notion or Google Docs: `# ` / `## ` a heading, `- ` or `* ` a bulleted list, `1. ` a
 * numbered one, `**bold**`, `*italic*`. Nothing else (no quotes, code, or links by shortcut).
 */
export const MARKDOWN_SHORTCUTS: readonly Transformer[] = [
	HEADING,
	UNORDERED_LIST,
	ORDERED_LIST,
	BOLD_STAR,
	BOLD_UNDERSCORE,
	ITALIC_STAR,
	ITALIC_UNDERSCORE
];

/**
 * The editing behaviour of a field: rich text, lists, Markdown shortcuts, plain-text paste and
 * the link guard.
 */
export function registerRichTextBehaviour(editor: LexicalEditor): () => void {
	return mergeRegister(
		registerRichText(editor),
		registerList(editor),
		registerMarkdownShortcuts(editor, [...MARKDOWN_SHORTCUTS]),
		registerPlainTextPaste(editor),
		registerLinkGuard(editor)
	);
}
