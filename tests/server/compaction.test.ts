import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { metricValue } from '../helpers/metrics.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

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

function storedRows(dataDir: string, boardId: string): { log: number; snapshots: number } {
	const db = new Database(join(dataDir, 'charter.sqlite'), { readonly: true });
	try {
		const count = (sql: string) => (db.prepare(sql).get(boardId) as { n: number }).n;
		return {
			log: count('SELECT COUNT(*) AS n FROM board_update WHERE board_id = ?'),
			snapshots: count('SELECT COUNT(*) AS n FROM board_snapshot WHERE board_id = ?')
		};
	} finally {
		db.close();
	}
}

describe('compaction', () => {
	it('merges the log into a snapshot past the threshold and when the board unloads', async () => {
		server = await startServer({ env: { COMPACT_AFTER_UPDATES: '10' } });
		const keys = await generateBoardKeys();
		const writer = connectClient(server, keys.boardId, keys.editKey);
		const witness = connectClient(server, keys.boardId, keys.editKey);
		clients.push(writer, witness);
		await writer.synced();
		await witness.synced();
		const list = writer.doc.getArray<number>('probe');
		for (let i = 0; i < 25; i++) list.push([i]);
		await waitFor(() => witness.doc.getArray('probe').length === 25, 'the witness to see all');

		const whileOpen = storedRows(server.dataDir, keys.boardId);
		expect(whileOpen.snapshots).toBe(1);
		expect(whileOpen.log).toBeLessThan(10);

		writer.provider.disconnect();
		witness.provider.disconnect();
		await waitFor(async () => (await metricValue(server!, 'charter_rooms_loaded')) === 0, 'unload');
		expect(storedRows(server.dataDir, keys.boardId)).toEqual({ log: 0, snapshots: 1 });

		const reader = connectClient(server, keys.boardId, keys.viewKey);
		clients.push(reader);
		await reader.synced();
		expect(reader.doc.getArray('probe').toArray()).toEqual([...Array(25).keys()]);
	});
});
