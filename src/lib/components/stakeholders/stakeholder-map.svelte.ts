import type * as Y from 'yjs';
import { updateStakeholder, type Person, type StakeholderPatch } from '$lib/board/index.ts';
import type { BoardView } from '$lib/board/views/board-view.svelte.ts';
import {
	describePlace,
	gridCellKey,
	placeOf,
	stakeholderGrid,
	stepPlace,
	type GridPlace
} from '$lib/board/views/stakeholder-map.ts';
import { runCommand } from '$lib/components/ui/refusals.ts';

/** Where a new stakeholder goes when placed from the list beside the grid: the middle. */
export const FIRST_PLACE: GridPlace = { influence: 3, interest: 3 };

/** A chip being dragged: whose, and the cell under the pointer. */
interface Drag {
	readonly personId: string;
	readonly pointerId: number;
	readonly startX: number;
	readonly startY: number;
	dx: number;
	dy: number;
	over: GridPlace | null;
}

/**
 * The stakeholder map's state: the grid as laid out from the board, every write (placing,
 * moving, unplacing, the plan's fields) through updateStakeholder, a chip dragged with the
 * pointer or moved with the arrow keys, and what the live region says after a move.
 */
export class StakeholderMap {
	readonly #doc: Y.Doc;
	readonly #view: BoardView;
	readonly canEdit: boolean;
	#drag = $state<Drag | null>(null);
	#announcement = $state('');
	#refusal = $state('');

	readonly grid = $derived.by(() => stakeholderGrid(this.#view.people));

	constructor(options: { doc: Y.Doc; view: BoardView; canEdit: boolean }) {
		this.#doc = options.doc;
		this.#view = options.view;
		this.canEdit = options.canEdit;
	}

	/** What the live region says: where the last moved person landed. */
	get announcement(): string {
		return this.#announcement;
	}

	/** The last refusal, shown by the section. */
	get refusal(): string {
		return this.#refusal;
	}

	/** The chip being dragged, with its offset and the cell under the pointer. */
	get drag(): Readonly<Drag> | null {
		return this.#drag;
	}

	/** Writes a person's stakeholder fields; a refusal is kept for the section to show. */
	update(person: Person, patch: StakeholderPatch): boolean {
		const outcome = runCommand(() => updateStakeholder(this.#doc, person.id, patch), {
			noun: 'stakeholder',
			gone: `${person.name} was just removed from the board.`
		});
		this.#refusal = outcome.ok ? '' : outcome.message;
		return outcome.ok;
	}

	/** Puts a person at `place` and says where they are now. */
	place(person: Person, place: GridPlace): void {
		if (this.update(person, { influence: place.influence, interest: place.interest }))
			this.#announcement = describePlace(person.name, place);
	}

	/** Takes a person off the grid. */
	unplace(person: Person): void {
		if (this.update(person, { influence: null, interest: null }))
			this.#announcement = `${person.name}: taken off the grid`;
	}

	/**
	 * Moves a placed person one step for an arrow key; true when the key was an arrow (handled),
	 * whether or not they could move further.
	 */
	step(person: Person, key: string): boolean {
		const place = placeOf(person);
		const next = place && stepPlace(place, key);
		if (!next) return false;
		if (gridCellKey(next) === gridCellKey(place))
			this.#announcement = describePlace(person.name, place);
		else this.place(person, next);
		return true;
	}

	/** Starts dragging a chip (pointer down on it). */
	startDrag(personId: string, event: PointerEvent): void {
		if (!this.canEdit || event.button !== 0) return;
		this.#drag = {
			personId,
			pointerId: event.pointerId,
			startX: event.clientX,
			startY: event.clientY,
			dx: 0,
			dy: 0,
			over: null
		};
	}

	/** Follows the pointer: the chip's offset and the cell under it. */
	moveDrag(event: PointerEvent, cellAt: (x: number, y: number) => GridPlace | null): void {
		const drag = this.#drag;
		if (!drag || drag.pointerId !== event.pointerId) return;
		drag.dx = event.clientX - drag.startX;
		drag.dy = event.clientY - drag.startY;
		drag.over = cellAt(event.clientX, event.clientY);
	}

	/** Drops the chip on the cell under the pointer, if any; true when it moved someone. */
	endDrag(event: PointerEvent): boolean {
		const drag = this.#drag;
		if (!drag || drag.pointerId !== event.pointerId) return false;
		this.#drag = null;
		const person = this.#view.people.find((candidate) => candidate.id === drag.personId);
		// A press without a move is a click, not a drop.
		if (!person || !drag.over || Math.hypot(drag.dx, drag.dy) < 4) return false;
		const place = placeOf(person);
		if (place && gridCellKey(place) === gridCellKey(drag.over)) return false;
		this.place(person, drag.over);
		return true;
	}

	/** Abandons a drag (pointer cancelled, Escape). */
	cancelDrag(): void {
		this.#drag = null;
	}
}
