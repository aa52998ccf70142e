import { Room, type RoomDeps, type RoomPeer } from './room.ts';

/**
 * The boards held in memory. A board is loaded on its first connection and unloaded a short
 * grace period after its last one leaves; a connection that arrives while the board unloads
 * waits for the unload to finish and then loads it afresh from the store.
 */
export class RoomRegistry {
	readonly #rooms = new Map<string, Promise<Room>>();
	readonly #unloading = new Map<string, Promise<void>>();
	readonly #unloadTimers = new Map<string, NodeJS.Timeout>();

	constructor(
		private readonly deps: RoomDeps,
		private readonly unloadDelayMs: number
	) {}

	/** Number of boards in memory (loaded or loading). */
	get size(): number {
		return this.#rooms.size;
	}

	/** Loads the board if needed and adds `peer` to it. */
	async join(boardId: string, peer: RoomPeer): Promise<Room> {
		this.#cancelUnload(boardId);
		const room = await this.#room(boardId);
		room.join(peer);
		return room;
	}

	/** Removes `peer`; the room unloads after the grace period if nobody else is left. */
	leave(room: Room, peer: RoomPeer): void {
		room.leave(peer);
		if (room.peers.size > 0) return;
		this.#cancelUnload(room.boardId);
		const timer = setTimeout(() => void this.#unload(room.boardId), this.unloadDelayMs);
		this.#unloadTimers.set(room.boardId, timer);
	}

	/** Unloads every room now, peers or not, once their writes are stored (used at shutdown). */
	async unloadAll(): Promise<void> {
		for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
		this.#unloadTimers.clear();
		await Promise.all([...this.#rooms.keys()].map((boardId) => this.#unload(boardId, true)));
		await Promise.all(this.#unloading.values());
	}

	#room(boardId: string): Promise<Room> {
		let room = this.#rooms.get(boardId);
		if (!room) {
			room = this.#load(boardId);
			this.#rooms.set(boardId, room);
			this.deps.metrics.roomsLoaded.set(this.#rooms.size);
			room.catch(() => {
				if (this.#rooms.get(boardId) === room) this.#rooms.delete(boardId);
				this.deps.metrics.roomsLoaded.set(this.#rooms.size);
			});
		}
		return room;
	}

	async #load(boardId: string): Promise<Room> {
		await this.#unloading.get(boardId);
		return Room.load(boardId, this.deps);
	}

	async #unload(boardId: string, force = false): Promise<void> {
		this.#cancelUnload(boardId);
		const loading = this.#rooms.get(boardId);
		if (!loading) return;
		const room = await loading.catch(() => null);
		if (room && room.peers.size > 0 && !force) return;
		if (this.#rooms.get(boardId) !== loading) return;
		this.#rooms.delete(boardId);
		this.deps.metrics.roomsLoaded.set(this.#rooms.size);
		if (!room) return;
		const unloading = room
			.unload()
			.catch((error: unknown) =>
				this.deps.logger.error({ err: error, boardId }, 'unloading a board failed')
			)
			.finally(() => {
				if (this.#unloading.get(boardId) === unloading) this.#unloading.delete(boardId);
			});
		this.#unloading.set(boardId, unloading);
		await unloading;
	}

	#cancelUnload(boardId: string): void {
		const timer = this.#unloadTimers.get(boardId);
		if (timer) clearTimeout(timer);
		this.#unloadTimers.delete(boardId);
	}
}
