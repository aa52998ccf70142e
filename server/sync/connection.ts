import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import type { Capability } from '../../src/lib/sync/keys.ts';
import type { Metrics } from '../metrics.ts';
import {
	CloseReason,
	decodeMessage,
	MalformedMessageError,
	type CloseReasonName
} from './protocol.ts';
import type { Room, RoomPeer } from './room.ts';
import type { RoomRegistry } from './rooms.ts';

/** Services a connection uses. */
export interface ConnectionDeps {
	rooms: RoomRegistry;
	metrics: Metrics;
	logger: Logger;
}

/**
 * One websocket on one board. Messages that arrive while the board loads wait in a backlog,
 * so the room sees them in order and nobody is answered before the board is loaded.
 */
export class Connection implements RoomPeer {
	#room: Room | null = null;
	#backlog: Uint8Array[] | null = [];
	#alive = true;
	#closed = false;
	readonly #closeListeners: Array<() => void> = [];

	constructor(
		private readonly socket: WebSocket,
		readonly boardId: string,
		readonly capability: Capability,
		private readonly deps: ConnectionDeps
	) {}

	/** Wires the socket and joins the board. */
	start(): void {
		this.deps.metrics.connections.inc();
		this.socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
		this.socket.on('pong', () => (this.#alive = true));
		this.socket.on('error', (error) => {
			this.deps.logger.debug({ err: error, boardId: this.boardId }, 'socket error');
		});
		this.socket.on('close', () => {
			try {
				this.#closedBySocket();
			} catch (error) {
				this.deps.logger.error(
					{ err: error, boardId: this.boardId },
					'cleaning up a connection failed'
				);
			}
		});
		this.deps.rooms.join(this.boardId, this).then(
			(room) => this.#attach(room),
			(error: unknown) => {
				this.deps.logger.error({ err: error, boardId: this.boardId }, 'loading a board failed');
				this.close('internal');
			}
		);
	}

	/** Sends a frame if the socket is still open. */
	send(frame: Uint8Array): void {
		if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame, { binary: true });
	}

	/** Closes the socket with the code of `reason`. */
	close(reason: CloseReasonName): void {
		const { code, reason: text } = CloseReason[reason];
		if (this.socket.readyState === WebSocket.OPEN) this.socket.close(code, text);
		else this.socket.terminate();
	}

	/** Calls `listener` once the socket has closed (at once if it already has). */
	onClosed(listener: () => void): void {
		if (this.#closed) listener();
		else this.#closeListeners.push(listener);
	}

	/** Called by the heartbeat: false when the peer did not answer the last ping. */
	heartbeat(): boolean {
		if (!this.#alive) {
			this.socket.terminate();
			return false;
		}
		this.#alive = false;
		this.socket.ping();
		return true;
	}

	#attach(room: Room): void {
		if (this.#closed) {
			this.deps.rooms.leave(room, this);
			return;
		}
		this.#room = room;
		const backlog = this.#backlog ?? [];
		this.#backlog = null;
		for (const frame of backlog) this.#handle(room, frame);
	}

	#receive(data: RawData, isBinary: boolean): void {
		if (!isBinary || !(data instanceof Uint8Array)) {
			this.#reject('malformed', 'malformed');
			return;
		}
		if (this.#room) this.#handle(this.#room, data);
		else this.#backlog?.push(data);
	}

	#handle(room: Room, frame: Uint8Array): void {
		if (this.#closed) return;
		const { metrics } = this.deps;
		try {
			const message = decodeMessage(frame);
			if (message.kind === 'awareness') {
				metrics.message('awareness');
				const dropped = room.applyAwareness(this, message.update, frame);
				if (dropped > 0) metrics.rejected.inc({ reason: 'awareness_not_owner' }, dropped);
			} else if (message.step === 'step1') {
				metrics.message('sync_step1');
				room.answerStateVector(this, message.stateVector);
			} else {
				metrics.message(message.step === 'step2' ? 'sync_step2' : 'sync_update');
				// A viewer's writes are dropped: never applied, stored or relayed.
				if (this.capability !== 'edit') metrics.reject('read_only');
				else room.applyUpdate(this, message.update);
			}
		} catch (error) {
			// Anything that escapes decoding or applying is the peer's fault: close only this one.
			this.deps.logger.info(
				{ boardId: this.boardId, error: error instanceof Error ? error.message : 'unknown' },
				'closing a connection that sent a malformed message'
			);
			if (error instanceof MalformedMessageError) metrics.message('unknown');
			this.#reject('malformed', 'malformed');
		}
	}

	#reject(reason: 'malformed', close: CloseReasonName): void {
		this.deps.metrics.reject(reason);
		this.close(close);
	}

	#closedBySocket(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.deps.metrics.connections.dec();
		if (this.#room) this.deps.rooms.leave(this.#room, this);
		for (const listener of this.#closeListeners.splice(0)) listener();
	}
}
