import { tick } from 'svelte';
import { neighbourAfterRemoval } from '$lib/board/views/list-order.ts';
import type { EditableList } from './editable-list.svelte.ts';

/** The element id of a row's menu button, so focus can find the row again after a re-render. */
export function rowMenuId(itemId: string): string {
	return `row-menu-${itemId}`;
}

/** Puts the focus on the menu button of the row of `itemId`; returns whether it was there. */
export function focusRowMenu(itemId: string | null): boolean {
	const button = itemId ? document.getElementById(rowMenuId(itemId)) : null;
	button?.focus();
	return !!button;
}

/**
 * Deletes `item` from `list` and puts the focus where the deleted row was: on the menu button of
 * the row that takes its place (the next one, or the one before when it was last), or, when the
 * list is left empty, in the section's add field. `from` is an element of the row, found before
 * the row goes.
 */
export async function removeAndRefocus<Entity extends { id: string }, Patch>(
	list: EditableList<Entity, Patch>,
	item: Entity,
	from: Element | null | undefined
): Promise<void> {
	const neighbour = neighbourAfterRemoval(list.shown, item.id);
	const section = from?.closest('section');
	list.remove(item);
	await tick();
	if (focusRowMenu(neighbour)) return;
	section?.querySelector<HTMLElement>('[data-new-item]')?.focus();
}

/** Takes back the deletion offered in `list`'s notice, and focuses the row it brings back. */
export async function undoAndRefocus<Entity extends { id: string }, Patch>(
	list: EditableList<Entity, Patch>
): Promise<void> {
	const restored = list.undoDelete();
	await tick();
	focusRowMenu(restored);
}
