import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from '../../server/sync/awareness.ts';
import { encodeAwareness } from '../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { metricValue } from '../helpers/metrics.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let server: TestServer | null = null;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	for (const socket of sockets.splice(0)) socket.terminate();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

async function rawSocket(url: string, key: string): Promise<WebSocket> {
	const socket = new WebSocket(url, ['charter.v1', `key.${key}`]);
	sockets.push(socket);
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	return socket;
}

function presenceOf(awareness: Awareness, clientId: number): unknown {
	return awareness.getStates().get(clientId);
}

describe('awareness ownership', () => {
	it('drops updates that speak for, or erase, another connection’s client id', async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const owner = connectClient(server, keys.boardId, keys.editKey);
		const observer = connectClient(server, keys.boardId, keys.editKey);
		clients.push(owner, observer);
		await owner.synced();
		await observer.synced();
		owner.provider.awareness.setLocalState({ user: { id: 'u1', name: 'Ada' } });
		const ownerId = owner.doc.clientID;
		await waitFor(
			() => presenceOf(observer.provider.awareness, ownerId) !== undefined,
			'the observer to see the owner'
		);

		const intruder = await rawSocket(`${server.syncUrl}/${keys.boardId}`, keys.editKey);
		const forged = encodeAwarenessUpdate([
			{ clientId: ownerId, clock: 1000, state: JSON.stringify({ user: { name: 'Mallory' } }) }
		]);
		const erased = encodeAwarenessUpdate([{ clientId: ownerId, clock: 1001, state: 'null' }]);
		intruder.send(encodeAwareness(forged));
		intruder.send(encodeAwareness(erased));
		await waitFor(
			async () =>
				(await metricValue(server!, 'charter_rejected_total', {
					reason: 'awareness_not_owner'
				})) >= 2,
			'the server to drop both forged entries'
		);

		const late = connectClient(server, keys.boardId, keys.viewKey);
		clients.push(late);
		await late.synced();
		await waitFor(
			() => presenceOf(late.provider.awareness, ownerId) !== undefined,
			'a newcomer to receive presence'
		);
		expect(presenceOf(late.provider.awareness, ownerId)).toEqual({
			user: { id: 'u1', name: 'Ada' }
		});
		expect(presenceOf(observer.provider.awareness, ownerId)).toEqual({
			user: { id: 'u1', name: 'Ada' }
		});
	});

	it('removes a connection’s presence from the others when it closes', async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const observer = connectClient(server, keys.boardId, keys.editKey);
		clients.push(observer);
		await observer.synced();

		// A raw socket that vanishes without saying goodbye: the server must clean up for it.
		const leaver = await rawSocket(`${server.syncUrl}/${keys.boardId}`, keys.editKey);
		const local = new Awareness(new Y.Doc());
		local.setLocalState({ user: { name: 'Grace' } });
		leaver.send(
			encodeAwareness(
				encodeAwarenessUpdate([
					{ clientId: local.clientID, clock: 1, state: JSON.stringify({ user: { name: 'Grace' } }) }
				])
			)
		);
		await waitFor(
			() => presenceOf(observer.provider.awareness, local.clientID) !== undefined,
			'the observer to see the leaver'
		);
		leaver.terminate();
		await waitFor(
			() => presenceOf(observer.provider.awareness, local.clientID) === undefined,
			'the leaver’s presence to be removed'
		);
		local.destroy();
	});
});
