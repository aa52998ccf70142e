import { afterEach } from 'vitest';
import type { TestClient } from './clients.ts';
import type { ProtocolSocket } from './protocol-client.ts';
import { removeDataDir, type TestServer } from './server.ts';

/** What a test made that must go when it ends: its server, stock clients and raw sockets. */
export interface TestResources {
	server: TestServer | null;
	readonly clients: TestClient[];
	readonly sockets: ProtocolSocket[];
}

/**
 * Resources of each test of a file, released after it: clients and sockets closed, the server
 * killed and its data directory removed. Call once at the top of a test file.
 */
export function releasedAfterEach(): TestResources {
	const made: TestResources = { server: null, clients: [], sockets: [] };
	afterEach(async () => {
		for (const client of made.clients.splice(0)) client.destroy();
		for (const socket of made.sockets.splice(0)) socket.terminate();
		if (made.server) {
			await made.server.kill();
			removeDataDir(made.server.dataDir);
			made.server = null;
		}
	});
	return made;
}
