import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { decodeMessage, encodeSync, MessageKind, SyncStep } from '../../server/sync/protocol.ts';
import { subprotocols } from '../../src/lib/sync/wire.ts';

/** How a socket ended: the close code and reason the peer saw. */
export interface Closed {
	code: number;
	reason: string;
}

/** Options of a raw protocol socket. */
export interface ProtocolSocketOptions {
	/** An Origin header, as a browser would send. */
	origin?: string;
	/** False to leave pings unanswered, as a vanished peer would. */
	autoPong?: boolean;
	/** More request headers, e.g. X-Forwarded-For behind a trusted proxy. */
	headers?: Record<string, string>;
}

/** Whether a server frame is the sync message of `step`. */
export function isSyncFrame(frame: Uint8Array, step: number): boolean {
	return frame[0] === MessageKind.sync && frame[1] === step;
}

/** The Yjs update a server's sync step 2 or update frame carries. */
export function updateOf(frame: Uint8Array): Uint8Array {
	const message = decodeMessage(frame);
	if (message.kind !== 'sync' || message.step === 'step1') throw new Error('not an update frame');
	return message.update;
}

/**
 * Websocket frames as a client sends them (binary, masked with an all-zero key, which RFC 6455
 * allows), concatenated: written with `sendRaw` they reach the server as separate messages
 * without the sending process spending time framing each one.
 */
export function clientFrames(messages: readonly Uint8Array[]): Buffer {
	const parts: Buffer[] = [];
	for (const message of messages) {
		const length = message.length;
		const header =
			length < 126
				? Buffer.from([0x82, 0x80 | length])
				: length < 65_536
					? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
					: Buffer.concat([Buffer.from([0x82, 0x80 | 127]), bigEndian64(length)]);
		parts.push(header, Buffer.alloc(4), Buffer.from(message));
	}
	return Buffer.concat(parts);
}

function bigEndian64(value: number): Buffer {
	const bytes = Buffer.alloc(8);
	bytes.writeBigUInt64BE(BigInt(value));
	return bytes;
}

/** Whether a server frame is an awareness message. */
export function isAwarenessFrame(frame: Uint8Array): boolean {
	return frame[0] === MessageKind.awareness;
}

/**
 * A raw websocket on one board that sends frames exactly as told, for tests that send what no
 * stock client would, count what the server relays, and time round trips.
 */
export class ProtocolSocket {
	readonly received: Uint8Array[] = [];
	readonly closed: Promise<Closed>;
	#serverStateVector: Uint8Array = Uint8Array.of(0);
	#listeners = new Set<(frame: Uint8Array) => void>();

	private constructor(readonly socket: WebSocket) {
		this.closed = new Promise((resolve) => {
			socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
		});
		socket.on('error', () => {});
		socket.on('message', (data: Buffer) => {
			const frame = new Uint8Array(data);
			this.received.push(frame);
			if (isSyncFrame(frame, SyncStep.step1)) {
				const greeting = decodeMessage(frame);
				if (greeting.kind === 'sync' && greeting.step === 'step1') {
					this.#serverStateVector = greeting.stateVector;
				}
			}
			for (const listener of [...this.#listeners]) listener(frame);
		});
	}

	/** Opens a socket on `/sync/<boardId>` with a key; rejects when the upgrade is refused. */
	static open(
		syncUrl: string,
		boardId: string,
		key: string,
		options: ProtocolSocketOptions = {}
	): Promise<ProtocolSocket> {
		const socket = new WebSocket(`${syncUrl}/${boardId}`, subprotocols(key), {
			headers: { ...options.headers, ...(options.origin ? { origin: options.origin } : {}) },
			autoPong: options.autoPong ?? true
		});
		const opened = new ProtocolSocket(socket);
		return new Promise((resolve, reject) => {
			socket.once('open', () => resolve(opened));
			socket.once('unexpected-response', (_req, res) => {
				socket.terminate();
				reject(new Error(`upgrade refused with ${res.statusCode}`));
			});
			socket.once('error', reject);
		});
	}

	/** True while the socket is open. */
	get open(): boolean {
		return this.socket.readyState === WebSocket.OPEN;
	}

	/** Sends one frame, binary unless told otherwise. */
	send(frame: Uint8Array | string, binary = typeof frame !== 'string'): void {
		if (this.open) this.socket.send(frame, { binary });
	}

	/** Writes bytes to the TCP connection under the websocket: frames ws would never produce. */
	sendRaw(bytes: Uint8Array): void {
		const tcp = (this.socket as unknown as { _socket: Socket | null })._socket;
		if (this.open && tcp) tcp.write(bytes);
	}

	/** Resolves with the next received frame that matches, or rejects after `timeoutMs`. */
	next(matches: (frame: Uint8Array) => boolean, timeoutMs = 5_000): Promise<Uint8Array> {
		return new Promise((resolve, reject) => {
			const listener = (frame: Uint8Array) => {
				if (!matches(frame)) return;
				clearTimeout(timer);
				this.#listeners.delete(listener);
				resolve(frame);
			};
			const timer = setTimeout(() => {
				this.#listeners.delete(listener);
				reject(new Error(`no matching frame within ${timeoutMs} ms`));
			}, timeoutMs);
			this.#listeners.add(listener);
		});
	}

	/** Waits for the server's greeting (its sync step 1), which comes once the board is loaded. */
	async greeted(timeoutMs = 5_000): Promise<void> {
		if (this.received.some((frame) => isSyncFrame(frame, SyncStep.step1))) return;
		await this.next((frame) => isSyncFrame(frame, SyncStep.step1), timeoutMs);
	}

	/**
	 * Sends sync step 1 with the state vector the server greeted it with and resolves with the
	 * milliseconds until the step 2 reply arrived: a round trip through the room's queue.
	 */
	async roundTrip(timeoutMs = 5_000): Promise<number> {
		const reply = this.next((frame) => isSyncFrame(frame, SyncStep.step2), timeoutMs);
		const start = performance.now();
		this.send(encodeSync(SyncStep.step1, this.#serverStateVector));
		await reply;
		return performance.now() - start;
	}

	/** Resolves with how the socket ended, or with null if it is still open after `timeoutMs`. */
	closedWithin(timeoutMs: number): Promise<Closed | null> {
		return Promise.race([
			this.closed,
			new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
		]);
	}

	/** Drops the connection without a close handshake. */
	terminate(): void {
		this.socket.terminate();
	}
}
