/** Where a dragged item would land, drawn as a line on one edge of the item at `index`. */
export type DropEdge = 'before' | 'after' | null;

interface Drag {
	readonly id: string;
	readonly from: number;
	readonly startY: number;
	readonly list: HTMLElement;
	/** The pointer moved far enough to be a drag rather than a click. */
	moved: boolean;
}

/** Pixels the pointer travels before a press on a handle becomes a drag. */
const DRAG_THRESHOLD = 4;

/**
 * Drag-to-reorder of a vertical list (or table body), by pointer (mouse, pen, touch) on a
 * handle and by keyboard (Up and Down on the handle), announcing each keyboard move. The list
 * marks itself `data-reorder-list` and each item `data-reorder-item`; the move itself is the
 * caller's command, so concurrent moves converge as the board's ordering rules say.
 */
export class ListReorder {
	readonly #move: (id: string, index: number) => void;
	#drag = $state<Drag | null>(null);
	#target = $state<number | null>(null);
	#offset = $state(0);
	#announcement = $state('');

	constructor(move: (id: string, index: number) => void) {
		this.#move = move;
	}

	/** The id of the item being dragged, or null. */
	get draggingId(): string | null {
		return this.#drag?.moved ? this.#drag.id : null;
	}

	/** How far (px) the dragged item follows the pointer from where it was picked up. */
	get offset(): number {
		return this.#offset;
	}

	/** The last keyboard move, in words, for a polite live region. */
	get announcement(): string {
		return this.#announcement;
	}

	/** Which edge of the item at `index` shows the drop line while dragging. */
	dropEdge(index: number): DropEdge {
		const drag = this.#drag;
		const target = this.#target;
		if (!drag?.moved || target === null || target === drag.from || index !== target) return null;
		return target < drag.from ? 'before' : 'after';
	}

	/** Starts a drag from a handle of the item `id` at `index`. */
	start(event: PointerEvent, id: string, index: number): void {
		if (event.button !== 0) return;
		const handle = event.currentTarget as HTMLElement;
		const list = handle.closest<HTMLElement>('[data-reorder-list]');
		if (!list) return;
		event.preventDefault();
		handle.setPointerCapture(event.pointerId);
		this.#drag = { id, from: index, startY: event.clientY, list, moved: false };
		this.#target = index;
		this.#offset = 0;
	}

	/** Follows the pointer and works out where the item would land. */
	track(event: PointerEvent): void {
		const drag = this.#drag;
		if (!drag) return;
		const offset = event.clientY - drag.startY;
		if (!drag.moved && Math.abs(offset) < DRAG_THRESHOLD) return;
		drag.moved = true;
		this.#offset = offset;
		this.#target = targetIndex(drag.list, drag.from, event.clientY);
	}

	/** Drops the item where it would land. */
	finish(): void {
		const drag = this.#drag;
		const target = this.#target;
		this.cancel();
		if (drag?.moved && target !== null && target !== drag.from) this.#move(drag.id, target);
	}

	/** Abandons a drag (Escape, or the pointer was taken away). */
	cancel(): void {
		this.#drag = null;
		this.#target = null;
		this.#offset = 0;
	}

	/**
	 * Moves an item one place up (-1) or down (+1) from the keyboard; `label` names it in the
	 * announcement. Returns whether it moved.
	 */
	step(id: string, index: number, count: number, delta: -1 | 1, label: string): boolean {
		const to = index + delta;
		if (to < 0 || to >= count) return false;
		this.#move(id, to);
		this.#announcement = `${label} moved to position ${to + 1} of ${count}.`;
		return true;
	}
}

/** The index the dragged item takes: how many other items' middles are above the pointer. */
function targetIndex(list: HTMLElement, from: number, pointerY: number): number {
	const items = [...list.querySelectorAll<HTMLElement>('[data-reorder-item]')];
	let index = 0;
	items.forEach((item, position) => {
		if (position === from) return;
		const box = item.getBoundingClientRect();
		if (box.top + box.height / 2 < pointerY) index++;
	});
	return index;
}
