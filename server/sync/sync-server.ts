import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { authorizeUpgrade, SYNC_PATH } from '../auth.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/store.ts';
import { Connection } from './connection.ts';
import { PROTOCOL } from './protocol.ts';
import { RoomRegistry } from './rooms.ts';

/** Settings of the sync endpoint. */
export interface SyncServerOptions {
	store: Store;
	metrics: Metrics;
	logger: Logger;
	allowedOrigins: readonly string[];
	maxMessageBytes: number;
	roomUnloadDelayMs: number;
	compactAfterUpdates: number;
	pingIntervalMs?: number;
}

const STATUS_TEXT = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' } as const;

/** Answers a refused upgrade with a plain HTTP response; no socket is ever made. */
function refuseUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT, message: string): void {
	const body = `${message}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n` +
			'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

/** The websocket endpoint `/sync/<boardId>`: checks keys before upgrading, then syncs boards. */
export class SyncServer {
	readonly rooms: RoomRegistry;
	readonly #wss: WebSocketServer;
	readonly #connections = new Set<Connection>();
	readonly #heartbeat: NodeJS.Timeout;
	#closing = false;

	constructor(private readonly options: SyncServerOptions) {
		const { store, metrics, logger } = options;
		this.rooms = new RoomRegistry(
			{ store, metrics, logger, compactAfterUpdates: options.compactAfterUpdates },
			options.roomUnloadDelayMs
		);
		this.#wss = new WebSocketServer({
			noServer: true,
			maxPayload: options.maxMessageBytes,
			perMessageDeflate: false,
			handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false)
		});
		this.#heartbeat = setInterval(() => {
			for (const connection of this.#connections) connection.heartbeat();
		}, options.pingIntervalMs ?? 30_000);
		this.#heartbeat.unref();
	}

	/** Takes an HTTP upgrade if it is for `/sync/…`; returns false to leave it to others. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		if (!req.url?.startsWith(SYNC_PATH)) return false;
		socket.on('error', () => socket.destroy());
		void this.#upgrade(req, socket, head);
		return true;
	}

	/** Closes every connection with 1001, then stores and unloads every board. */
	async close(): Promise<void> {
		this.#closing = true;
		clearInterval(this.#heartbeat);
		const closed = [...this.#connections].map(
			(connection) => new Promise<void>((resolve) => connection.onClosed(resolve))
		);
		for (const connection of this.#connections) connection.close('goingAway');
		await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 2_000))]);
		await this.rooms.unloadAll();
		this.#wss.close();
	}

	async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		const { metrics, logger } = this.options;
		const decision = await authorizeUpgrade(req, this.options.allowedOrigins);
		if (this.#closing) return void refuseUpgrade(socket, 400, 'server shutting down');
		if (!decision.ok) {
			metrics.reject(decision.reason);
			logger.info({ status: decision.status, reason: decision.reason }, 'upgrade refused');
			return refuseUpgrade(socket, decision.status, decision.message);
		}
		this.#wss.handleUpgrade(req, socket, head, (ws) => {
			const connection = new Connection(ws, decision.boardId, decision.capability, {
				rooms: this.rooms,
				metrics,
				logger
			});
			this.#connections.add(connection);
			connection.onClosed(() => this.#connections.delete(connection));
			connection.start();
		});
	}
}
