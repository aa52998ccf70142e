import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LocalBus } from '../../../server/bus/local.ts';
import { DEFAULT_LIMITS } from '../../../server/limits.ts';
import { Metrics } from '../../../server/metrics.ts';
import type { Store } from '../../../server/store/store.ts';
import { REST_AFTER_MS } from '../../../server/sync/board-state.ts';
import { Room, ROOM_TRANSITIONS, type RoomDeps } from '../../../server/sync/room.ts';
import { FailingStore } from '../../helpers/failing-store.ts';
import { FakePeer } from '../../helpers/fake-peer.ts';
import { expectTransitions } from '../../helpers/lifecycle.ts';
import { MemoryData, MemoryStore } from '../../helpers/memory-store.ts';

const BOARD = 'board-room-unit';

function roomDeps(store: Store, bus = new LocalBus()): RoomDeps {
	return {
		store,
		bus,
		metrics: new Metrics(),
		logger: pino({ level: 'silent' }),
		limits: DEFAULT_LIMITS,
		compactAfterUpdates: 100
	};
}

/** An editor's change of the board title, as the update its client would send. */
function retitle(doc: Y.Doc, title: string): Uint8Array {
	const before = Y.encodeStateVector(doc);
	doc.getMap('meta').set('title', title);
	return Y.encodeStateAsUpdate(doc, before);
}

/** A room over an in-memory store whose appends can be made to fail or stall. */
async function openRoom(onBroken: (room: Room) => void = () => {}) {
	const data = new MemoryData();
	const store = new FailingStore(new MemoryStore(data));
	const room = await Room.load(BOARD, roomDeps(store), onBroken);
	const [ada, bo, cy] = [new FakePeer('ada'), new FakePeer('bo'), new FakePeer('cy')];
	for (const peer of [ada, bo, cy]) room.join(peer);
	return { data, store, room, ada, bo, cy, client: new Y.Doc() };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('Room', () => {
	it('stores an editor’s update before relaying it, to every other peer and never back to its sender', async () => {
		const { data, store, room, ada, bo, cy, client } = await openRoom();
		store.stallAppends();
		const update = retitle(client, 'Kickoff');
		room.applyUpdate(ada, update);
		await new Promise((resolve) => setTimeout(resolve, 20));
		// Durable before broadcast: nobody hears of it while the write is on its way.
		expect(bo.updates).toEqual([]);
		store.resumeAppends();
		await room.settled();
		expect(data.boards.get(BOARD)?.log.map((stored) => [...stored])).toEqual([[...update]]);
		expect(bo.updates).toEqual([[...update]]);
		expect(cy.updates).toEqual([[...update]]);
		expect(ada.updates).toEqual([]);
	});

	it('neither stores nor relays an update that changes nothing (a duplicate)', async () => {
		const { data, room, ada, bo, client } = await openRoom();
		const update = retitle(client, 'Kickoff');
		room.applyUpdate(ada, update);
		room.applyUpdate(bo, update);
		await room.settled();
		expect(data.boards.get(BOARD)?.log).toHaveLength(1);
		expect(ada.updates).toHaveLength(0);
		expect(bo.updates).toHaveLength(1);
	});

	it('answers a heartbeat only once every write queued before it is stored', async () => {
		const { store, room, ada, client } = await openRoom();
		store.stallAppends();
		room.applyUpdate(ada, retitle(client, 'Kickoff'));
		room.answerHeartbeat(ada, 7);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(ada.heartbeats).toEqual([]);
		store.resumeAppends();
		await room.settled();
		expect(ada.heartbeats).toEqual([7]);
	});

	it('rests as bytes once quiet and is live again on the next edit', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const { data, room, ada, client } = await openRoom();
		expect(room.phase).toBe('resting');
		room.applyUpdate(ada, retitle(client, 'Kickoff'));
		expect(room.phase).toBe('live');
		await vi.advanceTimersByTimeAsync(REST_AFTER_MS + 10);
		expect(room.phase).toBe('resting');
		room.applyUpdate(ada, retitle(client, 'Kickoff, again'));
		expect(room.phase).toBe('live');
		await room.settled();
		expect(data.boards.get(BOARD)?.log).toHaveLength(2);
	});

	it('breaks when a write fails: closes every peer with storeFailed, tells its registry once and answers nothing more', async () => {
		const broken: Room[] = [];
		const { data, store, room, ada, bo, cy, client } = await openRoom((room) => broken.push(room));
		store.failAppends(BOARD);
		room.applyUpdate(ada, retitle(client, 'Lost'));
		room.answerHeartbeat(bo, 1);
		await room.settled();
		expect(room.phase).toBe('broken');
		expect(room.broken).toBe(true);
		expect(broken).toEqual([room]);
		for (const peer of [ada, bo, cy]) expect(peer.closedWith).toEqual(['storeFailed']);
		// What the store does not hold is never relayed, and nothing queued after the failure runs.
		expect(bo.updates).toEqual([]);
		expect(bo.heartbeats).toEqual([]);
		store.heal();
		await room.unload();
		expect(room.phase).toBe('unloading');
		expect(data.boards.get(BOARD)).toBeUndefined();
	});

	it('unloads once: stores what was queued, relays it, compacts the log and takes nothing more from other nodes', async () => {
		const data = new MemoryData();
		const bus = new LocalBus();
		const room = await Room.load(BOARD, roomDeps(new MemoryStore(data), bus));
		const other = await Room.load(BOARD, roomDeps(new MemoryStore(data), bus));
		const [ada, bo, elsewhere] = [new FakePeer('ada'), new FakePeer('bo'), new FakePeer('eve')];
		room.join(ada);
		room.join(bo);
		other.join(elsewhere);
		const client = new Y.Doc();

		const fromOtherNode = retitle(client, 'From the other node');
		other.applyUpdate(elsewhere, fromOtherNode);
		await other.settled();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(ada.updates).toEqual([[...fromOtherNode]]);

		const queued = retitle(client, 'Queued');
		room.applyUpdate(ada, queued);
		const unloaded = room.unload();
		expect(room.phase).toBe('unloading');
		expect(room.unload()).toBe(unloaded);
		await unloaded;
		expect(bo.updates).toEqual([[...fromOtherNode], [...queued]]);
		const stored = data.boards.get(BOARD)!;
		expect(stored.log).toEqual([]);
		expect(stored.snapshot).not.toBeNull();

		other.applyUpdate(elsewhere, retitle(client, 'After the unload'));
		await other.settled();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(bo.updates).toHaveLength(2);
		expect(room.phase).toBe('unloading');
		await other.unload();
	});
});

describe('Room lifecycle', () => {
	it('refuses the transitions it does not draw: broken and unloading never come back', () => {
		expectTransitions('room', ROOM_TRANSITIONS, {
			refused: [
				['broken', 'live'],
				['broken', 'resting'],
				['unloading', 'live'],
				['unloading', 'resting'],
				['unloading', 'broken']
			],
			allowed: [
				['resting', 'live'],
				['live', 'resting'],
				['live', 'broken'],
				['resting', 'broken'],
				['broken', 'unloading'],
				['live', 'unloading']
			]
		});
	});
});
