import { untrack } from 'svelte';
import { NO_FORMAT, type BlockKind, type FormatState } from '$lib/editor/format-state.ts';
import { checkField, type FieldProblem } from '$lib/editor/field-check.ts';
import type * as RichTextEditor from '$lib/editor/rich-text-editor.ts';
import type { MountedRichTextField, RichTextFieldOptions } from '$lib/editor/rich-text-field.ts';
import type { LinkInput } from '$lib/board/safe-url.ts';
import type { LexicalEditor } from 'lexical';

/** The editor module: Lexical, what mounts a field on it and the toolbar's actions. */
type EditorModule = typeof RichTextEditor;

/**
 * Where a field's editor is: its module still loading (the field shows nothing yet, not even
 * its placeholder), mounted, or not loadable (the chunk missing: offline before the app was
 * cached, or a new version deployed since the page loaded).
 */
export type EditorStatus = 'loading' | 'mounted' | 'failed';

// The module once loaded: later mounts (a field turning read-only, or coming back from the
// unreadable view) happen at once, as they did when the module was imported statically.
let loadedEditor: EditorModule | null = null;

// Lexical is some 330 KB of script: a page loads it only once it mounts a field, not because
// one of its rows could show one. The browser keeps the module, so only the first load waits.
async function loadEditor(): Promise<EditorModule> {
	loadedEditor ??= await import('$lib/editor/rich-text-editor.ts');
	return loadedEditor;
}

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
	#status = $state<EditorStatus>('loading');
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

	/** Whether the editor is mounted yet; the placeholder waits for it, so it never flashes. */
	get status(): EditorStatus {
		return this.#status;
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

	/**
	 * Mounts the editor, once its module has loaded unless it already has, and returns the
	 * teardown, for an effect: torn down before the module arrives, the field is never mounted.
	 */
	mount(options: RichTextMountOptions): () => void {
		let field: MountedRichTextField | null = null;
		let unmounted = false;
		const mountWith = (editor: EditorModule) => {
			if (!unmounted) field = this.#mountNow(editor, options);
		};
		if (loadedEditor) {
			mountWith(loadedEditor);
		} else {
			loadEditor().then(mountWith, () => {
				if (!unmounted) this.#status = 'failed';
			});
		}
		return () => {
			unmounted = true;
			if (!field) return;
			if (this.#field === field) {
				this.#field = null;
				this.#status = 'loading';
			}
			field.destroy();
		};
	}

	// Checks the field as it is now (a peer may have written to it while the module loaded),
	// then mounts it; null when the editor cannot show it.
	#mountNow(editor: EditorModule, options: RichTextMountOptions): MountedRichTextField | null {
		const problem = checkField(options.xmlText);
		if (problem) {
			this.#problem = problem;
			return null;
		}
		// The first reports come during the mount: what they read must not re-run the mount.
		const field = untrack(() =>
			editor.mountRichTextField({
				...options,
				onFormat: (format) => (this.#format = format),
				onEmpty: (empty) => (this.#empty = empty),
				onUnreadable: (found) => (this.#problem = found),
				...this.#hooks
			})
		);
		this.#field = field;
		this.#status = 'mounted';
		return field;
	}

	// The toolbar shows only once the editor reports a selection, so the actions below find it
	// mounted; should one come sooner, it does nothing.

	/** Turns the selected blocks into `kind` (or back into paragraphs). */
	setBlock(kind: BlockKind): void {
		const prepared = this.#prepared();
		prepared?.actions.setBlockKind(prepared.editor, kind);
		this.#commit();
	}

	/** Toggles bold or italic. */
	toggle(format: 'bold' | 'italic'): void {
		const prepared = this.#prepared();
		prepared?.actions.toggleTextFormat(prepared.editor, format);
		this.#commit();
	}

	/** Links the selection to what the user typed, or says why it cannot. */
	link(input: string): LinkInput {
		const prepared = this.#prepared();
		if (!prepared) return { ok: false, message: 'The field is not ready yet.' };
		const result = prepared.actions.applyLink(prepared.editor, input);
		this.#commit();
		return result;
	}

	/** Removes the link at the caret. */
	unlink(): void {
		if (this.#field && loadedEditor) loadedEditor.removeLink(this.#field.editor);
		this.#commit();
	}

	// Commits a format now rather than in a microtask, so whatever it does to focus (Lexical
	// focuses the editor as it puts the selection back) is done when the toolbar's action returns.
	#commit(): void {
		this.#field?.editor.read(() => {});
	}

	// The editor and the module's actions on it (loaded, since it is mounted), with an empty
	// field's first paragraph seeded outside the undo history; null before the mount.
	#prepared(): { editor: LexicalEditor; actions: EditorModule } | null {
		if (!this.#field || !loadedEditor) return null;
		this.#field.binding.seedEmptyField();
		return { editor: this.#field.editor, actions: loadedEditor };
	}

	/** Puts the caret back into the field, where it was. */
	focusEditor(): void {
		const editor = this.#field?.editor;
		// Lexical's focus() only restores its selection: the element needs the focus first.
		editor?.getRootElement()?.focus({ preventScroll: true });
		editor?.focus();
	}
}
