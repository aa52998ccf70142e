import { Room, type RoomDeps, type RoomPeer } from './room.ts';

/** Thrown when a board already has as many connections as a room accepts. */
export class RoomFullError extends Error {
	override name = 'RoomFullError';
	constructor(readonly boardId: string) {
		super(`board ${boardId} is full`);
	}
}

/** Settings of the registry. */
export interface RoomRegistryOptions {
	/** How long a board stays loaded after its last connection left. */
	unloadDelayMs: number;
	/** Connections one board accepts, counting those still waiting for it to load. */
	maxConnectionsPerRoom: number;
}

// One board's place in the registry. `members` counts joined connections and those waiting for
// the load, synchronously, so an unload can never pick a room someone is about to join.
interface Slot {
	readonly boardId: string;
	readonly loading: Promise<Room>;
	members: number;
	unloadTimer: NodeJS.Timeout | null;
}

/**
 * The boards held in memory. A board is loaded on its first connection and unloaded a short
 * grace period after its last one leaves; a connection that arrives while the board unloads
 * waits for the unload to finish and then loads it afresh from the store. A board whose store
 * write failed is dropped at once, so the next connection loads it afresh.
 */
export class RoomRegistry {
	readonly #slots = new Map<string, Slot>();
	readonly #slotOf = new WeakMap<Room, Slot>();
	readonly #unloading = new Map<string, Promise<void>>();

	constructor(
		private readonly deps: RoomDeps,
		private readonly options: RoomRegistryOptions
	) {}

	/** Number of boards in memory (loaded or loading). */
	get size(): number {
		return this.#slots.size;
	}

	/** The board's room when it is loaded (or loading), without loading it; null otherwise. */
	async peek(boardId: string): Promise<Room | null> {
		const slot = this.#slots.get(boardId);
		if (!slot) return null;
		const room = await loaded(slot);
		return room && !room.broken ? room : null;
	}

	/** Loads the board if needed and adds `peer` to it; throws RoomFullError when it is full. */
	async join(boardId: string, peer: RoomPeer): Promise<Room> {
		const slot = this.#slots.get(boardId) ?? this.#open(boardId);
		if (slot.members >= this.options.maxConnectionsPerRoom) throw new RoomFullError(boardId);
		slot.members++;
		this.#cancelUnload(slot);
		let room: Room;
		try {
			room = await slot.loading;
		} catch (error) {
			slot.members--;
			throw error;
		}
		if (room.broken) {
			// It broke while this connection waited: join the fresh copy instead.
			this.leave(room, peer);
			return this.join(boardId, peer);
		}
		room.join(peer);
		return room;
	}

	/** Removes `peer`; the room unloads after the grace period if nobody else is left. */
	leave(room: Room, peer: RoomPeer): void {
		room.leave(peer);
		const slot = this.#slotOf.get(room);
		if (!slot) return;
		slot.members--;
		if (slot.members > 0) return;
		if (this.#slots.get(slot.boardId) !== slot) {
			// Dropped after a failed write: nothing to wait for.
			void this.#unload(slot);
			return;
		}
		this.#cancelUnload(slot);
		slot.unloadTimer = setTimeout(() => void this.#unload(slot), this.options.unloadDelayMs);
	}

	/** Resolves once every loaded room has stored what it queued so far. */
	async settleAll(): Promise<void> {
		const rooms = await Promise.all([...this.#slots.values()].map((slot) => loaded(slot)));
		await Promise.all(rooms.map((room) => room?.settled()));
	}

	/** Unloads every room now, peers or not, once their writes are stored (used at shutdown). */
	async unloadAll(): Promise<void> {
		await Promise.all([...this.#slots.values()].map((slot) => this.#unload(slot, true)));
		await Promise.all(this.#unloading.values());
	}

	#open(boardId: string): Slot {
		const slot: Slot = {
			boardId,
			loading: this.#load(boardId),
			members: 0,
			unloadTimer: null
		};
		this.#slots.set(boardId, slot);
		this.#count();
		slot.loading.then(
			(room) => this.#slotOf.set(room, slot),
			() => this.#drop(slot)
		);
		return slot;
	}

	async #load(boardId: string): Promise<Room> {
		await this.#unloading.get(boardId);
		return Room.load(boardId, this.deps, (room) => this.#broken(room));
	}

	#broken(room: Room): void {
		const slot = this.#slotOf.get(room);
		if (slot) this.#drop(slot);
	}

	async #unload(slot: Slot, force = false): Promise<void> {
		this.#cancelUnload(slot);
		if (slot.members > 0 && !force) return;
		this.#drop(slot);
		const room = await loaded(slot);
		if (!room) return;
		const previous = this.#unloading.get(slot.boardId);
		const unloading = Promise.resolve(previous)
			.then(() => room.unload())
			.catch((error: unknown) =>
				this.deps.logger.error({ err: error, boardId: slot.boardId }, 'unloading a board failed')
			)
			.finally(() => {
				if (this.#unloading.get(slot.boardId) === unloading) this.#unloading.delete(slot.boardId);
			});
		this.#unloading.set(slot.boardId, unloading);
		await unloading;
	}

	#drop(slot: Slot): void {
		if (this.#slots.get(slot.boardId) !== slot) return;
		this.#slots.delete(slot.boardId);
		this.#count();
	}

	#cancelUnload(slot: Slot): void {
		if (slot.unloadTimer) clearTimeout(slot.unloadTimer);
		slot.unloadTimer = null;
	}

	#count(): void {
		this.deps.metrics.roomsLoaded.set(this.#slots.size);
	}
}

function loaded(slot: Slot): Promise<Room | null> {
	return slot.loading.catch(() => null);
}
