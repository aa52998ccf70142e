import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConfigRefused } from '../helpers/config-refusal.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';

describe('HTTP endpoints', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server.stop();
		removeDataDir(server.dataDir);
	});

	it('answers /healthz with 200 and the state of each dependency while they answer', async () => {
		const response = await fetch(`${server.httpUrl}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			status: 'ok',
			dependencies: { store: { kind: 'sqlite', up: true }, bus: { kind: 'local', up: true } }
		});
	});

	it('tells the server time on /api/time, for clients to correct their clocks', async () => {
		const before = Date.now();
		const response = await fetch(`${server.httpUrl}/api/time`);
		const { now } = (await response.json()) as { now: number };
		expect(now).toBeGreaterThanOrEqual(before - 5);
		expect(now).toBeLessThanOrEqual(Date.now() + 5);
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('exposes the Charter metrics in Prometheus text on /metrics', async () => {
		const response = await fetch(`${server.httpUrl}/metrics`);
		expect(response.headers.get('content-type')).toContain('text/plain');
		const text = await response.text();
		for (const name of [
			'charter_rooms_loaded',
			'charter_connections',
			'charter_messages_total',
			'charter_rejected_total',
			'charter_store_append_seconds_bucket'
		]) {
			expect(text).toContain(name);
		}
	});
});

describe('configuration', () => {
	it.each([
		['PORT', 'seventy', 'expected an integer from 0 to 65535'],
		['PORT', '70000', 'expected an integer from 0 to 65535'],
		['LOG_LEVEL', 'loud', 'expected one of fatal'],
		['DURABILITY', 'sometimes', 'expected normal or full'],
		['MAX_MESSAGE_BYTES', '12', 'expected an integer from 1024'],
		['ALLOWED_ORIGINS', 'not a url', 'expected a comma-separated list of origins'],
		['RATE_MESSAGES_BURST', '0', 'expected an integer from 1'],
		['RATE_MESSAGES_PER_SECOND', 'fast', 'expected an integer from 1'],
		['RATE_BYTES_BURST', '1048576', 'expected at least MAX_MESSAGE_BYTES'],
		['RATE_BYTES_PER_SECOND', '1.5', 'expected an integer from 1024'],
		['MAX_CONNECTIONS_PER_ROOM', '-1', 'expected an integer from 1'],
		['MAX_BUFFERED_BYTES', '10', 'expected an integer from 65536'],
		['HEARTBEAT_MS', '5', 'expected an integer from 100'],
		['MAX_AWARENESS_STATE_BYTES', 'big', 'expected an integer from 64'],
		['AWARENESS_RELAY_MS', '-50', 'expected an integer from 0'],
		['SHUTDOWN_TIMEOUT_MS', '0', 'expected an integer from 100'],
		['DATABASE_URL', 'mysql://db:3306/charter', 'expected a postgres:// or postgresql:// URL'],
		['DATABASE_URL', 'not a url', 'expected a postgres:// or postgresql:// URL'],
		['REDIS_URL', 'http://cache:6379', 'expected a redis:// or rediss:// URL'],
		['REDIS_STREAM_MAXLEN', '5', 'expected an integer from 10'],
		['DEPENDENCY_WAIT_MS', 'forever', 'expected an integer from 0'],
		['HEALTH_CHECK_MS', '10', 'expected an integer from 100']
	])('stops with one line naming %s=%s', (variable, value, expected) =>
		expectConfigRefused(variable, value, expected)
	);
});
