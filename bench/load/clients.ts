import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ClientKind } from '../lib/servers.ts';

/** Where a client connects: a server URL, a board name and the subprotocols it offers. */
export interface ClientAddress {
	kind: ClientKind;
	url: string;
	room: string;
	protocols: string[];
}

/** A Yjs client of one board, with what it has read from its socket. */
export interface DocClient {
	doc: Y.Doc;
	/** Resolves once the first sync with the server completed. */
	synced: Promise<void>;
	/** Bytes of the websocket messages received so far (payloads). */
	messageBytes(): number;
	/** Bytes read from the TCP socket so far (upgrade response and frame headers included). */
	wireBytes(): number;
	destroy(): void;
}

/** Counts what one client's socket receives. */
interface Counter {
	messages: number;
	socket: WebSocket | null;
}

// A ws WebSocket that counts the payload bytes it receives, for a provider to construct.
function countingWebSocket(counter: Counter): typeof globalThis.WebSocket {
	class CountingWebSocket extends WebSocket {
		constructor(url: string | URL, protocols: string | string[] = []) {
			super(url, protocols, { perMessageDeflate: false });
			counter.socket = this;
			this.on('message', (data: ArrayBuffer | Buffer) => (counter.messages += data.byteLength));
		}
	}
	// Providers construct it as they would a browser WebSocket, which ws is at run time.
	return CountingWebSocket as unknown as typeof globalThis.WebSocket;
}

function wireBytesOf(counter: Counter): number {
	const socket = (counter.socket as unknown as { _socket?: { bytesRead: number } } | null)?._socket;
	return socket?.bytesRead ?? 0;
}

/** A board opened with a peer server's own provider; `synced` resolves after the first sync. */
export interface PeerConnection {
	synced: Promise<void>;
	/** Closes the provider and its socket; the doc is the caller's. */
	destroy(): void;
}

/** Opens a board with a peer's provider, which constructs its sockets from `WebSocketPolyfill`. */
export type OpenPeerProvider = (
	address: ClientAddress,
	doc: Y.Doc,
	WebSocketPolyfill: typeof globalThis.WebSocket
) => PeerConnection;

// Hocuspocus's provider comes from bench/'s own install (bench/package.json), which the app's
// `npm ci` leaves out. It is imported by URL so the app's type-check, run without that install,
// does not follow it; the module types itself against OpenPeerProvider.
const HOCUSPOCUS_CLIENT = new URL('../peers/hocuspocus-client.ts', import.meta.url).href;
const { openHocuspocusProvider } = (await import(HOCUSPOCUS_CLIENT)) as {
	openHocuspocusProvider: OpenPeerProvider;
};

/** Connects a Yjs client with the provider the server's own clients use. */
export function openDocClient(address: ClientAddress, doc = new Y.Doc()): DocClient {
	const counter: Counter = { messages: 0, socket: null };
	const Polyfill = countingWebSocket(counter);
	if (address.kind === 'hocuspocus') {
		const connection = openHocuspocusProvider(address, doc, Polyfill);
		return {
			doc,
			synced: connection.synced,
			messageBytes: () => counter.messages,
			wireBytes: () => wireBytesOf(counter),
			destroy() {
				connection.destroy();
				doc.destroy();
			}
		};
	}
	if (address.kind !== 'y-websocket') throw new Error(`no Yjs client for ${address.kind}`);
	const provider = new WebsocketProvider(address.url, address.room, doc, {
		protocols: address.protocols,
		WebSocketPolyfill: Polyfill,
		disableBc: true,
		maxBackoffTime: 500
	});
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
	});
	return {
		doc,
		synced,
		messageBytes: () => counter.messages,
		wireBytes: () => wireBytesOf(counter),
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** A floor client: raw frames carrying their send time, no Yjs. */
export interface FloorClient {
	opened: Promise<void>;
	send(frame: Uint8Array): void;
	destroy(): void;
}

/** Connects a raw websocket to the floor relay; `onFrame` gets every frame relayed to it. */
export function openFloorClient(
	address: ClientAddress,
	onFrame: (frame: Buffer) => void
): FloorClient {
	const socket = new WebSocket(`${address.url}/${address.room}`, { perMessageDeflate: false });
	socket.on('message', (data: Buffer) => onFrame(data));
	const opened = new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve());
		socket.once('error', reject);
	});
	return {
		opened,
		send: (frame) => socket.send(frame, { binary: true }),
		destroy: () => socket.terminate()
	};
}
