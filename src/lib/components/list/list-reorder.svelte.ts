import {
	dropIndex,
	dropSpot,
	positionOf,
	stepIndex,
	type Listed
} from '$lib/board/views/list-order.ts';

/** Where a dragged item would land, drawn as a line on one edge of another item. */
export type DropEdge = 'before' | 'after' | null;

/** What a hand-ordered list tells its reorder. */
export interface ReorderOptions {
	/** Every item, in board order. */
	items(): readonly Listed[];
	/** The items shown, in order, when a filter hides some; `items` otherwise. */
	shown?(): readonly Listed[];
	/** The board's move command: puts `id` at `index` of the whole list. */
	move(id: string, index: number): void;
	/** Names an item in announcements. */
	name(id: string): string;
	/** Says a move, or why it cannot be made, to screen readers through the list's live region. */
	announce(message: string): void;
	/** Why moving by hand is off now (e.g. the list is sorted by score), or '' when it is on. */
	blocked?(): string;
	/** A drop outside the list, on `element` (a heat-map cell); returns whether it was taken. */
	dropOutside?(id: string, element: Element): boolean;
}

interface Drag {
	readonly id: string;
	readonly startY: number;
	readonly list: HTMLElement;
	/** The pointer moved far enough to be a drag rather than a click. */
	moved: boolean;
}

/** The element id of an item's handle, so focus can find it again after the list re-renders. */
export function handleId(itemId: string): string {
	return `reorder-${itemId}`;
}

/** Pixels the pointer travels before a press on a handle becomes a drag. */
const DRAG_THRESHOLD = 4;

/**
 * Moving the items of a hand-ordered list (people, RACI tasks, risks, actions): by pointer
 * (mouse, pen, touch) from an item's handle, and by keyboard (Alt+↑ / Alt+↓ on the handle, Move
 * up / Move down in the row's menu), each keyboard move announced. The list marks itself
 * `data-reorder-list` and each item on screen `data-reorder-item={id}`, so a windowed table that
 * renders only some rows works the same. The move itself is the board's command, so concurrent
 * moves converge as its ordering rules say.
 */
export class ListReorder {
	readonly #options: ReorderOptions;
	#drag = $state<Drag | null>(null);
	#target = $state<{ readonly id: string; readonly after: boolean } | null>(null);
	#over = $state.raw<Element | null>(null);
	#offset = $state(0);

	constructor(options: ReorderOptions) {
		this.#options = options;
	}

	/** The id of the item being dragged, or null. */
	get draggingId(): string | null {
		return this.#drag?.moved ? this.#drag.id : null;
	}

	/** How far (px) the dragged item follows the pointer from where it was picked up. */
	get offset(): number {
		return this.#offset;
	}

	/** The element under the pointer while dragging, for drop targets outside the list. */
	get over(): Element | null {
		return this.#over;
	}

	/** Which edge of the item `id` shows the drop line while dragging. */
	dropEdge(id: string): DropEdge {
		const target = this.#target;
		if (!this.draggingId || target?.id !== id) return null;
		return target.after ? 'after' : 'before';
	}

	/** Starts a drag from the handle of the item `id`. */
	start(event: PointerEvent, id: string): void {
		if (event.button !== 0) return;
		const handle = event.currentTarget as HTMLElement;
		const list = handle.closest<HTMLElement>('[data-reorder-list]');
		if (!list) return;
		event.preventDefault();
		handle.setPointerCapture(event.pointerId);
		this.#drag = { id, startY: event.clientY, list, moved: false };
		this.#target = null;
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
		// The handle holds the pointer, so the element under it is found by position.
		this.#over = document.elementFromPoint(event.clientX, event.clientY);
		const inList = !!this.#over && drag.list.contains(this.#over);
		this.#target = inList && !this.#blocked() ? targetOf(drag, event.clientY) : null;
	}

	/** Drops the item where it would land: in the list, or on a target outside it. */
	finish(): void {
		const drag = this.#drag;
		const target = this.#target;
		const over = this.#over;
		this.cancel();
		if (!drag?.moved) return;
		swallowClickOfThisRelease();
		if (target) return this.#dropOn(drag.id, target.id, target.after);
		if (over && !drag.list.contains(over)) this.#options.dropOutside?.(drag.id, over);
	}

	/** Abandons a drag (Escape, or the pointer was taken away). */
	cancel(): void {
		this.#drag = null;
		this.#target = null;
		this.#over = null;
		this.#offset = 0;
	}

	/** Whether the item could move one place up (-1) or down (+1) now: not blocked, not at that end. */
	canStep(id: string, delta: -1 | 1): boolean {
		if (this.#blocked()) return false;
		const items = this.#options.items();
		return stepIndex(items, this.#options.shown?.() ?? items, id, delta) !== null;
	}

	/** Moves an item one place up (-1) or down (+1) among those shown; returns whether it moved. */
	step(id: string, delta: -1 | 1): boolean {
		const blocked = this.#blocked();
		if (blocked) {
			this.#options.announce(blocked);
			return false;
		}
		const items = this.#options.items();
		const index = stepIndex(items, this.#options.shown?.() ?? items, id, delta);
		if (index === null) return false;
		this.#move(id, index);
		return true;
	}

	#dropOn(id: string, targetId: string, after: boolean): void {
		const index = dropIndex(this.#options.items(), id, targetId, after);
		if (index !== null) this.#move(id, index);
	}

	#move(id: string, index: number): void {
		this.#options.move(id, index);
		const items = this.#options.items();
		const position = positionOf(items, id);
		if (position === 0) return;
		const name = this.#options.name(id);
		this.#options.announce(`${name} moved to position ${position} of ${items.length}.`);
	}

	#blocked(): string {
		return this.#options.blocked?.() ?? '';
	}
}

/**
 * A mouse released after a drag still clicks the handle, which would pick the item up (a risk on
 * the heat map). That click comes in the same task as the pointerup that ends the drag, so a
 * listener for it, added now and removed once the task is done, takes that click and no other.
 */
function swallowClickOfThisRelease(): void {
	const swallow = (event: MouseEvent) => {
		event.stopPropagation();
		event.preventDefault();
	};
	window.addEventListener('click', swallow, { capture: true, once: true });
	setTimeout(() => window.removeEventListener('click', swallow, { capture: true }));
}

/** The item the dragged one would land beside, from the items on screen and the pointer. */
function targetOf(drag: Drag, pointerY: number): { id: string; after: boolean } | null {
	const items = [...drag.list.querySelectorAll<HTMLElement>('[data-reorder-item]')];
	const from = items.findIndex((item) => item.dataset.reorderItem === drag.id);
	if (from === -1) return null;
	const middles = items.map((item) => {
		const box = item.getBoundingClientRect();
		return box.top + box.height / 2;
	});
	const spot = dropSpot(middles, from, pointerY);
	const id = spot && items[spot.at]?.dataset.reorderItem;
	return spot && id ? { id, after: spot.after } : null;
}
