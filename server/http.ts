import { existsSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { DependencyMonitor } from './health.ts';
import type { Metrics } from './metrics.ts';
import { serveBoardApi } from './api/routes.ts';
import { RecentVersionRefusals } from './api/version-quota.ts';
import { DEFAULT_QUOTA_LIMITS, type QuotaLimits } from './quotas.ts';
import type { Store } from './store/store.ts';
import type { RoomRegistry } from './sync/rooms.ts';

/** A connect-style handler, as adapter-node's `handler` and Vite's middlewares are. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** What the HTTP routes read from. */
export interface HttpDeps {
	store: Store;
	metrics: Metrics;
	logger: Logger;
	/** The boards in memory, so the board API reads what peers see, not only what is stored. */
	rooms: RoomRegistry;
	/** Checks the store and the bus for /healthz. */
	health: DependencyMonitor;
	/** Quotas of the board API (versions); the defaults when absent. */
	quotas?: QuotaLimits;
}

const BUILT_HANDLER = fileURLToPath(new URL('../build/handler.js', import.meta.url));

/** Loads the built SvelteKit app (adapter-node's handler), or null when it was not built. */
export async function loadAppHandler(): Promise<Middleware | null> {
	if (!existsSync(BUILT_HANDLER)) return null;
	const module = (await import(pathToFileURL(BUILT_HANDLER).href)) as { handler: Middleware };
	return module.handler;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
	res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
	res.end(body);
}

/**
 * Serves `/healthz`, `/metrics`, `/api/time` and the board API (`/api/boards/<id>/…`); calls
 * `next` for every other path.
 */
export function serviceRoutes(deps: HttpDeps): Middleware {
	const { store, metrics, logger, rooms, health, quotas = DEFAULT_QUOTA_LIMITS } = deps;
	const versionRefusals = new RecentVersionRefusals();
	const api = { store, rooms, logger, metrics, quotas, versionRefusals };
	return (req, res, next) => {
		const path = req.url?.split('?')[0];
		if (serveBoardApi(req, res, api)) return;
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		if (path === '/healthz') {
			// 200 only when the store and the bus both answer; the body says which is which.
			health.check().then(
				(report) =>
					send(res, report.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(report)),
				() => send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable' }))
			);
		} else if (path === '/api/time') {
			// Clients measure their clock's offset against this to show one shared countdown.
			send(res, 200, 'application/json', JSON.stringify({ now: Date.now() }));
		} else if (path === '/metrics') {
			metrics.registry.metrics().then(
				(text) => send(res, 200, metrics.registry.contentType, text),
				() => send(res, 500, 'text/plain; charset=utf-8', 'metrics unavailable\n')
			);
		} else {
			next();
		}
	};
}

/** The production request listener: service routes, then the SvelteKit app. */
export function requestListener(deps: HttpDeps, app: Middleware | null): RequestListener {
	const routes = serviceRoutes(deps);
	const notFound = (res: ServerResponse) => () => send(res, 404, 'text/plain', 'not found\n');
	return (req, res) =>
		routes(req, res, () => {
			if (app) return app(req, res, notFound(res));
			send(res, 503, 'text/plain; charset=utf-8', 'The app is not built: run `npm run build`.\n');
		});
}
