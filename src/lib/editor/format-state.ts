/**
 * What the toolbar shows and offers, without Lexical: the field's components import this
 * statically, while the editor itself (formatting.ts and what mounts it) loads only when a field
 * mounts (rich-text-editor.ts).
 */

/** The kinds of block the toolbar offers. */
export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number';

/** What the toolbar shows as active where the caret is. */
export interface FormatState {
	readonly block: BlockKind;
	readonly bold: boolean;
	readonly italic: boolean;
	/** The address of the link around the caret, or null. */
	readonly linkUrl: string | null;
}

/** The format state of an editor with no selection. */
export const NO_FORMAT: FormatState = {
	block: 'paragraph',
	bold: false,
	italic: false,
	linkUrl: null
};
