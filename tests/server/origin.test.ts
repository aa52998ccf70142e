import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { upgradeStatus } from '../helpers/clients.ts';
import { metricValue } from '../helpers/metrics.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';

describe('Origin check before the upgrade', () => {
	let server: TestServer;
	let keys: BoardKeys;
	let url: string;
	let withKey: string[];
	beforeAll(async () => {
		server = await startServer({
			env: { ALLOWED_ORIGINS: 'https://charter.example, http://localhost:5173' }
		});
		keys = await generateBoardKeys();
		url = `${server.syncUrl}/${keys.boardId}`;
		withKey = ['charter.v1', `key.${keys.editKey}`];
	});
	afterAll(async () => {
		await server.kill();
		removeDataDir(server.dataDir);
	});

	it('accepts a page from the server’s own origin', async () => {
		expect((await upgradeStatus(url, withKey, { origin: server.httpUrl })).status).toBe(101);
	});

	it('accepts a page from an origin listed in ALLOWED_ORIGINS', async () => {
		for (const origin of ['https://charter.example', 'http://localhost:5173']) {
			expect((await upgradeStatus(url, withKey, { origin })).status).toBe(101);
		}
	});

	it('refuses a foreign, opaque or malformed origin with 403 even with a valid key', async () => {
		const before = await metricValue(server, 'charter_rejected_total', {
			reason: 'forbidden_origin'
		});
		for (const origin of [
			'https://evil.example',
			'https://charter.example.evil.example',
			'http://localhost:5174',
			'null',
			'not a url'
		]) {
			expect((await upgradeStatus(url, withKey, { origin })).status, origin).toBe(403);
		}
		expect(
			await metricValue(server, 'charter_rejected_total', { reason: 'forbidden_origin' })
		).toBe(before + 5);
	});

	it('judges a client that sends no Origin (not a browser) by its key alone', async () => {
		expect((await upgradeStatus(url, withKey)).status).toBe(101);
		expect((await upgradeStatus(url, ['charter.v1'])).status).toBe(401);
		expect((await upgradeStatus(url, ['charter.v1', `key.${keys.viewKey}x`])).status).toBe(401);
	});
});
