import type { SinceChange } from '$lib/board/diff/since.ts';

const names = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const moment = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	hour: 'numeric',
	minute: '2-digit'
});

/** Who made a change, in words: "Ada", "Ada and Grace", "Ada, Grace and someone". */
export function authorsText(change: Pick<SinceChange, 'authors'>): string {
	const [first = '', ...rest] = change.authors;
	// "someone" opens a sentence with a capital.
	return names.format([first.charAt(0).toUpperCase() + first.slice(1), ...rest]);
}

/** When the board was last shown, as people say it: "Mon 7 Dec, 14:02". */
export function sinceText(at: number): string {
	return moment.format(new Date(at));
}

/** How many people changed how much, for the panel's line and its announcement. */
export function summaryText(changes: readonly SinceChange[]): string {
	const authors = [...new Set(changes.flatMap((change) => change.authors))];
	const count = `${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`;
	return `${count} by ${names.format(authors)}`;
}
