import {
	createUndoManager,
	createYjsBinding,
	syncCursorPositions,
	syncLexicalUpdateToYjs,
	syncYjsChangesToLexical,
	type Binding,
	type Provider,
	type UserState
} from '@lexical/yjs';
import { mergeRegister } from '@lexical/utils';
import {
	$createParagraphNode,
	$getRoot,
	$setSelection,
	COLLABORATION_TAG,
	COMMAND_PRIORITY_EDITOR,
	REDO_COMMAND,
	SKIP_COLLAB_TAG,
	UNDO_COMMAND,
	type LexicalEditor
} from 'lexical';
import * as Y from 'yjs';
import { clearCollabNodeCache } from './collab-node-cache.ts';
import { $guardFieldContent, fieldExcludedProperties } from './content-guard.ts';
import { checkFieldChanges, type FieldProblem } from './field-check.ts';

/** The events of one transaction in a field, as @lexical/yjs takes them. */
type YjsEvents = Parameters<typeof syncYjsChangesToLexical>[2];

/** Thrown when a field's Y.XmlText is not part of a document, so there is nothing to bind to. */
export class FieldNotInDocumentError extends Error {
	override readonly name = 'FieldNotInDocumentError';
	constructor(readonly fieldId: string) {
		super(`Rich-text field ${fieldId} is not part of a Y.Doc`);
	}
}

/** What binds one Lexical editor to one rich-text field of the board document. */
export interface FieldBindingOptions {
	readonly editor: LexicalEditor;
	/** The field: a Y.XmlText nested in the board doc, created with its parent entry. */
	readonly xmlText: Y.XmlText;
	/** Unique per field in the doc, e.g. `charter:background`. */
	readonly fieldId: string;
	/** The board's one provider, shared by every field (see asCollabProvider). */
	readonly provider: Provider;
	/** Element the carets of others are drawn into; null draws none. */
	readonly cursorsContainer?: HTMLElement | null;
	/** Which awareness states get a caret in this field (all others' by default). */
	readonly cursorStates?: (states: Map<number, UserState>) => Map<number, UserState>;
	/**
	 * Told when a remote change put into the field what the editor cannot show (see
	 * field-check.ts); that change is not applied to the editor, which should be unmounted.
	 */
	readonly onUnreadable?: (problem: FieldProblem) => void;
}

/** A live binding; `destroy` detaches it and leaves the field ready to be bound again. */
export interface FieldBinding {
	readonly binding: Binding;
	/** This user's undo history of the field (Lexical's own history is never used as well). */
	readonly undoManager: Y.UndoManager;
	/** Redraws the carets of others, e.g. after the field changed size. */
	syncCursors(): void;
	/**
	 * Gives an empty field its first paragraph just before this user's first edit, outside the
	 * undo history: undoing that edit then leaves an empty paragraph, not an empty root that
	 * Lexical would refill with a new write (which would wipe the redo stack).
	 */
	seedEmptyField(): void;
	destroy(): void;
}

/**
 * Binds `editor` to a field of the board doc, both ways, following what was established for
 * @lexical/yjs 0.52 without React (see docs in TOOLCHAIN.md): loads what the field already holds,
 * applies remote changes after committing pending local work, writes local updates, and gives
 * the field its own undo. Writes nothing when the field is empty.
 */
