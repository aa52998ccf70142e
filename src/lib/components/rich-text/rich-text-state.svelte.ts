import { untrack } from 'svelte';
import {
	applyLink,
	NO_FORMAT,
	removeLink,
	setBlockKind,
	toggleTextFormat,
	type BlockKind,
	type FormatState
} from '$lib/editor/formatting.ts';
import {
	mountRichTextField,
	type MountedRichTextField,
	type RichTextFieldOptions
} from '$lib/editor/rich-text-field.ts';
import { checkField, type FieldProblem } from '$lib/editor/field-check.ts';
import type { LinkInput } from '$lib/board/safe-url.ts';
import type { LexicalEditor } from 'lexical';

/** What a RichTextField mounts with; the state adds the toolbar and placeholder callbacks. */
export type RichTextMountOptions = Omit<
	RichTextFieldOptions,
	'onFormat' | 'onEmpty' | 'onUnreadable' | 'onSelection' | 'onEscape'
>;

/** What the field's floating toolbar hears from the editor. */
export type ToolbarHooks = Pick<RichTextFieldOptions, 'onSelection' | 'onEscape'>;

/**
 * The reactive side of one rich-text field: the format at the caret (for the toolbar), whether
 * the field is empty (for the placeholder), the selection (passed on to the floating toolbar),
 * and the toolbar's actions on the mounted editor.
 */
export class RichTextFieldState {
	#format = $state.raw<FormatState>(NO_FORMAT);
	#empty = $state(true);
	#problem = $state<FieldProblem | null>(null);
	#field: MountedRichTextField | null = null;
	readonly #hooks: ToolbarHooks;

	/** `hooks` hear of the selection after every update, and of Escape, for the toolbar. */
	constructor(hooks: ToolbarHooks = {}) {
		this.#hooks = hooks;
	}

	/** The format at the caret, or at the last place it was. */
	get format(): FormatState {
		return this.#format;
	}

	/** True while the field shows nothing. */
	get empty(): boolean {
		return this.#empty;
	}

	/**
	 * Why the editor cannot show the field as a peer wrote it (the field is then shown read-only
	 * from the export's reader, the unreadable part left out), or null.
	 */
	get problem(): FieldProblem | null {
		return this.#problem;
	}

	/** Marks the field fit for the editor again (its unreadable part was removed). */
	readable(): void {
		this.#problem = null;
	}

	/** Mounts the editor and returns its teardown, for an effect; nothing when it cannot show it. */
	mount(options: RichTextMountOptions): () => void {
		const problem = checkField(options.xmlText);
		if (problem) {
			this.#problem = problem;
			return () => {};
		}
		// The first reports come during the mount: what they read must not re-run the mount.
		const field = untrack(() =>
			mountRichTextField({
				...options,
				onFormat: (format) => (this.#format = format),
				onEmpty: (empty) => (this.#empty = empty),
				onUnreadable: (found) => (this.#problem = found),
				...this.#hooks
			})
		);
		this.#field = field;
		return () => {
			if (this.#field === field) this.#field = null;
			field.destroy();
		};
	}

	/** Turns the selected blocks into `kind` (or back into paragraphs). */
	setBlock(kind: BlockKind): void {
		const editor = this.#prepared();
		if (editor) setBlockKind(editor, kind);
		this.#commit();
	}

	/** Toggles bold or italic. */
	toggle(format: 'bold' | 'italic'): void {
		const editor = this.#prepared();
		if (editor) toggleTextFormat(editor, format);
		this.#commit();
	}

	/** Links the selection to what the user typed, or says why it cannot. */
	link(input: string): LinkInput {
		const editor = this.#prepared();
		if (!editor) return { ok: false, message: 'The field is not ready yet.' };
		const result = applyLink(editor, input);
		this.#commit();
		return result;
	}

	/** Removes the link at the caret. */
	unlink(): void {
		if (this.#field) removeLink(this.#field.editor);
		this.#commit();
	}

	// Commits a format now rather than in a microtask, so whatever it does to focus (Lexical
	// focuses the editor as it puts the selection back) is done when the toolbar's action returns.
	#commit(): void {
		this.#field?.editor.read(() => {});
	}

	// The editor, with an empty field's first paragraph seeded outside the undo history.
	#prepared(): LexicalEditor | null {
		this.#field?.binding.seedEmptyField();
		return this.#field?.editor ?? null;
	}

	/** Puts the caret back into the field, where it was. */
	focusEditor(): void {
		const editor = this.#field?.editor;
		// Lexical's focus() only restores its selection: the element needs the focus first.
		editor?.getRootElement()?.focus({ preventScroll: true });
		editor?.focus();
	}
}
