import type { IncomingMessage } from 'node:http';
import type { Capability } from '../../src/lib/sync/keys.ts';
import { capabilityOf } from '../capability.ts';

/**
 * What the `Authorization: Bearer <key>` header of an HTTP request grants on `boardId`: 'edit'
 * for the board's edit key, 'view' for its view key, null for anything else (no header, another
 * scheme, a key of another board). Keys never appear in logs: only the outcome is returned.
 */
export function bearerCapability(req: IncomingMessage, boardId: string): Capability | null {
	const header = req.headers.authorization;
	if (!header) return null;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match ? capabilityOf(boardId, match[1]!) : null;
}
