import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Bus } from '../bus/bus.ts';
import { WebSocketServer, type ServerOptions } from 'ws';
import { authorizeUpgrade, SYNC_PATH } from '../auth.ts';
import { clientAddress } from '../client-address.ts';
import { UNKNOWN_HOST_MESSAGE, type HostAllowlist } from '../host-check.ts';
import type { Limits } from '../limits.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/store.ts';
import { Connection } from './connection.ts';
import type { SyncHardening } from './hardening.ts';
import { PROTOCOL } from './protocol.ts';
import { RoomRegistry } from './rooms.ts';

/** Settings of the sync endpoint. */
export interface SyncServerOptions {
	store: Store;
	/** Carries updates and presence to and from the other nodes. */
	bus: Bus;
	metrics: Metrics;
	logger: Logger;
	allowedOrigins: readonly string[];
	/** The names an upgrade's Host may carry; every upgrade is refused with 421 otherwise. */
	hosts: HostAllowlist;
	limits: Limits;
	roomUnloadDelayMs: number;
	compactAfterUpdates: number;
	/** Told each time a room stored a change (automatic checkpoints listen here). */
	onStored?: (boardId: string) => void;
	/** Update admission, pending data, board quotas and connections per address (issue 14). */
	hardening?: SyncHardening;
}

const STATUS_TEXT = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	429: 'Too Many Requests',
	421: 'Misdirected Request',
	503: 'Service Unavailable'
} as const;

/** How long a closing socket waits for the peer's close frame before it is destroyed. */
const CLOSE_TIMEOUT_MS = 5_000;

/** How long shutdown waits for peers to answer the close handshake before dropping them. */
const CLOSE_HANDSHAKE_MS = 2_000;

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
	#closing: Promise<void> | null = null;

	constructor(private readonly options: SyncServerOptions) {
		const { store, bus, metrics, logger, limits, compactAfterUpdates, onStored } = options;
		const { admission, pending, boards } = options.hardening ?? {};
		this.rooms = new RoomRegistry(
			{
				store,
				bus,
				metrics,
				logger,
				limits,
				compactAfterUpdates,
				onStored,
				admission,
				pending,
				boards
			},
			{
				unloadDelayMs: options.roomUnloadDelayMs,
				maxConnectionsPerRoom: limits.maxConnectionsPerRoom
			}
		);
		// ws 8.23 takes `closeTimeout`; @types/ws does not list it yet.
		const wsOptions: ServerOptions & { closeTimeout: number } = {
			noServer: true,
			maxPayload: limits.maxMessageBytes,
			perMessageDeflate: false,
			// A peer that does not answer a close frame (a flooder, a slow consumer) is dropped.
			closeTimeout: CLOSE_TIMEOUT_MS,
			handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false)
		};
		this.#wss = new WebSocketServer(wsOptions);
		this.#heartbeat = setInterval(() => {
			for (const connection of this.#connections) connection.heartbeat();
		}, limits.heartbeatMs);
		this.#heartbeat.unref();
	}

	/** Takes an HTTP upgrade if it is for `/sync/…`; returns false to leave it to others. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		if (!req.url?.startsWith(SYNC_PATH)) return false;
		socket.on('error', () => socket.destroy());
		try {
			this.#upgrade(req, socket, head);
		} catch (error) {
			this.options.logger.error({ err: error }, 'upgrade failed');
			socket.destroy();
		}
		return true;
	}

	/**
	 * Shuts down gracefully: refuses new upgrades, stops handling messages, waits until every
	 * update already received is stored and relayed, closes every socket with 1001, then stores
	 * (compacts) and unloads every board.
	 */
	close(): Promise<void> {
		this.#closing ??= this.#shutDown();
		return this.#closing;
	}

	async #shutDown(): Promise<void> {
		clearInterval(this.#heartbeat);
		for (const connection of this.#connections) connection.stopListening();
		await this.rooms.settleAll();
		const closed = [...this.#connections].map(
			(connection) => new Promise<void>((resolve) => connection.onClosed(resolve))
		);
		for (const connection of this.#connections) connection.close('goingAway');
		const handshake = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_HANDSHAKE_MS));
		await Promise.race([Promise.all(closed), handshake]);
		for (const connection of this.#connections) connection.terminate();
		await this.rooms.unloadAll();
		this.#wss.close();
	}

	#upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		const { metrics, logger } = this.options;
		const decision = authorizeUpgrade(req, this.options.allowedOrigins);
		if (this.#closing) {
			metrics.reject('shutting_down');
			return refuseUpgrade(socket, 503, 'server shutting down');
		}
		// Before the Origin check: a rebound page's Origin matches the (attacker's) Host it sends.
		if (!this.options.hosts.allows(req.headers.host)) {
			metrics.reject('forbidden_host');
			return refuseUpgrade(socket, 421, UNKNOWN_HOST_MESSAGE);
		}
		if (!decision.ok) {
			metrics.reject(decision.reason);
			// Counted in charter_rejected_total; logged at debug so a flood cannot flood the log.
			logger.debug({ status: decision.status, reason: decision.reason }, 'upgrade refused');
			return refuseUpgrade(socket, decision.status, decision.message);
		}
		const { hardening } = this.options;
		const address = clientAddress(req, hardening?.trustProxy ?? false);
		if (hardening && !hardening.connections.acquire(address)) {
			metrics.reject('connections_per_address');
			return refuseUpgrade(socket, 429, 'too many connections from this address');
		}
		// The TCP socket closes whatever becomes of the upgrade: the count cannot leak.
		if (hardening) socket.once('close', () => hardening.connections.release(address));
		this.#wss.handleUpgrade(req, socket, head, (ws) => {
			const deps = { rooms: this.rooms, metrics, logger, limits: this.options.limits };
			const { boardId, capability } = decision;
			const connection = new Connection(ws, socket, boardId, capability, deps, address);
			this.#connections.add(connection);
			connection.onClosed(() => this.#connections.delete(connection));
			connection.start();
		});
	}
}
