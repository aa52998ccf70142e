import { once } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BusListener } from './bus.ts';
import {
	compareStreamIds,
	firstEntryId,
	parseStreamFields,
	STREAM_START,
	streamInfoField
} from './redis-stream.ts';

/** One room's subscription to its board's stream. */
export interface Subscription {
	readonly boardId: string;
	readonly key: string;
	readonly listener: BusListener;
	/** The last entry seen; null while Redis could not say where the stream stands. */
	lastId: string | null;
	/** Catch up from the store before reading on (the reader lost its connection). */
	resync: boolean;
	left: boolean;
}

/** Settings of the reader. */
export interface StreamReaderOptions {
	/** This node's name on the streams: its own entries are skipped. */
	nodeId: string;
	/** The stream written to make a blocked read return. */
	wakeKey: string;
	/** Entries per stream per read; at most the streams' MAXLEN, so a full read means lag. */
	readCount: number;
	/** How long one XREAD blocks. */
	blockMs: number;
	logger: Logger;
}

/** Backoff between attempts after a failure: 50 ms doubling up to 2 s. */
export const backoff = (attempt: number) => Math.min(50 * 2 ** attempt, 2_000);

/** Where a stream stands: its last id, or the start for a stream that does not exist yet. */
export async function streamPosition(client: Redis, key: string): Promise<string> {
	try {
		const info = await client.call('XINFO', ['STREAM', key]);
		return String(streamInfoField(info, 'last-generated-id') ?? STREAM_START);
	} catch (error) {
		if (error instanceof Error && /no such key/i.test(error.message)) return STREAM_START;
		throw error;
	}
}

/**
 * A node's one reader: XREAD BLOCK over the streams of its loaded boards, each from the last
 * id its subscription saw, handing other nodes' entries to the rooms. After a lost connection
 * every room catches up from the store (a restarted Redis may have lost entries); a room whose
 * reader fell behind the trimmed part of its stream does too.
 */
export class StreamReader {
	readonly #subscriptions = new Map<string, Set<Subscription>>();
	#wakeLastId = STREAM_START;
	#wasReady = false;

	constructor(
		private readonly client: Redis,
		private readonly options: StreamReaderOptions,
		private readonly signal: AbortSignal
	) {
		client.on('ready', () => this.#ready());
	}

	/** Reads `subscription`'s stream from now on. */
	add(subscription: Subscription): void {
		let group = this.#subscriptions.get(subscription.key);
		if (!group) this.#subscriptions.set(subscription.key, (group = new Set()));
		group.add(subscription);
	}

	/** Stops reading for `subscription`. */
	remove(subscription: Subscription): void {
		subscription.left = true;
		const group = this.#subscriptions.get(subscription.key);
		group?.delete(subscription);
		if (group?.size === 0) this.#subscriptions.delete(subscription.key);
	}

	#ready(): void {
		// Back after losing the connection: entries may have been lost with a restarted Redis.
		if (this.#wasReady) {
			for (const group of this.#subscriptions.values()) {
				for (const subscription of group) subscription.resync = true;
			}
		}
		this.#wasReady = true;
	}

	/** Reads until the signal aborts, through lost connections and restarts of Redis. */
	async run(): Promise<void> {
		let failures = 0;
		while (!this.signal.aborted) {
			try {
				if (this.client.status !== 'ready') {
					await once(this.client, 'ready', { signal: this.signal });
					continue;
				}
				await this.#catchUp();
				await this.#readOnce();
				failures = 0;
			} catch (error) {
				if (this.signal.aborted) return;
				this.options.logger.debug({ err: error }, 'reading the Redis streams failed');
				await new Promise((resolve) => setTimeout(resolve, backoff(failures++)));
			}
		}
	}

	// Positions the subscriptions Redis could not place before, then has the rooms that may
	// have missed something reload from the store.
	async #catchUp(): Promise<void> {
		for (const group of this.#subscriptions.values()) {
			for (const subscription of group) {
				if (subscription.lastId === null) {
					subscription.lastId = await streamPosition(this.client, subscription.key);
				}
				if (subscription.resync) {
					subscription.resync = false;
					this.#tell(subscription, (listener) => listener.resync());
				}
			}
		}
	}

	async #readOnce(): Promise<void> {
		const keys = [this.options.wakeKey];
		const ids = [this.#wakeLastId];
		const before = new Map<Subscription, string>();
		for (const [key, group] of this.#subscriptions) {
			let from: string | null = null;
			for (const subscription of group) {
				if (subscription.lastId === null) continue;
				before.set(subscription, subscription.lastId);
				if (from === null || compareStreamIds(subscription.lastId, from) < 0) {
					from = subscription.lastId;
				}
			}
			if (from !== null) {
				keys.push(key);
				ids.push(from);
			}
		}
		const block = String(this.options.blockMs);
		const args = [
			'COUNT',
			String(this.options.readCount),
			'BLOCK',
			block,
			'STREAMS',
			...keys,
			...ids
		];
		const reply = (await this.client.callBuffer('XREAD', args)) as Array<
			[Buffer, Array<[Buffer, Buffer[]]>]
		> | null;
		for (const [keyBytes, entries] of reply ?? []) {
			const key = keyBytes.toString();
			if (key === this.options.wakeKey) {
				this.#wakeLastId = entries.at(-1)![0].toString();
				continue;
			}
			this.#deliver(key, entries);
			if (entries.length >= this.options.readCount) await this.#checkTrimmed(key, before);
		}
	}

	#deliver(key: string, entries: Array<[Buffer, Buffer[]]>): void {
		const group = this.#subscriptions.get(key);
		if (!group) return;
		for (const [idBytes, fields] of entries) {
			const id = idBytes.toString();
			const message = parseStreamFields(fields);
			for (const subscription of group) {
				if (subscription.lastId === null || compareStreamIds(id, subscription.lastId) <= 0) {
					continue;
				}
				subscription.lastId = id;
				if (!message || message.node === this.options.nodeId) continue;
				this.#tell(subscription, (listener) => {
					if (message.kind === 'update') listener.update(message.payload);
					else if (message.kind === 'awareness') listener.awareness(message.node, message.payload);
					else listener.resync();
				});
			}
		}
	}

	// A full batch may mean the reader is far behind. Entries are trimmed oldest first, so a
	// subscription may have missed some when the stream's first entry is past its last id
	// (a reload that was not needed costs one store read; a missed update would cost a board).
	async #checkTrimmed(key: string, before: Map<Subscription, string>): Promise<void> {
		const info = await this.client.call('XINFO', ['STREAM', key]).catch(() => null);
		const first = firstEntryId(info);
		if (first === null) return;
		for (const subscription of this.#subscriptions.get(key) ?? []) {
			const from = before.get(subscription);
			if (from !== undefined && compareStreamIds(first, from) > 0) {
				this.options.logger.info(
					{ boardId: subscription.boardId },
					'fell behind the trimmed stream: reloading from the store'
				);
				this.#tell(subscription, (listener) => listener.resync());
			}
		}
	}

	#tell(subscription: Subscription, deliver: (listener: BusListener) => void): void {
		if (subscription.left) return;
		try {
			deliver(subscription.listener);
		} catch (error) {
			this.options.logger.error(
				{ err: error, boardId: subscription.boardId },
				'applying a message from another node failed'
			);
		}
	}
}
