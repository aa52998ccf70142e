import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
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

/** Connects a Yjs client with the provider the server's own clients use. */
export function openDocClient(address: ClientAddress, doc = new Y.Doc()): DocClient {
	const counter: Counter = { messages: 0, socket: null };
	const Polyfill = countingWebSocket(counter);
	if (address.kind === 'hocuspocus') {
		let resolveSynced: () => void;
		const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
		// One socket per client, as a browser tab has, so every server serves the same sockets.
		const socket = new HocuspocusProviderWebsocket({
			url: address.url,
			WebSocketPolyfill: Polyfill
		});
		const provider = new HocuspocusProvider({
			websocketProvider: socket,
			name: address.room,
			document: doc,
			onSynced: () => resolveSynced()
		});
		provider.attach();
		return {
			doc,
			synced,
			messageBytes: () => counter.messages,
			wireBytes: () => wireBytesOf(counter),
			destroy() {
				provider.destroy();
				socket.destroy();
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
