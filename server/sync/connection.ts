import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import type { Capability } from '../../src/lib/sync/keys.ts';
import { ConnectionBudget, type Limits } from '../limits.ts';
import type { Metrics, RejectReason } from '../metrics.ts';
import {
	CloseReason,
	decodeMessage,
	MalformedMessageError,
	type CloseReasonName
} from './protocol.ts';
import { checkTransition, IllegalTransitionError, type Transitions } from './phase.ts';
import type { Room, RoomPeer } from './room.ts';
import { RoomFullError, type RoomRegistry } from './rooms.ts';

// A connection's lifecycle:
//
//     joining ──── the board loaded ────▶ open
//        │                                  │
//        ├───── stopListening() (shutdown) ─┤
//        │                ▼                 │
//        │              deaf                │
//        │                │                 │
//        │                ▼                 │
//        ├────────────▶ closing ◀───────────┘  close(), terminate(), no pong, socket error
//        │                │
//        │                ▼
//        └────────────▶ closed                 the socket closed: the room is left
//
// Any phase but closed may go straight to closed (the peer closed the socket). joining: what
// the peer sends waits in a backlog; open: it is handled; deaf: it is dropped, but the peer
// still hears the room; closing and closed: nothing is sent or handled.

/** The phases of a connection, as drawn above. */
export type ConnectionPhaseName = 'joining' | 'open' | 'deaf' | 'closing' | 'closed';

/**
 * A connection's phase with what only that phase holds. A deaf or closing connection's `room` is
 * the board, if it loaded: it is left when the socket closes.
 */
type ConnectionPhase =
	| { name: 'joining'; backlog: Uint8Array[] }
	| { name: 'open'; room: Room }
	| { name: 'deaf' | 'closing'; room: Room | null }
	| { name: 'closed' };

/** Where each phase of a connection may go next, as drawn above. */
export const CONNECTION_TRANSITIONS: Transitions<ConnectionPhaseName> = {
	joining: ['open', 'deaf', 'closing', 'closed'],
	open: ['deaf', 'closing', 'closed'],
	deaf: ['closing', 'closed'],
	closing: ['closed'],
	closed: []
};

/** Services a connection uses. */
export interface ConnectionDeps {
	rooms: RoomRegistry;
	metrics: Metrics;
	logger: Logger;
	limits: Limits;
}

// ws reports a broken frame as an error with one of these codes, after closing the socket
// itself with the matching close code.
const WS_ERROR_REASONS: Readonly<Record<string, RejectReason>> = {
	WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'too_large',
	WS_ERR_INVALID_UTF8: 'invalid_utf8'
};

/** How long a flooder's socket lives after its close frame was sent. */
const FLOODER_LINGER_MS = 500;

/**
 * Messages one connection has handled in one go before the rest wait for a later turn of the
 * event loop, so a burst from one peer never holds up every other socket.
 */
const MESSAGES_PER_TURN = 32;

/**
 * One websocket on one board. Messages that arrive while the board loads wait in a backlog,
 * so the room sees them in order and nobody is answered before the board is loaded. Every
 * message is charged to the connection's rate budget before anything else is done with it.
 */
export class Connection implements RoomPeer {
	#phase: ConnectionPhase = { name: 'joining', backlog: [] };
	/** Frames over this turn's share, waiting for the next turn (bounded by the rate budget). */
	#inbox: Uint8Array[] = [];
	#handledThisTurn = 0;
	#drainScheduled = false;
	/** Whether the peer answered the last ws ping (the heartbeat, not a lifecycle phase). */
	#answeredPing = true;
	readonly #budget: ConnectionBudget;
	/**
	 * Bytes of the first sync reply: the board as the server holds it, which the server chose to
	 * send. They are not charged to the peer's budget, and the slow-consumer bound is counted
	 * beyond them, so a board of any size can be opened.
	 */
	#firstReplyBytes: number | null = null;
	readonly #closeListeners: Array<() => void> = [];

	/**
	 * `rawSocket` is the TCP socket `socket` was upgraded from: relayed frames, framed once for
	 * every peer, are written to it directly (see frame.ts). ws writes its own frames to the same
	 * socket synchronously, so frames never interleave.
	 */
	constructor(
		private readonly socket: WebSocket,
		private readonly rawSocket: Duplex,
		readonly boardId: string,
		readonly capability: Capability,
		private readonly deps: ConnectionDeps,
		/** The client's address (client-address.ts), for the quotas per address. */
		readonly address = ''
	) {
		this.#budget = new ConnectionBudget(deps.limits);
	}

