import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/store.ts';
import { AwarenessOwners, decodeAwarenessUpdate, encodeAwarenessUpdate } from './awareness.ts';
import { encodeAwareness, encodeSync, SyncStep, type CloseReasonName } from './protocol.ts';

/** What a room needs from a connection: a way to send frames and to be closed. */
export interface RoomPeer {
	send(frame: Uint8Array): void;
	close(reason: CloseReasonName): void;
}

/** Services a room uses. */
export interface RoomDeps {
	store: Store;
	metrics: Metrics;
	logger: Logger;
	/** Compact the board's log into a snapshot once it holds this many updates. */
	compactAfterUpdates: number;
}

/** Origin of the updates a room applies from its store, so they are never stored again. */
const STORE_ORIGIN = Symbol('charter.store');

function transactionChanged(transaction: Y.Transaction): boolean {
	if (transaction.deleteSet.clients.size > 0) return true;
	for (const [client, clock] of transaction.afterState) {
		if (transaction.beforeState.get(client) !== clock) return true;
	}
	return false;
}

/**
 * One board held in memory with the connections editing it. Every update is applied, then
 * appended to the store, and only then relayed; replies and relays go out through one serial
 * queue, so nothing a peer receives can be ahead of what the store holds.
 */
export class Room {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<RoomPeer>();
	readonly #owners = new AwarenessOwners<RoomPeer>();
	#queue: Promise<void> = Promise.resolve();
	#logLength = 0;
	#lastTransactionChanged = false;
	#broken = false;

	private constructor(
		readonly boardId: string,
		private readonly deps: RoomDeps
	) {
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
		this.doc.on('afterTransaction', (transaction) => {
			this.#lastTransactionChanged = transactionChanged(transaction);
		});
	}

	/** Loads a board from the store; no peer hears from the room before this resolves. */
	static async load(boardId: string, deps: RoomDeps): Promise<Room> {
		const room = new Room(boardId, deps);
		const stored = await deps.store.load(boardId);
		room.doc.transact(() => {
			if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, STORE_ORIGIN);
			for (const update of stored.log) Y.applyUpdate(room.doc, update, STORE_ORIGIN);
		}, STORE_ORIGIN);
		room.#logLength = stored.log.length;
		return room;
	}

	/** Greets a new peer with the server's state vector and everyone's presence. */
	join(peer: RoomPeer): void {
		this.peers.add(peer);
		peer.send(encodeSync(SyncStep.step1, Y.encodeStateVector(this.doc)));
		const clients = [...this.awareness.getStates().keys()];
		if (clients.length > 0) {
			peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
		}
	}

	/** Removes a peer and the presence it owned, telling the others. */
	leave(peer: RoomPeer): void {
		if (!this.peers.delete(peer)) return;
		// Only ids the awareness has heard of carry a clock; the others have nothing to remove.
		const ids = this.#owners.release(peer).filter((id) => this.awareness.meta.has(id));
		if (ids.length === 0) return;
		awarenessProtocol.removeAwarenessStates(this.awareness, ids, peer);
		this.#broadcast(
			encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)),
			peer
		);
	}

	/** Answers sync step 1 with what the peer lacks, once all it could see is durable. */
	answerStateVector(peer: RoomPeer, stateVector: Uint8Array): void {
		const reply = encodeSync(SyncStep.step2, Y.encodeStateAsUpdate(this.doc, stateVector));
		this.#enqueue(async () => peer.send(reply));
	}

	/**
	 * Applies an update from an editor, stores it and then relays it to the other peers.
	 * Throws when the update cannot be decoded (the caller closes that connection).
	 */
	applyUpdate(from: RoomPeer, update: Uint8Array): void {
		this.#lastTransactionChanged = false;
		Y.applyUpdate(this.doc, update, from);
		const pending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
		// A duplicate changes nothing and is neither stored nor relayed; an update still waiting
		// for its dependencies is kept, since the doc will need it once they arrive.
		if (!this.#lastTransactionChanged && !pending) return;
		const relay = encodeSync(SyncStep.update, update);
		this.#enqueue(async () => {
			const stopTimer = this.deps.metrics.storeAppendSeconds.startTimer();
			await this.deps.store.append(this.boardId, update);
			stopTimer();
			this.#broadcast(relay, from);
			if (++this.#logLength >= this.deps.compactAfterUpdates) await this.#compact();
		});
	}

	/**
	 * Applies the entries of an awareness update that `from` owns and relays them.
	 * Returns how many entries were dropped because another connection owns their id.
	 */
	applyAwareness(from: RoomPeer, update: Uint8Array, frame: Uint8Array): number {
		const entries = decodeAwarenessUpdate(update);
		const allowed = this.#owners.filter(from, entries);
		if (allowed.length === 0) return entries.length;
		const whole = allowed.length === entries.length;
		const effective = whole ? update : encodeAwarenessUpdate(allowed);
		awarenessProtocol.applyAwarenessUpdate(this.awareness, effective, from);
		this.#broadcast(whole ? frame : encodeAwareness(effective), from);
		return entries.length - allowed.length;
	}

	/** Resolves once every queued store write and reply has gone out. */
	settled(): Promise<void> {
		return this.#queue;
	}

	/** Waits for pending writes, compacts the log and frees the room's memory. */
	async unload(): Promise<void> {
		await this.settled();
		if (!this.#broken && this.#logLength > 0) await this.#compact();
		this.awareness.destroy();
		this.doc.destroy();
	}

	async #compact(): Promise<void> {
		await this.deps.store.compact(this.boardId);
		this.#logLength = 0;
	}

	#broadcast(frame: Uint8Array, except: RoomPeer): void {
		for (const peer of this.peers) if (peer !== except) peer.send(frame);
	}

	#enqueue(task: () => Promise<void>): void {
		this.#queue = this.#queue.then(async () => {
			if (this.#broken) return;
			try {
				await task();
			} catch (error) {
				this.#fail(error);
			}
		});
	}

	// The in-memory doc may now hold what the store does not: drop every peer so that nobody
	// builds on it, and let the room unload and reload from the store.
	#fail(error: unknown): void {
		this.#broken = true;
		this.deps.metrics.reject('store_failed');
		this.deps.logger.error({ err: error, boardId: this.boardId }, 'store write failed');
		for (const peer of [...this.peers]) peer.close('internal');
	}
}
