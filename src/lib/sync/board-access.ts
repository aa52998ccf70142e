import { capabilityFor, deriveViewKey, type Capability } from './keys.ts';
import { getKnownBoard } from './local-boards.ts';

/** The rights this browser holds on a board and the keys behind them. */
export interface BoardAccess {
	boardId: string;
	capability: Capability;
	/** The key the connection presents: the edit key when we have it, else the view key. */
	key: string;
	editKey: string | null;
	viewKey: string;
}

/** Why a board cannot be opened. */
export type BoardAccessProblem = 'invalid-link' | 'no-key';

/** Reads `#edit=<key>` or `#view=<key>` from an address fragment. */
export function keyFromFragment(hash: string): string | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	return params.get('edit') ?? params.get('view');
}

/**
 * Works out what this browser may do on a board: from the link's fragment when it carries a
 * key (checked against the board id, offline), else from the keys remembered for the board.
 */
export async function resolveBoardAccess(
	boardId: string,
	hash: string
): Promise<BoardAccess | BoardAccessProblem> {
	const linkKey = keyFromFragment(hash);
	if (linkKey !== null) {
		const capability = await capabilityFor(boardId, linkKey);
		if (!capability) return 'invalid-link';
		const known = await getKnownBoard(boardId).catch(() => undefined);
		if (capability === 'view' && known?.editKey) {
			const { editKey, viewKey } = known;
			return { boardId, capability: 'edit', key: editKey, editKey, viewKey };
		}
		if (capability === 'edit') {
			const viewKey = await deriveViewKey(linkKey);
			return { boardId, capability, key: linkKey, editKey: linkKey, viewKey };
		}
		return { boardId, capability, key: linkKey, editKey: null, viewKey: linkKey };
	}
	const known = await getKnownBoard(boardId).catch(() => undefined);
	if (!known) return 'no-key';
	const capability = known.editKey ? 'edit' : 'view';
	return {
		boardId,
		capability,
		key: known.editKey ?? known.viewKey,
		editKey: known.editKey,
		viewKey: known.viewKey
	};
}
