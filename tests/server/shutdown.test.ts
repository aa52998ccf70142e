import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSync, SyncStep } from '../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { upgradeStatus } from '../helpers/clients.ts';
import { isSyncFrame, ProtocolSocket, updateOf } from '../helpers/protocol-client.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { missingFrom, readStoredBoard, stateOf } from '../helpers/stored-board.ts';

let server: TestServer | null = null;
const sockets: ProtocolSocket[] = [];

afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.terminate();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

describe('graceful shutdown', () => {
	it('on SIGTERM stores what it received, closes every socket with 1001, compacts and exits 0', async () => {
		server = await startServer();
		const keys = await generateBoardKeys();
		const open = async (key: string) => {
			const socket = await ProtocolSocket.open(server!.syncUrl, keys.boardId, key);
			sockets.push(socket);
			await socket.greeted();
			return socket;
		};
		const writer = await open(keys.editKey);
		const witness = await open(keys.viewKey);
		const doc = new Y.Doc();
		doc.on('update', (update: Uint8Array) => writer.send(encodeSync(SyncStep.update, update)));
		for (let i = 0; i < 300; i++) doc.getArray<number>('probe').push([i]);
		await witness.next((frame) => isSyncFrame(frame, SyncStep.update));

		const stopping = server.stop();
		const during = await upgradeStatus(`${server.syncUrl}/${keys.boardId}`, [
			'charter.v1',
			`key.${keys.editKey}`
		]).catch(() => ({ status: 0 }));
		expect(during.status, 'an upgrade after SIGTERM').not.toBe(101);
		expect((await writer.closed).code).toBe(1001);
		expect((await witness.closed).code).toBe(1001);
		await stopping;
		expect(server.exitCode()).toBe(0);
		expect(server.output()).toContain('"msg":"stopped"');

		const witnessed = new Y.Doc();
		for (const frame of witness.received.filter((f) => isSyncFrame(f, SyncStep.update))) {
			Y.applyUpdate(witnessed, updateOf(frame));
		}
		const stored = readStoredBoard(server.dataDir, keys.boardId);
		expect(missingFrom(stateOf(stored.doc), stateOf(witnessed))).toEqual([]);
		expect({ logRows: stored.logRows, snapshots: stored.snapshots }).toEqual({
			logRows: 0,
			snapshots: 1
		});
	});
});
