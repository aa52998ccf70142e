import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import {
	BusError,
	type Bus,
	type BusChannel,
	type BusKind,
	type BusListener,
	type BusPayload
} from './bus.ts';
import { backoff, StreamReader, streamPosition, type Subscription } from './redis-reader.ts';
import { boardStreamKey, streamFields, wakeStreamKey, type StreamMessage } from './redis-stream.ts';

/** Options of the Redis Streams bus. */
export interface RedisBusOptions {
	/** A redis:// or rediss:// URL. */
	url: string;
	/** Entries a board's stream keeps (XADD MAXLEN ~), enough to cover a reader's lag. */
	maxLen: number;
	logger: Logger;
	/** Told of every connection error, for the dependency metrics. */
	onConnectionError?: (error: Error) => void;
	/** Bytes of updates held while Redis is away; past that, readers are told to resync. */
	maxPendingBytes?: number;
	/** How long one XREAD blocks before it is made again (default 5 s). */
	blockMs?: number;
}

/** A board's stream expires a day after its last entry, so idle boards cost Redis nothing. */
const STREAM_TTL_MS = 24 * 60 * 60 * 1_000;
/** The expiry is pushed back at most this often per stream, not on every entry. */
const EXPIRE_EVERY_MS = 60 * 60 * 1_000;
/** How long joining a board waits for Redis to say where its stream stands. */
const POSITION_TIMEOUT_MS = 1_000;

/**
 * Redis Streams between nodes. A node XADDs what it stored to the board's stream (trimmed with
 * MAXLEN ~); one reader per node XREADs the streams of its loaded boards from the last id it
 * saw and hands other nodes' entries to the rooms. A reader that fell behind the trimmed part,
 * or lost its connection, has the room catch up from the store. Updates published while Redis
 * is away wait in the client's queue and go out when it is back.
 */
export class RedisBus implements Bus {
	readonly kind = 'redis';
	/** This node's name on the streams, so it never reads back its own entries. */
	readonly nodeId = randomUUID();
	readonly #commands: Redis;
	readonly #reader: Redis;
	readonly #streams: StreamReader;
	readonly #wakeKey = wakeStreamKey(this.nodeId);
	readonly #stop = new AbortController();
	#pendingBytes = 0;
	/** Boards some of whose stored updates could not be published: readers must resync. */
	readonly #unpublished = new Set<string>();
	/** When this node last pushed back each stream's expiry. */
	readonly #expiredAt = new Map<string, number>();
	#loop: Promise<void> = Promise.resolve();