	/** Wires the socket and joins the board. */
	start(): void {
		this.deps.metrics.connections.inc();
		this.socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
		this.socket.on('pong', () => (this.#answeredPing = true));
		this.socket.on('error', (error) => this.#socketError(error));
		this.socket.on('close', () => this.#guard('cleaning up a connection', () => this.#cleanUp()));
		this.deps.rooms.join(this.boardId, this).then(
			(room) => this.#guard('joining a board', () => this.#attach(room)),
			(error: unknown) => this.#joinFailed(error)
		);
	}

	/** Sends a message if the socket is open; closes a peer that stopped reading (1013). */
	send(message: Uint8Array): void {
		if (this.#writable()) this.socket.send(message, { binary: true });
	}

	/** Sends a prepared frame (see frame.ts) if the socket is open, like `send`. */
	sendFrame(frame: Buffer): void {
		if (this.#writable()) this.rawSocket.write(frame);
	}

	/** Where the connection is in its lifecycle (drawn at the top of this file). */
	get phase(): ConnectionPhaseName {
		return this.#phase.name;
	}

	/** Closes the socket with the code of `reason`; later messages from it are ignored. */
	close(reason: CloseReasonName): void {
		this.#beginClosing();
		const { code, reason: text } = CloseReason[reason];
		if (this.socket.readyState === WebSocket.OPEN) this.socket.close(code, text);
		else if (this.socket.readyState !== WebSocket.CLOSED) this.socket.terminate();
		// A flooder keeps sending: stop reading it rather than parse what would be ignored, and
		// drop it soon after it had time to read the close frame.
		if (reason === 'rateLimited') {
			this.socket.pause();
			setTimeout(() => this.socket.terminate(), FLOODER_LINGER_MS).unref();
		}
	}

	/** Drops the socket without a close handshake (a peer that did not answer one). */
	terminate(): void {
		this.#beginClosing();
		if (this.socket.readyState !== WebSocket.CLOSED) this.socket.terminate();
	}

	/** Stops handling this peer's messages (at shutdown); what it sends from now on is dropped. */
	stopListening(): void {
		const { name } = this.#phase;
		if (name === 'joining' || name === 'open') this.#enter({ name: 'deaf', room: this.#room });
	}

	/** Calls `listener` once the socket has closed (at once if it already has). */
	onClosed(listener: () => void): void {
		if (this.#phase.name === 'closed') listener();
		else this.#closeListeners.push(listener);
	}

	/** Called by the heartbeat: terminates a peer that did not answer the last ping. */
	heartbeat(): void {
		if (!this.#answeredPing) {
			this.deps.metrics.reject('no_heartbeat');
			this.#beginClosing();
			this.socket.terminate();
			return;
		}
		this.#answeredPing = false;
		if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
	}

	// Open, not closing, and reading what it is sent: what ws holds for the socket counts the
	// frames written to the raw socket too, since they wait in the same socket buffer.
	#writable(): boolean {
		if (this.#closingOrClosed || this.socket.readyState !== WebSocket.OPEN) return false;
		const allowance = this.deps.limits.maxBufferedBytes + (this.#firstReplyBytes ?? 0);
		if (this.socket.bufferedAmount > allowance) {
			this.#reject('slow_consumer', 'slowConsumer');
			return false;
		}
		return true;
	}

	// Every change of phase goes through here, so no illegal one can happen unnoticed.
	#enter(next: ConnectionPhase): void {
		checkTransition('connection', CONNECTION_TRANSITIONS, this.#phase.name, next.name);
		this.#phase = next;
	}

	#beginClosing(): void {
		if (!this.#closingOrClosed) this.#enter({ name: 'closing', room: this.#room });
	}

	get #closingOrClosed(): boolean {
		return this.#phase.name === 'closing' || this.#phase.name === 'closed';
	}

	/** The board this connection joined, once it loaded and until the socket closed. */
	get #room(): Room | null {
		return 'room' in this.#phase ? this.#phase.room : null;
	}

	#attach(room: Room): void {
		const phase = this.#phase;
		switch (phase.name) {
			case 'joining':
				this.#enter({ name: 'open', room });
				this.#inbox = phase.backlog;
				if (this.#inbox.length > 0) this.#drain();
				return;
			case 'deaf':
			case 'closing':
				// What the peer sent is dropped; the room is left once the socket closes.
				phase.room = room;
				return;
			case 'closed':
				this.deps.rooms.leave(room, this);
				return;
			case 'open':
				throw new IllegalTransitionError('connection', 'open', 'open');
		}
	}

	#joinFailed(error: unknown): void {
		if (error instanceof RoomFullError) {
			this.#reject('room_full', 'roomFull');
			return;
		}
		this.deps.metrics.reject('load_failed');
		this.deps.logger.error({ err: error, boardId: this.boardId }, 'loading a board failed');
		this.close('storeFailed');
	}

	#receive(data: RawData, isBinary: boolean): void {
		if (this.#phase.name !== 'joining' && this.#phase.name !== 'open') return;
		this.#guard('receiving a message', () => {
			const frame = data as Buffer;
			if (!this.#budget.admit(frame.length)) return this.#reject('rate_limited', 'rateLimited');
			if (!isBinary) return this.#reject('unsupported_data', 'unsupportedData');
			const phase = this.#phase;
			if (phase.name === 'joining') phase.backlog.push(frame);
			else if (phase.name === 'open') this.#handleInTurn(phase.room, frame);
		});
	}

	// Handled now unless this turn's share is used up or earlier frames still wait.
	#handleInTurn(room: Room, frame: Uint8Array): void {
		if (this.#inbox.length > 0 || this.#handledThisTurn >= MESSAGES_PER_TURN) {
			this.#inbox.push(frame);
			this.#scheduleDrain();
			return;
		}
		if (this.#handledThisTurn++ === 0) queueMicrotask(() => (this.#handledThisTurn = 0));
		this.#handle(room, frame);
	}

	#scheduleDrain(): void {
		if (this.#drainScheduled) return;
		this.#drainScheduled = true;
		setImmediate(() => this.#guard('handling queued messages', () => this.#drain()));
	}

	#drain(): void {
		this.#drainScheduled = false;
		const phase = this.#phase;
		if (phase.name !== 'open') {
			this.#inbox = [];
			return;
		}
		for (const frame of this.#inbox.splice(0, MESSAGES_PER_TURN)) this.#handle(phase.room, frame);
		if (this.#inbox.length > 0) this.#scheduleDrain();
	}

	#handle(room: Room, frame: Uint8Array): void {
		if (this.#phase.name !== 'open') return;
		const { metrics } = this.deps;
		try {
			const message = decodeMessage(frame);
			if (message.kind === 'awareness') {
				metrics.message('awareness');
				const outcome = room.applyAwareness(this, message.update);
				if (outcome.notOwned)
					metrics.rejected.inc({ reason: 'awareness_not_owner' }, outcome.notOwned);
				if (outcome.tooLarge)
					metrics.rejected.inc({ reason: 'awareness_too_large' }, outcome.tooLarge);
				if (outcome.tooManyIds) {
					metrics.rejected.inc({ reason: 'awareness_too_many_ids' }, outcome.tooManyIds);
				}
				if (outcome.overBudget) {
					metrics.rejected.inc({ reason: 'awareness_over_budget' }, outcome.overBudget);
				}
			} else if (message.kind === 'heartbeat') {
				metrics.message('heartbeat');
				room.answerHeartbeat(this, message.id);
			} else if (message.step === 'step1') {
				metrics.message('sync_step1');
				const replyBytes = room.answerStateVector(this, message.stateVector);
				// Asking again is the peer's choice, and each answer costs what the peer lacks.
				if (this.#firstReplyBytes === null) this.#firstReplyBytes = replyBytes;
				else if (!this.#budget.charge(replyBytes)) this.#reject('rate_limited', 'rateLimited');
			} else {
				metrics.message(message.step === 'step2' ? 'sync_step2' : 'sync_update');
				// A viewer's writes are dropped: never applied, stored or relayed.
				if (this.capability !== 'edit') metrics.reject('read_only');
				else room.applyUpdate(this, message.update);
			}
		} catch (error) {
			// Anything that escapes decoding or applying is the peer's fault: close only this one.
			// Counted in charter_rejected_total; logged at debug so garbage cannot flood the log.
			this.deps.logger.debug(
				{ boardId: this.boardId, error: error instanceof Error ? error.message : 'unknown' },
				'closing a connection that sent a malformed message'
			);
			if (error instanceof MalformedMessageError) metrics.message('unknown');
			this.#reject('malformed', 'malformed');
		}
	}

	#reject(reason: RejectReason, close: CloseReasonName): void {
		this.deps.metrics.reject(reason);
		this.close(close);
	}

	#socketError(error: Error & { code?: string }): void {
		this.#beginClosing();
		const reason = WS_ERROR_REASONS[error.code ?? ''];
		if (reason) this.deps.metrics.reject(reason);
		else if (error.code?.startsWith('WS_ERR_')) this.deps.metrics.reject('malformed');
		this.deps.logger.debug({ err: error, boardId: this.boardId }, 'socket error');
	}

	#cleanUp(): void {
		if (this.#phase.name === 'closed') return;
		const room = this.#room;
		this.#enter({ name: 'closed' });
		this.#inbox = [];
		this.deps.metrics.connections.dec();
		if (room) this.deps.rooms.leave(room, this);
		for (const listener of this.#closeListeners.splice(0)) listener();
	}

	// Nothing a peer does may end the process: a failure here is logged and closes this socket.
	#guard(what: string, run: () => void): void {
		try {
			run();
		} catch (error) {
			this.deps.logger.error({ err: error, boardId: this.boardId }, `${what} failed`);
			this.close('internal');
		}
	}
}
