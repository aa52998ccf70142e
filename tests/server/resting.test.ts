import { afterEach, describe, expect, it } from 'vitest';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { REST_AFTER_MS } from '../../server/sync/board-state.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

let server: TestServer | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

function connect(boardId: string, key: string): TestClient {
	const client = connectClient(server!, boardId, key);
	clients.push(client);
	return client;
}

describe('a board that rests between edits', () => {
	it('syncs newcomers, takes edits after resting and stores them like any other', async () => {
		server = await startServer({ env: { ROOM_UNLOAD_DELAY_MS: '60000' } });
		const keys = await generateBoardKeys();
		const writer = connect(keys.boardId, keys.editKey);
		await writer.synced();
		writer.doc.getArray<string>('risks').push(['vendor delay', 'budget cut']);
		// Idle long enough that the room keeps only the board's bytes, with the writer still here.
		await sleep(REST_AFTER_MS * 2);

		const reader = connect(keys.boardId, keys.viewKey);
		await reader.synced();
		expect(reader.doc.getArray('risks').toArray()).toEqual(['vendor delay', 'budget cut']);

		const editor = connect(keys.boardId, keys.editKey);
		await editor.synced();
		editor.doc.getArray<string>('risks').push(['staffing']);
		const all = ['vendor delay', 'budget cut', 'staffing'];
		await waitFor(() => writer.doc.getArray('risks').length === 3, 'the writer to see the edit');
		await waitFor(() => reader.doc.getArray('risks').length === 3, 'the reader to see the edit');
		expect(writer.doc.getArray('risks').toArray()).toEqual(all);

		// Rest again, then crash: what was acknowledged is in the store.
		await sleep(REST_AFTER_MS * 2);
		await server.kill();
		server = await startServer({ dataDir: server.dataDir });
		const after = connect(keys.boardId, keys.viewKey);
		await after.synced();
		expect(after.doc.getArray('risks').toArray()).toEqual(all);
	});
});
