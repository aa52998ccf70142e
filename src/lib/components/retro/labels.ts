import type { RetroGroup } from '$lib/board/retro/index.ts';

/** Shortens user text for a control's name or an option, on a word boundary where it can. */
export function shorten(text: string, max = 60): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** How a group is called in controls: its name, or its first card's text. */
export function groupLabel(group: RetroGroup): string {
	return group.name || shorten(group.cards[0]?.text ?? '');
}

/** "1 vote", "3 votes". */
export function votesText(count: number): string {
	return `${count} ${count === 1 ? 'vote' : 'votes'}`;
}
