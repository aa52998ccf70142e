import { capabilityFor, isBoardId, isKeyShaped } from './keys.ts';

/** A board link taken apart: the board id and the fragment that carries its key. */
export interface ParsedBoardLink {
	boardId: string;
	fragment: `#edit=${string}` | `#view=${string}`;
}

/** What can be wrong with text pasted as a board link, named once. */
export const BOARD_LINK_PROBLEMS = [
	'empty',
	'not-a-link',
	'no-key',
	'bad-key',
	'wrong-key'
] as const;

/** What is wrong with text pasted as a board link. */
export type BoardLinkProblem = (typeof BOARD_LINK_PROBLEMS)[number];

/** A pasted board link read: the link, or what is wrong with it. */
export type BoardLinkReading =
	{ ok: true; link: ParsedBoardLink } | { ok: false; problem: BoardLinkProblem };

/** What to tell someone whose pasted link has `problem`, in one or two plain sentences. */
export const BOARD_LINK_PROBLEM_TEXT: Readonly<Record<BoardLinkProblem, string>> = {
	empty: 'Paste the board link first.',
	'not-a-link': 'Paste a whole board link: it looks like https://…/b/…#edit=… or #view=….',
	'no-key':
		'This link has no key: it is a board’s address, not a link to share. Ask for the edit or view link; it ends with #edit=… or #view=….',
	'bad-key': 'The key in this link is cut short or mistyped. Copy the whole link again.',
	'wrong-key': 'The key in this link does not belong to its board. Ask for the link again.'
};

/**
 * Reads a pasted board link (`…/b/<id>#edit=<key>` or `#view=<key>`, from any host, since a
 * team may share links of another Charter server's address) and says what is wrong when it is
 * not one. Checks shapes only; `checkBoardLink` also checks that the key opens the board.
 */
export function readBoardLink(text: string): BoardLinkReading {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, problem: 'empty' };
	let url: URL;
	try {
		url = new URL(trimmed, 'http://charter.invalid');
	} catch {
		return { ok: false, problem: 'not-a-link' };
	}
	const boardId = /\/b\/([^/]+)\/?/.exec(url.pathname)?.[1];
	if (!boardId || !isBoardId(boardId)) return { ok: false, problem: 'not-a-link' };
	const params = new URLSearchParams(url.hash.slice(1));
	const edit = params.get('edit');
	const view = params.get('view');
	if (edit === null && view === null) return { ok: false, problem: 'no-key' };
	if (edit && isKeyShaped(edit)) return { ok: true, link: { boardId, fragment: `#edit=${edit}` } };
	if (view && isKeyShaped(view)) return { ok: true, link: { boardId, fragment: `#view=${view}` } };
	return { ok: false, problem: 'bad-key' };
}

/** Reads a pasted board link, or null when it is not one (see readBoardLink). */
export function parseBoardLink(text: string): ParsedBoardLink | null {
	const reading = readBoardLink(text);
	return reading.ok ? reading.link : null;
}

/**
 * Reads a pasted board link and checks, offline, that its key opens its board (the board id is
 * derived from the key), so a link that cannot work is refused with a reason before it is opened.
 */
export async function checkBoardLink(text: string): Promise<BoardLinkReading> {
	const reading = readBoardLink(text);
	if (!reading.ok) return reading;
	const key = reading.link.fragment.slice(reading.link.fragment.indexOf('=') + 1);
	const capability = await capabilityFor(reading.link.boardId, key);
	return capability ? reading : { ok: false, problem: 'wrong-key' };
}
