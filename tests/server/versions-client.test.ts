import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import {
	OFFLINE_MESSAGE,
	VersionsClient,
	VersionsRequestError
} from '../../src/lib/versions/versions-client.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let server: TestServer;
let keys: BoardKeys;
let writer: TestClient;

/** The browser's client, with the page's origin made explicit as a browser would resolve it. */
function clientFor(key: string, origin = server.httpUrl): VersionsClient {
	return new VersionsClient(keys.boardId, key, (input, init) => fetch(`${origin}${input}`, init));
}

beforeAll(async () => {
	server = await startServer({ env: { CHECKPOINT_INTERVAL_MS: '3600000' } });
	keys = await generateBoardKeys();
	writer = connectClient(server, keys.boardId, keys.editKey);
	await writer.synced();
	writer.doc.getMap('meta').set('title', 'Saved through the client');
	await waitFor(async () => (await clientFor(keys.viewKey).list()).length > 0, 'a checkpoint');
});

afterAll(async () => {
	writer.destroy();
	await server.stop();
	removeDataDir(server.dataDir);
});

describe('VersionsClient', () => {
	it('saves with the edit key, lists with the view key, and loads the saved state', async () => {
		const saved = await clientFor(keys.editKey).save({ label: 'Kickoff', createdBy: 'Ada' });
		expect(saved).toMatchObject({ label: 'Kickoff', kind: 'manual', createdBy: 'Ada' });
		const viewer = clientFor(keys.viewKey);
		expect((await viewer.list())[0]).toEqual(saved);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, await viewer.state(saved.id));
		expect(doc.getMap('meta').get('title')).toBe('Saved through the client');
	});

	it('tells what the server refused, with its status', async () => {
		const refused = clientFor(keys.viewKey).save({ label: 'Not mine to save' });
		await expect(refused).rejects.toBeInstanceOf(VersionsRequestError);
		await expect(refused).rejects.toMatchObject({
			status: 403,
			message: 'The server refused: this needs the edit key of the board.'
		});
		await expect(clientFor(keys.viewKey).state('A'.repeat(21))).rejects.toMatchObject({
			status: 404,
			message: 'The server refused: this board has no such version.'
		});
	});

	it('says the person is offline when the server cannot be reached', async () => {
		const unreachable = clientFor(keys.editKey, 'http://127.0.0.1:9');
		await expect(unreachable.list()).rejects.toMatchObject({
			status: null,
			message: OFFLINE_MESSAGE
		});
		await expect(unreachable.save({ label: 'x' })).rejects.toMatchObject({ status: null });
	});
});
