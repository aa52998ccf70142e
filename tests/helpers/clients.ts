import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { TestServer } from './server.ts';
import { waitFor } from './wait.ts';
import { subprotocols } from '../../src/lib/sync/wire.ts';

/** A stock y-websocket client on one board. */
export interface TestClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves once the first sync with the server completed. */
	synced(): Promise<void>;
	destroy(): void;
}

/** Connects a stock WebsocketProvider to a board the way Charter's browser client does. */
export function connectClient(
	server: Pick<TestServer, 'syncUrl'>,
	boardId: string,
	key: string,
	doc = new Y.Doc()
): TestClient {
	const provider = new WebsocketProvider(server.syncUrl, boardId, doc, {
		protocols: subprotocols(key),
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 200
	});
	return {
		doc,
		provider,
		synced: () => waitFor(() => provider.synced, `board ${boardId} to sync`),
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** The HTTP status a raw websocket upgrade gets (101 when it is accepted). */
export function upgradeStatus(
	url: string,
	protocols: string[],
	headers: Record<string, string> = {}
): Promise<{ status: number; protocol?: string }> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, protocols, { headers });
		socket.once('open', () => {
			resolve({ status: 101, protocol: socket.protocol });
			socket.close();
		});
		socket.once('unexpected-response', (_req, res) => {
			resolve({ status: res.statusCode ?? 0 });
			socket.terminate();
		});
		socket.once('error', (error) => reject(error));
	});
}