export function bindEditorToField(options: FieldBindingOptions): FieldBinding {
	const { editor, xmlText, fieldId, provider } = options;
	const doc = xmlText.doc;
	if (doc === null) throw new FieldNotInDocumentError(fieldId);

	clearCollabNodeCache(xmlText);
	const docMap = new Map([[fieldId, doc]]);
	const binding = createYjsBinding({
		editor,
		id: fieldId,
		doc,
		docMap,
		getXmlText: () => xmlText,
		excludedProperties: fieldExcludedProperties()
	});
	binding.cursorsContainer = options.cursorsContainer ?? null;

	const pickStates = options.cursorStates;
	const syncCursors = () =>
		syncCursorPositions(
			binding,
			provider,
			pickStates && { getAwarenessStates: (_, p) => pickStates(p.awareness.getStates()) }
		);

	let unreadable = false;
	const onYjsChanges = (events: YjsEvents, transaction: Y.Transaction) => {
		if (transaction.origin === binding || unreadable) return;
		// Lexical throws on a node type it does not know, and the whole field would go blank.
		const problem = checkFieldChanges(xmlText, events);
		if (problem) {
			unreadable = true;
			options.onUnreadable?.(problem);
			return;
		}
		// A local edit still pending in Lexical would otherwise be committed together with the
		// remote change, under the collaboration tag, and never reach Yjs.
		editor.read(() => {});
		const fromUndo = transaction.origin instanceof Y.UndoManager;
		syncYjsChangesToLexical(binding, provider, events, fromUndo, syncCursors);
		// Joins the update above (it is not committed yet), so nothing unguarded is ever rendered.
		editor.update($guardFieldContent, { tag: COLLABORATION_TAG, skipTransforms: true });
	};
	xmlText.observeDeep(onYjsChanges);

	const removeUpdateListener = editor.registerUpdateListener((update) => {
		if (update.tags.has(SKIP_COLLAB_TAG)) return;
		syncLexicalUpdateToYjs(
			binding,
			provider,
			update.prevEditorState,
			update.editorState,
			update.dirtyElements,
			update.dirtyLeaves,
			update.normalizedNodes,
			update.tags
		);
		// Local typing moves the text under the others' carets.
		if (binding.cursors.size > 0) syncCursors();
	});

	loadExistingContent(binding);
	const undoManager = createUndoManager(binding, xmlText);
	const removeCommands = registerUndoCommands(editor, undoManager);
	provider.awareness.on('update', syncCursors);
	syncCursors();

	let destroyed = false;
	return {
		binding,
		undoManager,
		syncCursors,
		seedEmptyField() {
			if (destroyed || !editor.isEditable() || !editor.read(() => $getRoot().isEmpty())) return;
			binding.isBootstrapping = true;
			try {
				editor.update(
					() => {
						const paragraph = $createParagraphNode();
						$getRoot().append(paragraph);
						paragraph.select();
					},
					{ discrete: true }
				);
			} finally {
				binding.isBootstrapping = false;
			}
		},
		destroy() {
			if (destroyed) return;
			destroyed = true;
			// The order matters (TOOLCHAIN.md): nothing may observe or write while the nodes go.
			xmlText.unobserveDeep(onYjsChanges);
			removeUpdateListener();
			removeCommands();
			provider.awareness.off('update', syncCursors);
			undoManager.destroy();
			removeCarets(binding);
			binding.root.destroy(binding);
			clearCollabNodeCache(xmlText);
			docMap.delete(fieldId);
		}
	};
}

/**
 * The V1 binding only syncs from Yjs events, so a field that already has content (every field
 * opened after the board synced) is loaded once here. The collaboration tag keeps the load from
 * being written back.
 */
function loadExistingContent(binding: Binding): void {
	const root = binding.root;
	if (root.getSharedType().length === 0) return;
	binding.editor.update(
		() => {
			$setSelection(null);
			root.syncPropertiesFromYjs(binding, null);
			root.applyChildrenYjsDelta(binding, root.getSharedType().toDelta());
			root.syncChildrenFromYjs(binding);
			$guardFieldContent();
		},
		{ discrete: true, skipTransforms: true, tag: COLLABORATION_TAG }
	);
}

function registerUndoCommands(editor: LexicalEditor, undoManager: Y.UndoManager): () => void {
	return mergeRegister(
		editor.registerCommand(
			UNDO_COMMAND,
			() => {
				undoManager.undo();
				return true;
			},
			COMMAND_PRIORITY_EDITOR
		),
		editor.registerCommand(
			REDO_COMMAND,
			() => {
				undoManager.redo();
				return true;
			},
			COMMAND_PRIORITY_EDITOR
		)
	);
}

function removeCarets(binding: Binding): void {
	binding.cursors.clear();
	binding.cursorsContainer?.replaceChildren();
	binding.cursorsContainer = null;
}
