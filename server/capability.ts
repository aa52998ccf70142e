import { createHash } from 'node:crypto';
import { isBoardId, isKeyShaped, type Capability } from '../src/lib/sync/keys.ts';

const VIEW_LABEL = Buffer.from('charter/view\0');
const BOARD_LABEL = Buffer.from('charter/board\0');
const BOARD_ID_LENGTH = 22;

// The derivations of src/lib/sync/keys.ts (DESIGN.md §4) with node:crypto: synchronous and some
// fifty times cheaper per upgrade than WebCrypto's promise-per-digest, which matters when
// upgrades come in floods. tests/server/capability.test.ts holds the two to the same results.
function labelledDigest(label: Buffer, keyText: string): string {
	return createHash('sha256')
		.update(label)
		.update(Buffer.from(keyText, 'base64url'))
		.digest('base64url');
}

/**
 * What `key` grants on `boardId`: 'edit' for its edit key, 'view' for its view key, null
 * otherwise (keys of the wrong shape included). Same answer as keys.ts's capabilityFor.
 */
export function capabilityOf(boardId: string, key: string): Capability | null {
	if (!isBoardId(boardId) || !isKeyShaped(key)) return null;
	if (labelledDigest(BOARD_LABEL, key).slice(0, BOARD_ID_LENGTH) === boardId) return 'view';
	const viewKey = labelledDigest(VIEW_LABEL, key);
	if (labelledDigest(BOARD_LABEL, viewKey).slice(0, BOARD_ID_LENGTH) === boardId) return 'edit';
	return null;
}
