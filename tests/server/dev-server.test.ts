import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, upgradeStatus } from '../helpers/clients.ts';
import { makeDataDir, removeDataDir, startDevServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

describe('npm run dev', () => {
	let dev: TestServer;
	beforeAll(async () => {
		dev = await startDevServer(makeDataDir());
	}, 60_000);
	afterAll(async () => {
		await dev.kill();
		removeDataDir(dev.dataDir);
	});

	it('serves the app, health and the sync endpoint from Vite’s dev server', async () => {
		expect((await fetch(`${dev.httpUrl}/`)).status).toBe(200);
		expect(await (await fetch(`${dev.httpUrl}/metrics`)).text()).toContain('charter_connections');

		const keys = await generateBoardKeys();
		expect((await upgradeStatus(`${dev.syncUrl}/${keys.boardId}`, ['charter.v1'])).status).toBe(
			401
		);
		const alice = connectClient(dev, keys.boardId, keys.editKey);
		const bob = connectClient(dev, keys.boardId, keys.editKey);
		try {
			await alice.synced();
			await bob.synced();
			alice.doc.getMap('meta').set('title', 'Dev board');
			await waitFor(() => bob.doc.getMap('meta').get('title') === 'Dev board', 'bob to see it');
		} finally {
			alice.destroy();
			bob.destroy();
		}
	});
});
