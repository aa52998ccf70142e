import { tick } from 'svelte';
import type * as Y from 'yjs';
import type { BoardView } from '$lib/board/views/board-view.svelte.ts';
import type { BoardUndo } from '$lib/board/views/undo.svelte.ts';
import { runCommand, type CommandOutcome } from '$lib/components/ui/refusals.ts';
import { ListReorder } from './list-reorder.svelte.ts';

/** The board commands of one hand-ordered collection. */
export interface ListCommands<Patch> {
	/** Adds an item named `title`, with the rest of `fields`. */
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
	/** The deleted item's id, so its row can take the focus back once restored. */
	readonly id: string;
	readonly title: string;
	readonly at: number;
}

/**
 * What every hand-ordered list of a section shares (risks, actions): its writes (no-ops for
 * viewers), deletion with an undo offer, moving rows (its `reorder`, by keyboard or by dragging),
 * and a message for screen readers. Subclasses add how their rows are filtered and sorted.
 */
export abstract class EditableList<Entity extends { id: string }, Patch> {
	protected readonly doc: Y.Doc;
	protected readonly view: BoardView;
	readonly #undo: BoardUndo;
	readonly #commands: ListCommands<Patch>;
	readonly #noun: string;
	readonly canEdit: boolean;
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
		this.reorder = new ListReorder({
			items: () => this.all,
			shown: () => this.shown,
			move: (id, index) => this.#move(id, index),
			name: (id) => {
				const item = this.all.find((candidate) => candidate.id === id);
				return item ? this.nameOf(item) : this.#noun;
			},
			announce: (message) => this.announce(message),
			blocked: () => (this.canReorder ? '' : this.reorderBlockedReason),
			dropOutside: (id, element) => this.dropOutside(id, element)
		});
	}

	/** Moving rows by hand: the handle's drag and keys. */
	readonly reorder: ListReorder;

	/** Whether rows can be moved by hand now. */
	get canReorder(): boolean {
		return this.canEdit;
	}

	/** Why moving rows by hand is off, or '' when it is on. */
	get reorderBlockedReason(): string {
		return '';
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

	/** What users call an item: its title (a person's name). */
	protected nameOf(item: Entity): string {
		return (item as { title?: string }).title ?? this.#noun;
	}

	/**
	 * Adds an item at the end, with more `fields` when the form has them (a milestone's due date);
	 * throws InvalidInputError for a bad title, so the form can say why.
	 */
	add(title: string, fields: Record<string, unknown> = {}): void {
		if (!this.canEdit) return;
		this.#deleted = null;
		this.#commands.add(this.doc, { ...fields, title });
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
		const title = this.nameOf(item);
		this.#deleted = { id: item.id, title, at: Date.now() };
		this.announce(`Deleted ${this.#noun} ${title}. Ctrl+Z or the notice's Undo brings it back.`);
	}

	/** Takes back the deletion offered in the notice; returns the id of the item restored. */
	undoDelete(): string | null {
		const deleted = this.#deleted;
		if (!deleted) return null;
		this.#undo.undo();
		this.announce(`Restored ${this.#noun} ${deleted.title}.`);
		this.#deleted = null;
		return deleted.id;
	}

	/** Hides the undo notice. */
	dismissDeleted(): void {
		this.#deleted = null;
	}

	/** A row dropped outside the list, on `element`; returns whether the drop was taken. */
	protected dropOutside(_id: string, _element: Element): boolean {
		return false;
	}

	#move(id: string, index: number): void {
		if (!this.canEdit) return;
		this.#deleted = null;
		this.#run(() => this.#commands.move(this.doc, id, index));
	}

	// A peer may delete an item while this user edits it; the row then disappears, and the outcome
	// says nothing (a refused value has its message).
	#run(write: () => void): CommandOutcome {
		return runCommand(write, { noun: this.#noun });
	}
}

/** A list shown whole and in board order (people, RACI tasks): what it shows is all it has. */
export abstract class WholeList<Entity extends { id: string }, Patch> extends EditableList<
	Entity,
	Patch
> {
	get shown(): Entity[] {
		return this.all;
	}
}
