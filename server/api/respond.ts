import type { ServerResponse } from 'node:http';
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
