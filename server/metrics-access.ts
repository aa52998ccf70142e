import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.ts';

/** Who may read /metrics (METRICS_TOKEN, METRICS_PORT). */
export interface MetricsAccess {
	/** When set, a request must carry `Authorization: Bearer <token>`. */
	token?: string;
	/** True when /metrics is served on a loopback-only port of its own, never on the main one. */
	separatePort: boolean;
}

/** The path Prometheus scrapes. */
export const METRICS_PATH = '/metrics';

/** True when a request asks for the metrics. */
export function isMetricsRequest(req: IncomingMessage): boolean {
	return req.url?.split('?')[0] === METRICS_PATH;
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
	if (!match) return false;
	const given = Buffer.from(match[1]!);
	const expected = Buffer.from(token);
	// Compared in constant time, so the answer's timing says nothing about the token.
	return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(res: ServerResponse, status: 401 | 404 | 500, message: string): void {
	const headers: Record<string, string> = {
		'content-type': 'text/plain; charset=utf-8',
		'cache-control': 'no-store'
	};
	if (status === 401) headers['www-authenticate'] = 'Bearer realm="metrics"';
	res.writeHead(status, headers);
	res.end(`${message}\n`);
}

/**
 * Lets a /metrics request on the main port through (true), or answers it: 404 when the metrics
 * live on their own loopback port, 401 when a token is required and missing or wrong.
 */
export function admitMetrics(
	access: MetricsAccess,
	req: IncomingMessage,
	res: ServerResponse
): boolean {
	if (access.separatePort) {
		refuse(res, 404, 'not found');
		return false;
	}
	return admitMetricsToken(access, req, res);
}

function admitMetricsToken(
	access: MetricsAccess,
	req: IncomingMessage,
	res: ServerResponse
): boolean {
	if (access.token === undefined || bearerMatches(req, access.token)) return true;
	refuse(res, 401, 'metrics need Authorization: Bearer <METRICS_TOKEN>');
	return false;
}

/** A listening loopback-only metrics server. */
export interface MetricsServer {
	readonly port: number;
	close(): Promise<void>;
}

/**
 * Serves /metrics (and nothing else) on 127.0.0.1 at `port`: only processes on this machine can
 * reach it, whatever proxy forwards the main port. A token, when set, is required here too.
 */
export async function startMetricsServer(
	port: number,
	metrics: Metrics,
	access: MetricsAccess
): Promise<MetricsServer> {
	const server: Server = createServer((req, res) => {
		if (!isMetricsRequest(req) || (req.method !== 'GET' && req.method !== 'HEAD')) {
			return refuse(res, 404, 'not found');
		}
		if (!admitMetricsToken(access, req, res)) return;
		metrics.registry.metrics().then(
			(text) => {
				res.writeHead(200, {
					'content-type': metrics.registry.contentType,
					'cache-control': 'no-store'
				});
				res.end(req.method === 'HEAD' ? undefined : text);
			},
			() => refuse(res, 500, 'metrics unavailable')
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		port: (server.address() as AddressInfo).port,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
