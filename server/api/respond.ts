import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Capability } from '../../src/lib/sync/keys.ts';

/** Sends a small JSON answer with no caching. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
	res.end(JSON.stringify(body));
}

/** Answers 401 (no or wrong key) or 403 (a view key where an edit key is needed). */
export function refuse(res: ServerResponse, capability: Capability | null): void {
	if (capability === null) {
		res.setHeader('www-authenticate', 'Bearer');
		sendJson(res, 401, {
			error: 'a valid key of this board is required (Authorization: Bearer <key>)'
		});
	} else {
		sendJson(res, 403, { error: 'this needs the edit key of the board' });
	}
}

/**
 * The guard of a read that either key may make (an export, one status update): only GET and
 * HEAD (405 otherwise, naming `what`), and a key of the board (401). True when it answered.
 */
export function refuseUnlessRead(
	req: IncomingMessage,
	res: ServerResponse,
	capability: Capability | null,
	what: string
): boolean {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('allow', 'GET, HEAD');
		sendJson(res, 405, { error: `only GET reads ${what}` });
		return true;
	}
	if (capability === null) {
		refuse(res, capability);
		return true;
	}
	return false;
}
