import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_LIMITS } from '../../../server/limits.ts';
import { Metrics } from '../../../server/metrics.ts';
import { Connection, CONNECTION_TRANSITIONS } from '../../../server/sync/connection.ts';
import { encodeHeartbeat } from '../../../server/sync/protocol.ts';
import type { Room } from '../../../server/sync/room.ts';
import type { RoomRegistry } from '../../../server/sync/rooms.ts';
import { expectTransitions } from '../../helpers/lifecycle.ts';

/** A websocket without a network: records what is sent and how it was closed. */
class FakeSocket extends EventEmitter {
	readyState: number = WebSocket.OPEN;
	bufferedAmount = 0;
	readonly sent: Uint8Array[] = [];
	readonly closedWith: number[] = [];

	send(message: Uint8Array): void {
		this.sent.push(message);
	}
	close(code: number): void {
		this.closedWith.push(code);
		this.readyState = WebSocket.CLOSING;
	}
	terminate(): void {
		this.readyState = WebSocket.CLOSED;
	}
	ping(): void {}
	pause(): void {}

	/** The peer sends a heartbeat with `id`. */
	heartbeat(id: number): void {
		this.emit('message', Buffer.from(encodeHeartbeat(id)), true);
	}
}

/** A connection on a fake socket, whose board loads when `load` is called. */
function connect() {
	const socket = new FakeSocket();
	const answered: number[] = [];
	const room = { answerHeartbeat: (_peer: unknown, id: number) => answered.push(id) };
	const left: unknown[] = [];
	let load!: () => void;
	const loading = new Promise<Room>((resolve) => (load = () => resolve(room as unknown as Room)));
	const rooms = {
		join: () => loading,
		leave: (joined: unknown) => left.push(joined)
	} as unknown as RoomRegistry;
	const deps = {
		rooms,
		metrics: new Metrics(),
		logger: pino({ level: 'silent' }),
		limits: DEFAULT_LIMITS
	};
	const raw = { write: () => true } as unknown as Duplex;
	const connection = new Connection(socket as unknown as WebSocket, raw, 'board', 'edit', deps);
	connection.start();
	const loaded = async () => {
		load();
		await loading;
		await new Promise((resolve) => setTimeout(resolve, 0));
	};
	return { socket, connection, room, answered, left, loaded };
}

describe('Connection', () => {
	it('holds what arrives while the board loads, then hands it to the room in order', async () => {
		const { socket, connection, answered, loaded } = connect();
		expect(connection.phase).toBe('joining');
		socket.heartbeat(1);
		socket.heartbeat(2);
		expect(answered).toEqual([]);
		await loaded();
		expect(connection.phase).toBe('open');
		socket.heartbeat(3);
		expect(answered).toEqual([1, 2, 3]);
	});

	it('once deaf (at shutdown) drops what the peer sends, but still sends it what the room does', async () => {
		const { socket, connection, answered, loaded } = connect();
		await loaded();
		connection.stopListening();
		expect(connection.phase).toBe('deaf');
		socket.heartbeat(1);
		connection.send(Uint8Array.of(9));
		expect(answered).toEqual([]);
		expect(socket.sent).toEqual([Uint8Array.of(9)]);
	});

	it('once closing sends and handles nothing; when the socket closes it leaves the room once', async () => {
		const { socket, connection, room, answered, left, loaded } = connect();
		await loaded();
		connection.close('goingAway');
		expect(connection.phase).toBe('closing');
		expect(socket.closedWith).toEqual([1001]);
		socket.heartbeat(1);
		connection.send(Uint8Array.of(9));
		expect(answered).toEqual([]);
		expect(socket.sent).toEqual([]);
		let told = 0;
		connection.onClosed(() => told++);
		socket.emit('close');
		socket.emit('close');
		expect(connection.phase).toBe('closed');
		expect(left).toEqual([room]);
		expect(told).toBe(1);
	});

	it('leaves a board that finishes loading after its socket closed', async () => {
		const { socket, connection, room, left, loaded } = connect();
		socket.emit('close');
		expect(connection.phase).toBe('closed');
		await loaded();
		expect(left).toEqual([room]);
		expect(connection.phase).toBe('closed');
	});

	it('refuses the transitions it does not draw: nothing reopens, closed is final', () => {
		expectTransitions('connection', CONNECTION_TRANSITIONS, {
			refused: [
				['closed', 'open'],
				['closed', 'closing'],
				['closing', 'open'],
				['closing', 'deaf'],
				['deaf', 'open'],
				['open', 'joining']
			],
			allowed: [
				['joining', 'open'],
				['open', 'deaf'],
				['deaf', 'closing'],
				['joining', 'closed']
			]
		});
	});
});
