import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { metricValue } from '../helpers/metrics.ts';
import { ProtocolSocket } from '../helpers/protocol-client.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | null = null;
const sockets: ProtocolSocket[] = [];
const raw: Socket[] = [];

afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.terminate();
	for (const socket of raw.splice(0)) socket.destroy();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

/** Writes `text` on a raw TCP connection and resolves with all it got back once it closed. */
function rawExchange(port: number, text: string, giveUpMs = 20_000): Promise<string | null> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1', () => socket.write(text));
		raw.push(socket);
		let received = '';
		socket.on('data', (chunk) => (received += chunk.toString()));
		socket.on('error', () => {});
		const timer = setTimeout(() => resolve(null), giveUpMs);
		socket.on('close', () => {
			clearTimeout(timer);
			resolve(received);
		});
	});
}

describe('HTTP hardening', () => {
	it('sends security headers on every answer, and a CSP that loads nothing on its own answers', async () => {
		server = await startServer();
		for (const path of ['/healthz', '/metrics', '/api/time', '/api/boards/nope/versions']) {
			const response = await fetch(`${server.httpUrl}${path}`);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('no-referrer');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
			expect(response.headers.get('content-security-policy')).toBe(
				"default-src 'none'; frame-ancestors 'none'"
			);
		}
	});

	it('answers 408 and closes a request whose body does not arrive within HTTP_REQUEST_TIMEOUT_MS', async () => {
		server = await startServer({
			env: { HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '1000' }
		});
		const keys = await generateBoardKeys();
		// Headers sent, then 10 bytes of a promised 100, then nothing: Node's default holds it 300 s.
		const slowBody = rawExchange(
			server.port,
			`POST /api/boards/${keys.boardId}/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
				`Authorization: Bearer ${keys.editKey}\r\nContent-Type: application/json\r\n` +
				'Content-Length: 100\r\n\r\n{"label":"'
		);
		const slowHeaders = rawExchange(server.port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
		expect(await slowBody).toMatch(/^HTTP\/1\.1 408/);
		expect(await slowHeaders).toMatch(/^HTTP\/1\.1 408/);
	});

	it('refuses one more websocket than MAX_CONNECTIONS_PER_ADDRESS from an address with 429, before the upgrade', async () => {
		server = await startServer({ env: { MAX_CONNECTIONS_PER_ADDRESS: '3', TRUST_PROXY: 'true' } });
		const keys = await generateBoardKeys();
		const from = (address: string) =>
			ProtocolSocket.open(server!.syncUrl, keys.boardId, keys.editKey, {
				headers: { 'x-forwarded-for': address }
			});
		const three = await Promise.all([1, 2, 3].map(() => from('203.0.113.20')));
		sockets.push(...three);
		await expect(from('203.0.113.20')).rejects.toThrow(/refused with 429/);
		// Another address, and loopback (exempt by default), are not affected.
		const other = await from('203.0.113.21');
		const local = await Promise.all([1, 2, 3, 4].map(() => from('127.0.0.1')));
		sockets.push(other, ...local);
		expect(
			await metricValue(server, 'charter_rejected_total', { reason: 'connections_per_address' })
		).toBe(1);
		// Closing one makes room for another.
		three[0]!.socket.close();
		await three[0]!.closed;
		const again = await from('203.0.113.20');
		sockets.push(again);
		expect(await again.roundTrip()).toBeGreaterThan(0);
	});
});
