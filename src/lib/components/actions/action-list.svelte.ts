import { createContext, tick } from 'svelte';
import type * as Y from 'yjs';
import {
	EntityNotFoundError,
	addAction,
	moveAction,
	removeAction,
	updateAction,
	type Action,
	type ActionPatch
} from '$lib/board/index.ts';
import {
	NO_ACTION_FILTER,
	filterActions,
	type ActionFilter
} from '$lib/board/views/action-filter.ts';
import type { BoardView } from '$lib/board/views/board-view.svelte.ts';
import { dropIndex, positionOf, stepIndex } from '$lib/board/views/risk-reorder.ts';
import type { BoardUndo } from '$lib/board/views/undo.svelte.ts';

/** The last deletion, offered for undo until the user changes something else. */
export interface DeletedAction {
	readonly title: string;
	readonly at: number;
}

/** What the list needs from the open board. */
export interface ActionListOptions {
	doc: Y.Doc;
	view: BoardView;
	undo: BoardUndo;
	canEdit: boolean;
}

/**
 * The state of the actions section: its filters, the row being dragged, what to announce, and
 * every write it makes. Components read it and call its methods; it never touches the DOM.
 */
export class ActionList {
	readonly #doc: Y.Doc;
	readonly #view: BoardView;
	readonly #undo: BoardUndo;
	readonly canEdit: boolean;
	#filter = $state.raw<ActionFilter>(NO_ACTION_FILTER);
	#dragging = $state.raw<string | null>(null);
	#announcement = $state('');
	#deleted = $state.raw<DeletedAction | null>(null);

	/** Actions that pass the filters, in board order. */
	readonly shown: Action[] = $derived.by(() =>
		filterActions(this.#view.actions, this.#filter, this.#view.people)
	);

	constructor(options: ActionListOptions) {
		this.#doc = options.doc;
		this.#view = options.view;
		this.#undo = options.undo;
		this.canEdit = options.canEdit;
	}

	/** Every action on the board, in board order. */
	get all(): Action[] {
		return this.#view.actions;
	}

	/** The filters set. */
	get filter(): ActionFilter {
		return this.#filter;
	}

	/** The id of the action being dragged, if any. */
	get dragging(): string | null {
		return this.#dragging;
	}

	/** The latest message for screen readers. */
	get announcement(): string {
		return this.#announcement;
	}

	/** The last deletion, while it can still be undone from the notice. */
	get deleted(): DeletedAction | null {
		return this.#deleted;
	}

	/** Sets some filters, keeping the others. */
	setFilter(patch: Partial<ActionFilter>): void {
		this.#filter = { ...this.#filter, ...patch };
	}

	/** Removes every filter. */
	clearFilters(): void {
		this.#filter = NO_ACTION_FILTER;
	}

	/** Says something to screen readers through the section's live region. */
	announce(message: string): void {
		this.#announcement = '';
		void tick().then(() => (this.#announcement = message));
	}

	/** Adds an action; throws InvalidInputError for a bad title, so the form can say why. */
	add(title: string): void {
		if (!this.canEdit) return;
		this.#deleted = null;
		addAction(this.#doc, { title });
		this.announce(`Added action ${title.trim()}.`);
	}

	/** Changes fields of an action; InvalidInputError propagates to the field that caused it. */
	update(id: string, patch: ActionPatch): void {
		if (!this.canEdit) return;
		this.#deleted = null;
		this.#ignoreMissing(() => updateAction(this.#doc, id, patch));
	}

	/** Deletes an action as its own undo step, and offers to undo it. */
	remove(action: Action): void {
		if (!this.canEdit) return;
		this.#undo.stopCapturing();
		this.#ignoreMissing(() => removeAction(this.#doc, action.id));
		this.#undo.stopCapturing();
		this.#deleted = { title: action.title, at: Date.now() };
	}

	/** Takes back the deletion offered in the notice. */
	undoDelete(): void {
		if (!this.#deleted) return;
		this.#undo.undo();
		this.announce(`Restored action ${this.#deleted.title}.`);
		this.#deleted = null;
	}

	/** Hides the undo notice. */
	dismissDeleted(): void {
		this.#deleted = null;
	}

	/** Moves an action one place up or down among the rows shown; returns whether it moved. */
	step(id: string, step: -1 | 1): boolean {
		if (!this.canEdit) return false;
		const index = stepIndex(this.all, this.shown, id, step);
		if (index === null) return false;
		this.#move(id, index);
		return true;
	}

	/** Starts a mouse drag of an action. */
	startDrag(id: string): void {
		if (this.canEdit) this.#dragging = id;
	}

	/** Ends a mouse drag, dropped or not. */
	endDrag(): void {
		this.#dragging = null;
	}

	/** Drops the dragged action before or after another row. */
	dropOnRow(targetId: string, after: boolean): void {
		const id = this.#dragging;
		this.#dragging = null;
		if (!id || !this.canEdit) return;
		const index = dropIndex(this.all, id, targetId, after);
		if (index !== null) this.#move(id, index);
	}

	#move(id: string, index: number): void {
		this.#deleted = null;
		this.#ignoreMissing(() => moveAction(this.#doc, id, index));
		const action = this.all.find((candidate) => candidate.id === id);
		if (action) {
			this.announce(
				`Moved ${action.title} to position ${positionOf(this.all, id)} of ${this.all.length}.`
			);
		}
	}

	// A peer may delete an action while this user edits it; the row then disappears.
	#ignoreMissing(write: () => void): void {
		try {
			write();
		} catch (error) {
			if (!(error instanceof EntityNotFoundError)) throw error;
		}
	}
}

/** Reads and provides the actions section's state. */
export const [getActionList, setActionList] = createContext<ActionList>();
