import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateBoardKeys, type BoardKeys } from '../../../src/lib/sync/keys.ts';
import { expectConfigRefused } from '../../helpers/config-refusal.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { freePort, removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';

/** A GET with a Host header of our choosing, as a rebound page's request arrives. */
function getWithHost(
	port: number,
	path: string,
	host: string,
	headers: Record<string, string> = {}
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

/** The status an upgrade gets with the given Host and Origin. */
function upgradeWithHost(url: string, key: string, host: string, origin: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, ['charter.v1', `key.${key}`], {
			headers: { host, origin }
		});
		socket.once('open', () => {
			resolve(101);
			socket.close();
		});
		socket.once('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			socket.terminate();
		});
		socket.once('error', reject);
	});
}

describe('DNS rebinding: the Host allowlist', () => {
	let server: TestServer;
	let keys: BoardKeys;
	beforeAll(async () => {
		server = await startServer({ env: { ALLOWED_HOSTS: 'charter.example, *.example.org' } });
		keys = await generateBoardKeys();
	});
	afterAll(async () => {
		await server.kill();
		removeDataDir(server.dataDir);
	});

	it('refuses an HTTP request for a name the server does not have with 421 and a clear body', async () => {
		const before = await metricValue(server, 'charter_rejected_total', {
			reason: 'forbidden_host'
		});
		for (const path of ['/', '/healthz', '/metrics', `/api/boards/${keys.boardId}/export.md`]) {
			const answer = await getWithHost(server.port, path, `evil.example:${server.port}`, {
				authorization: `Bearer ${keys.viewKey}`
			});
			expect(answer.status, path).toBe(421);
			expect(answer.body).toContain('ALLOWED_HOSTS');
		}
		expect(await metricValue(server, 'charter_rejected_total', { reason: 'forbidden_host' })).toBe(
			before + 4
		);
	});

	it('refuses a rebound websocket upgrade whose Origin matches its Host, even with a valid key', async () => {
		const url = `${server.syncUrl}/${keys.boardId}`;
		const status = await upgradeWithHost(
			url,
			keys.editKey,
			`evil.example:${server.port}`,
			`http://evil.example:${server.port}`
		);
		expect(status).toBe(421);
	});

	it('answers its own names: loopback, localhost, its addresses and ALLOWED_HOSTS entries', async () => {
		for (const host of [
			`127.0.0.1:${server.port}`,
			`localhost:${server.port}`,
			`[::1]:${server.port}`,
			'charter.example',
			`CHARTER.EXAMPLE.:${server.port}`,
			'boards.example.org'
		]) {
			expect((await getWithHost(server.port, '/healthz', host)).status, host).toBe(200);
		}
		const url = `${server.syncUrl}/${keys.boardId}`;
		expect(
			await upgradeWithHost(url, keys.editKey, 'charter.example', 'http://charter.example')
		).toBe(101);
	});

	it('refuses malformed Host headers and look-alike names', async () => {
		for (const host of [
			'example.org',
			'charter.example.evil.example',
			'evil@127.0.0.1',
			'127.0.0.1/x',
			'charter.example:80:80'
		]) {
			expect((await getWithHost(server.port, '/healthz', host)).status, host).toBe(421);
		}
	});
});

describe('/metrics access', () => {
	it('requires METRICS_TOKEN when it is set', async () => {
		const token = 'a-long-metrics-token-0123456789';
		const server = await startServer({ env: { METRICS_TOKEN: token } });
		try {
			const host = `127.0.0.1:${server.port}`;
			const without = await getWithHost(server.port, '/metrics', host);
			expect(without.status).toBe(401);
			const wrong = await getWithHost(server.port, '/metrics', host, {
				authorization: `Bearer ${token.replace('a', 'b')}`
			});
			expect(wrong.status).toBe(401);
			const right = await getWithHost(server.port, '/metrics', host, {
				authorization: `Bearer ${token}`
			});
			expect(right.status).toBe(200);
			expect(right.body).toContain('charter_connections');
			// Health stays open: load balancers need no token.
			expect((await getWithHost(server.port, '/healthz', host)).status).toBe(200);
		} finally {
			await server.kill();
			removeDataDir(server.dataDir);
		}
	});

	it('serves /metrics only on the loopback METRICS_PORT when it is set', async () => {
		const metricsPort = await freePort();
		const server = await startServer({ env: { METRICS_PORT: String(metricsPort) } });
		try {
			const main = await getWithHost(server.port, '/metrics', `127.0.0.1:${server.port}`);
			expect(main.status).toBe(404);
			const side = await getWithHost(metricsPort, '/metrics', `127.0.0.1:${metricsPort}`);
			expect(side.status).toBe(200);
			expect(side.body).toContain('charter_rooms_loaded');
			expect((await getWithHost(metricsPort, '/healthz', '127.0.0.1')).status).toBe(404);
			expect(server.output()).toContain(`"metricsPort":${metricsPort}`);
		} finally {
			await server.kill();
			removeDataDir(server.dataDir);
		}
	});
});

describe('configuration of hosts, metrics and presence bounds', () => {
	it.each([
		['ALLOWED_HOSTS', 'https://charter.example', 'expected a comma-separated list of host names'],
		['ALLOWED_HOSTS', 'charter.example/app', 'expected a comma-separated list of host names'],
		['METRICS_TOKEN', 'short', 'expected 16 to 256 printable characters'],
		['METRICS_PORT', 'ninety', 'expected an integer from 0 to 65535'],
		['MAX_AWARENESS_BYTES_PER_CONNECTION', '1000', 'expected at least MAX_AWARENESS_STATE_BYTES'],
		['MAX_AWARENESS_STATES_PER_ROOM', '1', 'expected an integer from 2'],
		['AWARENESS_RELAY_BYTES_PER_SECOND', 'fast', 'expected an integer from 1024']
	])('stops with one line naming %s=%s', (variable, value, expected) =>
		expectConfigRefused(variable, value, expected)
	);
});
