import { tick } from 'svelte';
import type * as Y from 'yjs';
import type { BoardView } from '$lib/board/views/board-view.svelte.ts';
import { dropIndex, positionOf, stepIndex } from '$lib/board/views/list-order.ts';
import type { BoardUndo } from '$lib/board/views/undo.svelte.ts';
import { runCommand, type CommandOutcome } from '$lib/components/ui/refusals.ts';

/** The board commands of one hand-ordered collection. */
export interface ListCommands<Patch> {
	add(doc: Y.Doc, input: { title: string }): string;
	update(doc: Y.Doc, id: string, patch: Patch): void;
	remove(doc: Y.Doc, id: string): void;
	move(doc: Y.Doc, id: string, index: number): void;
}

/** What a list needs from the open board. */
export interface EditableListOptions {
	doc: Y.Doc;
	view: BoardView;
	undo: BoardUndo;
	canEdit: boolean;
}

/** The last deletion, offered for undo until the user changes something else. */
export interface Deletion {
	readonly title: string;
	readonly at: number;
}

/**
 * What every hand-ordered list of a section shares (risks, actions): its writes (no-ops for
 * viewers), deletion with an undo offer, moving rows by keyboard or by dragging, and a message
 * for screen readers. Subclasses add how their rows are filtered and sorted. Never touches the DOM.
 */
export abstract class EditableList<Entity extends { id: string; title: string }, Patch> {
	protected readonly doc: Y.Doc;
	protected readonly view: BoardView;
	readonly #undo: BoardUndo;
	readonly #commands: ListCommands<Patch>;
	readonly #noun: string;
	readonly canEdit: boolean;
	#dragging = $state.raw<string | null>(null);
	#announcement = $state('');
	#deleted = $state.raw<Deletion | null>(null);

	/** Every item, in board order. */
	abstract readonly all: Entity[];
	/** The items the list shows, in display order. */
	abstract readonly shown: Entity[];

	constructor(options: EditableListOptions, commands: ListCommands<Patch>, noun: string) {
		this.doc = options.doc;
		this.view = options.view;
		this.#undo = options.undo;
		this.#commands = commands;
		this.#noun = noun;
		this.canEdit = options.canEdit;
	}

	/** Whether rows can be moved by hand now. */
	get canReorder(): boolean {
		return this.canEdit;
	}

	/** Why moving rows by hand is off, or '' when it is on. */
	get reorderBlockedReason(): string {
		return '';
	}

	/** The id of the item being dragged with the mouse, if any. */
	get dragging(): string | null {
		return this.#dragging;
	}

	/** The latest message for screen readers. */
	get announcement(): string {
		return this.#announcement;
	}

	/** The last deletion, while it can still be undone from the notice. */
	get deleted(): Deletion | null {
		return this.#deleted;
	}

	/** Says something to screen readers through the section's live region. */
	announce(message: string): void {
		// Repeating the same words must still be read: clear first, then set after a tick.
		this.#announcement = '';
		void tick().then(() => (this.#announcement = message));
	}

	/** Adds an item at the end; throws InvalidInputError for a bad title, so the form can say why. */
	add(title: string): void {
		if (!this.canEdit) return;
		this.#deleted = null;
		this.#commands.add(this.doc, { title });
		this.announce(`Added ${this.#noun} ${title.trim()}.`);
	}

	/** Changes fields of an item; a refusal is for the field that asked to show. */
	update(id: string, patch: Patch): CommandOutcome {
		if (!this.canEdit) return { ok: true };
		this.#deleted = null;
		return this.#run(() => this.#commands.update(this.doc, id, patch));
	}

	/** Deletes an item as its own undo step, and offers to undo it. */
	remove(item: Entity): void {
		if (!this.canEdit) return;
		this.#undo.stopCapturing();
		this.#run(() => this.#commands.remove(this.doc, item.id));
		this.#undo.stopCapturing();
		this.#deleted = { title: item.title, at: Date.now() };
	}

	/** Takes back the deletion offered in the notice. */
	undoDelete(): void {
		if (!this.#deleted) return;
		this.#undo.undo();
		this.announce(`Restored ${this.#noun} ${this.#deleted.title}.`);
		this.#deleted = null;
	}

	/** Hides the undo notice. */
	dismissDeleted(): void {
		this.#deleted = null;
	}

	/** Moves an item one place up or down among the rows shown; returns whether it moved. */
	step(id: string, step: -1 | 1): boolean {
		if (!this.canReorder) {
			if (this.canEdit) this.announce(this.reorderBlockedReason);
			return false;
		}
		const index = stepIndex(this.all, this.shown, id, step);
		if (index === null) return false;
		this.#move(id, index);
		return true;
	}

	/** Starts a mouse drag of an item. */
	startDrag(id: string): void {
		if (this.canEdit) this.#dragging = id;
	}

	/** Ends a mouse drag, and returns the id that was being dragged. */
	endDrag(): string | null {
		const id = this.#dragging;
		this.#dragging = null;
		return id;
	}

	/** Drops the dragged item before or after another row. */
	dropOnRow(targetId: string, after: boolean): void {
		const id = this.endDrag();
		if (!id || !this.canReorder) return;
		const index = dropIndex(this.all, id, targetId, after);
		if (index !== null) this.#move(id, index);
	}

	#move(id: string, index: number): void {
		this.#deleted = null;
		this.#run(() => this.#commands.move(this.doc, id, index));
		const item = this.all.find((candidate) => candidate.id === id);
		if (item) {
			this.announce(
				`Moved ${item.title} to position ${positionOf(this.all, id)} of ${this.all.length}.`
			);
		}
	}

	// A peer may delete an item while this user edits it; the row then disappears, and the outcome
	// says nothing (a refused value has its message).
	#run(write: () => void): CommandOutcome {
		return runCommand(write, { noun: this.#noun });
	}
}
