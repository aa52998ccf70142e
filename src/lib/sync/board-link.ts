import { isBoardId, isKeyShaped } from './keys.ts';

/** A board link taken apart: the board id and the fragment that carries its key. */
export interface ParsedBoardLink {
	boardId: string;
	fragment: `#edit=${string}` | `#view=${string}`;
}

/**
 * Reads a pasted board link (`…/b/<id>#edit=<key>` or `#view=<key>`, from any host, since a
 * team may share links of another Charter server's address), or null when it is not one.
 */
export function parseBoardLink(text: string): ParsedBoardLink | null {
	let url: URL;
	try {
		url = new URL(text.trim(), 'http://charter.invalid');
	} catch {
		return null;
	}
	const match = /\/b\/([^/]+)\/?/.exec(url.pathname);
	const boardId = match?.[1];
	if (!boardId || !isBoardId(boardId)) return null;
	const params = new URLSearchParams(url.hash.slice(1));
	const edit = params.get('edit');
	const view = params.get('view');
	if (edit && isKeyShaped(edit)) return { boardId, fragment: `#edit=${edit}` };
	if (view && isKeyShaped(view)) return { boardId, fragment: `#view=${view}` };
	return null;
}