	private constructor(private readonly options: RedisBusOptions) {
		const common: RedisOptions = {
			protocol: 2,
			retryStrategy: backoff,
			connectionName: `charter-${this.nodeId}`
		};
		// Publishes wait in the offline queue while Redis is away, and are resent if unanswered.
		this.#commands = new Redis(options.url, { ...common, maxRetriesPerRequest: null });
		// The reader's commands fail at once when the connection drops, so its loop moves on.
		this.#reader = new Redis(options.url, {
			...common,
			maxRetriesPerRequest: 0,
			enableOfflineQueue: false,
			autoResendUnfulfilledCommands: false
		});
		this.#streams = new StreamReader(
			this.#reader,
			{
				nodeId: this.nodeId,
				wakeKey: this.#wakeKey,
				readCount: Math.max(1, Math.min(500, options.maxLen)),
				blockMs: options.blockMs ?? 5_000,
				logger: options.logger
			},
			this.#stop.signal
		);
		for (const client of [this.#commands, this.#reader]) {
			client.on('error', (error: Error) => this.options.onConnectionError?.(error));
		}
		this.#commands.on('ready', () => this.#announceUnpublished());
	}

	/** Connects to Redis, waiting up to `timeoutMs`; throws BusError when it does not answer. */
	static async connect(options: RedisBusOptions, timeoutMs: number): Promise<RedisBus> {
		const bus = new RedisBus(options);
		let lastError: Error | null = null;
		const onError = (error: Error) => (lastError = error);
		bus.#commands.on('error', onError);
		// Not events.once: it gives up at the first 'error', and a refused connection is retried.
		const ready = (client: Redis) =>
			new Promise<void>((resolve) => {
				if (client.status === 'ready') resolve();
				else client.once('ready', () => resolve());
			});
		let timer: NodeJS.Timeout | undefined;
		const timedOut = new Promise<false>(
			(resolve) => (timer = setTimeout(resolve, timeoutMs, false))
		);
		const connected = await Promise.race([
			Promise.all([ready(bus.#commands), ready(bus.#reader)]).then(() => true),
			timedOut
		]);
		clearTimeout(timer);
		bus.#commands.off('error', onError);
		if (!connected) {
			await bus.close();
			const why = (lastError as Error | null)?.message ?? 'no answer';
			throw new BusError(`Redis did not answer within ${timeoutMs} ms (${why})`);
		}
		bus.#loop = bus.#streams.run();
		return bus;
	}

	/** {@inheritDoc Bus.join} */
	async join(boardId: string, listener: BusListener): Promise<BusChannel> {
		if (this.#stop.signal.aborted) throw new BusError('the Redis bus is closed');
		const key = boardStreamKey(boardId);
		const subscription: Subscription = {
			boardId,
			key,
			listener,
			lastId: await this.#positionNow(key),
			resync: false,
			left: false
		};
		// Redis did not say where the stream stands: the reader asks once it can, and the room
		// then catches up from the store, which has everything published before that.
		if (subscription.lastId === null) subscription.resync = true;
		this.#streams.add(subscription);
		this.#wake();
		return {
			publish: (kind, payload) => this.#publish(subscription, kind, payload),
			leave: () => {
				this.#streams.remove(subscription);
				this.#expiredAt.delete(key);
			}
		};
	}

	/** {@inheritDoc Bus.ping} */
	async ping(): Promise<void> {
		if (this.#commands.status !== 'ready' || this.#reader.status !== 'ready') {
			throw new BusError(`Redis is not connected (${this.#commands.status})`);
		}
		await this.#commands.ping();
	}

	/** {@inheritDoc Bus.close} */
	async close(): Promise<void> {
		if (this.#stop.signal.aborted) return;
		this.#stop.abort();
		this.#reader.disconnect();
		await this.#loop;
		if (this.#commands.status === 'ready') {
			await this.#commands.del(this.#wakeKey).catch(() => {});
			await this.#commands.quit().catch(() => {});
		}
		this.#commands.disconnect();
	}

	#publish(subscription: Subscription, kind: BusKind, lazy: BusPayload): void {
		if (subscription.left || this.#stop.signal.aborted) return;
		// Presence renews itself every few seconds: never queue it for later.
		if (kind === 'awareness' && this.#commands.status !== 'ready') return;
		const payload = typeof lazy === 'function' ? lazy() : lazy;
		const limit = this.options.maxPendingBytes ?? 64 * 1024 * 1024;
		if (kind === 'update' && this.#pendingBytes + payload.length > limit) {
			this.#unpublished.add(subscription.boardId);
			return;
		}
		this.#xadd(subscription.key, { node: this.nodeId, kind, payload });
	}

	#xadd(key: string, message: StreamMessage): void {
		const size = message.payload.length;
		this.#pendingBytes += size;
		const maxLen = String(this.options.maxLen);
		this.#commands
			.call('XADD', [key, 'MAXLEN', '~', maxLen, '*', ...streamFields(message)])
			.then(
				() => this.#pushBackExpiry(key),
				(error: unknown) => {
					this.#unpublished.add(key.slice(boardStreamKey('').length));
					this.options.logger.warn({ err: error }, 'publishing to Redis failed');
				}
			)
			.catch(() => {})
			.finally(() => (this.#pendingBytes -= size));
	}

	async #pushBackExpiry(key: string): Promise<void> {
		const now = Date.now();
		if (now - (this.#expiredAt.get(key) ?? -Infinity) < EXPIRE_EVERY_MS) return;
		this.#expiredAt.set(key, now);
		await this.#commands.pexpire(key, STREAM_TTL_MS);
	}

	// Readers of a board some of whose updates were never published catch up from the store.
	#announceUnpublished(): void {
		for (const boardId of this.#unpublished) {
			const message = { node: this.nodeId, kind: 'resync', payload: new Uint8Array() } as const;
			this.#xadd(boardStreamKey(boardId), message);
		}
		this.#unpublished.clear();
	}

	// Where the stream stands now, or null when Redis does not answer soon.
	async #positionNow(key: string): Promise<string | null> {
		if (this.#commands.status !== 'ready') return null;
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<null>((resolve) => {
			timer = setTimeout(resolve, POSITION_TIMEOUT_MS, null);
		});
		const position = streamPosition(this.#commands, key).catch(() => null);
		const result = await Promise.race([position, timeout]);
		clearTimeout(timer);
		return result;
	}

	// Makes a blocked XREAD return, so it is made again with the streams joined since.
	#wake(): void {
		if (this.#commands.status !== 'ready') return;
		this.#commands
			.call('XADD', [this.#wakeKey, 'MAXLEN', '1', '*', 'w', '1'])
			.then(() => this.#commands.pexpire(this.#wakeKey, STREAM_TTL_MS))
			.catch(() => {});
	}
}
