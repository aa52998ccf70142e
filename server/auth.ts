import type { IncomingMessage } from 'node:http';
import { isBoardId, type Capability } from '../src/lib/sync/keys.ts';
import { capabilityOf } from './capability.ts';
import type { RejectReason } from './metrics.ts';
import { KEY_PROTOCOL_PREFIX, PROTOCOL } from './sync/protocol.ts';

/** Path prefix of the websocket endpoint; the board id follows it. */
export const SYNC_PATH = '/sync/';

/** The outcome of checking an upgrade request before any socket exists. */
export type UpgradeDecision =
	| { ok: true; boardId: string; capability: Capability }
	| { ok: false; status: 400 | 401 | 403; reason: RejectReason; message: string };

/** The board id of a sync request path, or null when the path is not `/sync/<boardId>`. */
export function boardIdFromPath(url: string | undefined): string | null {
	const pathname = (url ?? '').split('?')[0]!;
	if (!pathname.startsWith(SYNC_PATH)) return null;
	const boardId = pathname.slice(SYNC_PATH.length);
	return isBoardId(boardId) ? boardId : null;
}

/** The subprotocols a client offered, in order. */
export function offeredProtocols(req: IncomingMessage): string[] {
	const header = req.headers['sec-websocket-protocol'];
	if (!header) return [];
	return header
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
	const origin = req.headers.origin;
	// Browsers always send Origin on websocket upgrades; other clients are judged by key alone.
	if (origin === undefined) return true;
	if (allowedOrigins.includes(origin)) return true;
	try {
		return new URL(origin).host === req.headers.host;
	} catch {
		return false;
	}
}

/**
 * Decides whether an upgrade to `/sync/<boardId>` may proceed, and with which capability:
 * the origin must be the server's own or an allowed one, the client must offer `charter.v1`,
 * and the `key.<key>` it offers must be the board's edit or view key.
 */
export function authorizeUpgrade(
	req: IncomingMessage,
	allowedOrigins: readonly string[]
): UpgradeDecision {
	const boardId = boardIdFromPath(req.url);
	if (!boardId) {
		return { ok: false, status: 400, reason: 'bad_path', message: 'expected /sync/<board id>' };
	}
	if (!originAllowed(req, allowedOrigins)) {
		return { ok: false, status: 403, reason: 'forbidden_origin', message: 'origin not allowed' };
	}
	const protocols = offeredProtocols(req);
	const keyEntry = protocols.find((entry) => entry.startsWith(KEY_PROTOCOL_PREFIX));
	if (!keyEntry) return { ok: false, status: 401, reason: 'no_key', message: 'key required' };
	if (!protocols.includes(PROTOCOL)) {
		return { ok: false, status: 400, reason: 'bad_protocol', message: `offer ${PROTOCOL}` };
	}
	const capability = capabilityOf(boardId, keyEntry.slice(KEY_PROTOCOL_PREFIX.length));
	if (!capability) return { ok: false, status: 401, reason: 'bad_key', message: 'invalid key' };
	return { ok: true, boardId, capability };
}
