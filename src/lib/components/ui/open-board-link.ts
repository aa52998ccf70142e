import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { ParsedBoardLink } from '$lib/sync/board-link.ts';

/**
 * Opens a board link in this tab. On a page of the same board only the fragment changes, as when
 * the link is pasted into the address bar: the board layout follows the new key without a
 * reload. Another board is navigated to.
 */
export async function openBoardLink(link: ParsedBoardLink): Promise<void> {
	const path = resolve('/b/[id]', { id: link.boardId });
	if (location.pathname === path || location.pathname.startsWith(`${path}/`)) {
		location.hash = link.fragment;
		return;
	}
	// The resolved board path plus the fragment that carries the key.
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	await goto(path + link.fragment);
}
