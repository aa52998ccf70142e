import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isBoardId, type Capability } from '../../src/lib/sync/keys.ts';
import type { Metrics } from '../metrics.ts';
import type { QuotaLimits } from '../quotas.ts';
import type { Store } from '../store/store.ts';
import type { RoomRegistry } from '../sync/rooms.ts';
import { bearerCapability } from './board-auth.ts';
import { sendJson } from './respond.ts';
import type { RecentVersionRefusals } from './version-quota.ts';
import { versionsApi } from './versions.ts';
import { serveExport } from './export.ts';
import { serveUpdateExport } from './update-export.ts';

/** What a board API handler works with. */
export interface BoardApiContext {
	req: IncomingMessage;
	res: ServerResponse;
	boardId: string;
	/** The path after `/api/boards/<id>/`, e.g. `export.md` or `versions/abc`. */
	rest: string;
	/** What the request's bearer key grants; handlers decide what they require. */
	capability: Capability | null;
	store: Store;
	rooms: RoomRegistry;
	logger: Logger;
	metrics: Metrics;
	/** How many versions a board may keep and save (see version-quota.ts). */
	quotas: QuotaLimits;
	/** Boards recently refused a version: refused again at once, at little cost. */
	versionRefusals: RecentVersionRefusals;
}

/**
 * A handler of some `/api/boards/<id>/…` paths: returns false when the path is not its own, so
 * the next handler is asked; otherwise it answers the request (and may reject with an error,
 * which becomes a 500 without details).
 */
export type BoardApiHandler = (context: BoardApiContext) => boolean | Promise<boolean>;

/** Handlers of the board API, asked in order. Each feature adds its own module here. */
const HANDLERS: readonly BoardApiHandler[] = [serveExport, serveUpdateExport, versionsApi];

const BOARD_API = /^\/api\/boards\/([^/]+)\/(.+)$/;

/** Serves `/api/boards/<id>/…` through HANDLERS; returns false for any other path. */
export function serveBoardApi(
	req: IncomingMessage,
	res: ServerResponse,
	deps: Pick<
		BoardApiContext,
		'store' | 'rooms' | 'logger' | 'metrics' | 'quotas' | 'versionRefusals'
	>
): boolean {
	const path = req.url?.split('?')[0] ?? '';
	const match = BOARD_API.exec(path);
	if (!match) return false;
	const boardId = match[1]!;
	if (!isBoardId(boardId)) {
		sendJson(res, 404, { error: 'no such board' });
		return true;
	}
	const context: BoardApiContext = {
		req,
		res,
		boardId,
		rest: match[2]!,
		capability: bearerCapability(req, boardId),
		...deps
	};
	void (async () => {
		for (const handler of HANDLERS) if (await handler(context)) return;
		sendJson(res, 404, { error: 'not found' });
	})().catch((error: unknown) => {
		deps.logger.error({ err: error, boardId }, 'board API request failed');
		if (!res.headersSent) sendJson(res, 500, { error: 'the request failed; see the server log' });
		else res.destroy();
	});
	return true;
}
