import { mergeRegister } from '@lexical/utils';
import {
	$getRoot,
	$isParagraphNode,
	BLUR_COMMAND,
	COLLABORATION_TAG,
	COMMAND_PRIORITY_EDITOR,
	COMMAND_PRIORITY_HIGH,
	FOCUS_COMMAND,
	KEY_ESCAPE_COMMAND,
	type LexicalEditor
} from 'lexical';
import type * as Y from 'yjs';
import { asCollabProvider, type AwarenessSource } from './collab-provider.ts';
import { createRichTextEditor, registerRichTextBehaviour } from './editor-setup.ts';
import type { FormatState } from './format-state.ts';
import { $readFormatState } from './formatting.ts';
import type { FieldProblem } from './field-check.ts';
import { peerCursorStates, type FieldFocus } from './peer-cursors.ts';
import { $readSelectionReport, type SelectionReport } from './selection-report.ts';
import { bindEditorToField, type FieldBinding } from './yjs-binding.ts';

/** Where and how a rich-text field mounts. */
export interface RichTextFieldOptions {
	/** The element Lexical makes editable. */
	readonly root: HTMLElement;
	/** An element inside the same positioned box as `root`, for the carets of others. */
	readonly cursors: HTMLElement | null;
	readonly xmlText: Y.XmlText;
	readonly fieldId: string;
	/** The board's provider; only its awareness is used. */
	readonly provider: AwarenessSource;
	/** Where presence says this field is: only peers there get a caret here. */
	readonly focus: FieldFocus;
	readonly editable: boolean;
	/** Called with the format at the caret after every change, for the toolbar. */
	readonly onFormat?: (state: FormatState) => void;
	/** Called with the selection after every update, for the floating toolbar. */
	readonly onSelection?: (selection: SelectionReport) => void;
	/**
	 * Called on Escape before Lexical's own handling (it blurs the editor); returns true when it
	 * took the key (the floating toolbar closing, the caret staying).
	 */
	readonly onEscape?: () => boolean;
	/** Called when the field becomes empty or stops being empty, for the placeholder. */
	readonly onEmpty?: (empty: boolean) => void;
	/** Called when a remote change makes the field unfit for the editor (see field-check.ts). */
	readonly onUnreadable?: (problem: FieldProblem) => void;
}

/** A mounted field; `destroy` tears it down in the order TOOLCHAIN.md prescribes. */
export interface MountedRichTextField {
	readonly editor: LexicalEditor;
	readonly binding: FieldBinding;
	destroy(): void;
}

/**
 * Mounts a collaborative rich-text field (check it with `checkField` first: Lexical cannot show
 * every field a peer can write): a Lexical editor on `root`, bound to the field's
 * Y.XmlText in the board doc, showing the carets of others who are in this field, and telling
 * them (through the shared awareness's `focusing`) while this user's caret is here.
 */
export function mountRichTextField(options: RichTextFieldOptions): MountedRichTextField {
	const { root, xmlText, fieldId, focus, editable } = options;
	const awareness = options.provider.awareness;
	const editor = createRichTextEditor({ namespace: fieldId, editable });
	// Lexical leaves contenteditable to the host (React's ContentEditable sets it there).
	const removeBehaviour = mergeRegister(
		registerRichTextBehaviour(editor),
		editor.registerEditableListener((isEditable) => {
			root.contentEditable = String(isEditable);
		})
	);
	root.contentEditable = String(editable);
	editor.setRootElement(root);

	const binding = bindEditorToField({
		editor,
		xmlText,
		fieldId,
		provider: asCollabProvider(options.provider),
		cursorsContainer: options.cursors,
		cursorStates: (states) => peerCursorStates(states, awareness.clientID, focus),
		onUnreadable: options.onUnreadable
	});

	let focused = false;
	const setFocusing = (next: boolean) => {
		if (focused === next) return;
		focused = next;
		awareness.setLocalStateField('focusing', next);
	};
	const removeFocusTracking = mergeRegister(
		editor.registerCommand(
			FOCUS_COMMAND,
			() => {
				if (editor.isEditable()) setFocusing(true);
				return false;
			},
			COMMAND_PRIORITY_EDITOR
		),
		editor.registerCommand(
			KEY_ESCAPE_COMMAND,
			(event) => {
				if (!options.onEscape?.()) return false;
				event?.preventDefault();
				return true;
			},
			COMMAND_PRIORITY_HIGH
		),
		editor.registerCommand(
			BLUR_COMMAND,
			() => {
				setFocusing(false);
				return false;
			},
			COMMAND_PRIORITY_EDITOR
		)
	);

	const removeSeeding = seedBeforeFirstEdit(root, binding);
	const removeStateListener = registerStateListener(editor, options);
	const resizes =
		typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => binding.syncCursors());
	resizes?.observe(root);

	return {
		editor,
		binding,
		destroy() {
			resizes?.disconnect();
			// A field unmounted while in use (navigation) gets no blur: stop showing our caret.
			if (focused) {
				setFocusing(false);
				awareness.setLocalStateField('anchorPos', null);
				awareness.setLocalStateField('focusPos', null);
			}
			removeStateListener();
			removeSeeding();
			removeFocusTracking();
			binding.destroy();
			removeBehaviour();
			editor.setRootElement(null);
			root.contentEditable = 'false';
		}
	};
}

/**
 * Seeds an empty field's first paragraph right before the events that edit it (captured, so it
 * happens before Lexical handles them): typing, Enter (handled at keydown), paste and drop.
 */
function seedBeforeFirstEdit(root: HTMLElement, binding: FieldBinding): () => void {
	const seed = () => binding.seedEmptyField();
	const onKeydown = (event: KeyboardEvent) => {
		if (event.key === 'Enter') seed();
	};
	const events = ['beforeinput', 'paste', 'drop'] as const;
	for (const type of events) root.addEventListener(type, seed, true);
	root.addEventListener('keydown', onKeydown, true);
	return () => {
		for (const type of events) root.removeEventListener(type, seed, true);
		root.removeEventListener('keydown', onKeydown, true);
	};
}

function registerStateListener(editor: LexicalEditor, options: RichTextFieldOptions): () => void {
	let format: FormatState | null = null;
	let empty: boolean | null = null;
	const report = (remote: boolean) =>
		editor.getEditorState().read(() => {
			const nextFormat = $readFormatState();
			if (!sameFormat(format, nextFormat)) options.onFormat?.((format = nextFormat));
			const nextEmpty = $isFieldEmpty();
			if (nextEmpty !== empty) options.onEmpty?.((empty = nextEmpty));
			options.onSelection?.($readSelectionReport(remote));
		});
	report(false);
	return editor.registerUpdateListener(({ tags }) => report(tags.has(COLLABORATION_TAG)));
}

/** True when a field shows nothing: no blocks, or one empty paragraph. */
export function $isFieldEmpty(): boolean {
	const root = $getRoot();
	if (root.getTextContentSize() > 0) return false;
	const children = root.getChildren();
	return children.length === 0 || (children.length === 1 && $isParagraphNode(children[0]));
}

function sameFormat(a: FormatState | null, b: FormatState): boolean {
	return (
		a !== null &&
		a.block === b.block &&
		a.bold === b.bold &&
		a.italic === b.italic &&
		a.linkUrl === b.linkUrl
	);
}
