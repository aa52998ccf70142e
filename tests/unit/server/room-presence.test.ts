import { describe, expect, it } from 'vitest';
import type { AwarenessEntry } from '../../../server/sync/awareness.ts';
import { presenceMessages } from '../../../server/sync/presence-greeting.ts';
import { RoomAwareness, type AwarenessLimits } from '../../../server/sync/room-presence.ts';
import type { Capability } from '../../../src/lib/sync/keys.ts';

interface Peer {
	name: string;
	capability: Capability;
}

const LIMITS: AwarenessLimits = {
	maxStateBytes: 1000,
	maxIdsPerOwner: 8,
	maxBytesPerOwner: 2000,
	maxStates: 8,
	maxBytes: 4000
};

function presence(limits: Partial<AwarenessLimits> = {}) {
	return new RoomAwareness<Peer>({ ...LIMITS, ...limits }, (peer) => peer.capability);
}

function entry(clientId: number, clock: number, size = 10, text = 'x'): AwarenessEntry {
	const state = JSON.stringify({ t: text.repeat(Math.max(1, size - 8)) });
	return { clientId, clock, state, bytes: state.length };
}

const editor = (name: string): Peer => ({ name, capability: 'edit' });
const viewer = (name: string): Peer => ({ name, capability: 'view' });

describe('RoomAwareness: who may write an id', () => {
	it('keeps an id an editor released reserved for editors', () => {
		const room = presence();
		const ada = editor('ada');
		room.apply(ada, [entry(1, 1)]);
		room.release(ada);
		expect(room.apply(viewer('mallory'), [entry(1, 99)]).notOwned).toBe(1);
		expect(room.apply(editor('ada again'), [entry(1, 1)]).changed).toHaveLength(1);
	});

	it('relays a returning owner past the clock of the state that said it left', () => {
		const room = presence();
		const ada = editor('ada');
		room.apply(ada, [entry(1, 3)]);
		const [left] = room.release(ada);
		expect(left).toMatchObject({ clientId: 1, clock: 4, state: 'null' });
		const back = room.apply(editor('ada again'), [entry(1, 3)]);
		expect(back.changed[0]!.clock).toBe(5);
		// It holds its own state: one sent back could undo a change it made meanwhile.
		expect(back.echo).toEqual([]);
	});

	it('lets an editor take an id from a viewer, but never from another editor', () => {
		const room = presence();
		room.apply(viewer('mallory'), [entry(1, 1000)]);
		const taken = room.apply(editor('ada'), [entry(1, 2, 10, 'a')]);
		expect(taken.changed[0]!.clock).toBe(1001);
		// It was greeted with the viewer's state for its id: it gets its own back.
		expect(taken.echo).toEqual(taken.changed);
		expect(room.apply(viewer('mallory'), [entry(1, 2000)]).notOwned).toBe(1);
		expect(room.apply(editor('grace'), [entry(1, 3000)]).notOwned).toBe(1);
	});

	it('treats an editor’s copy of a state it was sent as an echo, not a claim', () => {
		const room = presence();
		const bob = viewer('bob');
		const [relayed] = room.apply(bob, [entry(1, 7)]).changed;
		expect(room.apply(editor('ada'), [relayed!]).notOwned).toBe(1);
		expect(room.apply(bob, [entry(1, 8)]).changed).toHaveLength(1);
	});
});

describe('RoomAwareness: bounds', () => {
	it('bounds the bytes one connection may hold', () => {
		const room = presence();
		const outcome = room.apply(viewer('v'), [entry(1, 1, 900), entry(2, 1, 900), entry(3, 1, 900)]);
		expect(outcome.changed).toHaveLength(2);
		expect(outcome.overBudget).toBe(1);
	});

	it('lets viewers fill only half of the room, so editors still find room', () => {
		const room = presence();
		let clientId = 0;
		for (let i = 0; i < 4; i++) room.apply(viewer(`v${i}`), [entry(++clientId, 1, 900)]);
		expect(room.present()).toHaveLength(2);
		const ada = room.apply(editor('ada'), [entry(++clientId, 1, 900)]);
		expect(ada.changed).toHaveLength(1);
		expect(room.present()[0]!.clientId).toBe(clientId);
	});

	it('frees what a connection held when it leaves', () => {
		const room = presence();
		const first = viewer('first');
		room.apply(first, [entry(1, 1, 900), entry(2, 1, 900)]);
		room.release(first);
		expect(room.apply(viewer('second'), [entry(3, 1, 900), entry(4, 1, 900)]).changed).toHaveLength(
			2
		);
	});
});

describe('presenceMessages', () => {
	it('splits a large presence into messages of a bounded size, in order', () => {
		const entries = Array.from({ length: 40 }, (_, i) => entry(i + 1, 1, 8000));
		const messages = presenceMessages(entries, 64 * 1024);
		expect(messages.length).toBeGreaterThan(4);
		for (const message of messages) expect(message.length).toBeLessThan(80 * 1024);
	});
});
