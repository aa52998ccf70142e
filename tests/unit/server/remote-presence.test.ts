import { describe, expect, it } from 'vitest';
import { REMOTE_PRESENCE_TTL_MS, RemotePresence } from '../../../server/bus/remote-presence.ts';
import type { AwarenessEntry } from '../../../server/sync/awareness.ts';

const entry = (clientId: number, clock: number, state: unknown): AwarenessEntry => {
	const text = JSON.stringify(state);
	return { clientId, clock, state: text, bytes: text.length };
};

describe('RemotePresence', () => {
	it('keeps the newest state of each client and relays only what changed', () => {
		const presence = new RemotePresence();
		expect(presence.apply([entry(1, 1, { name: 'Ada' })])).toHaveLength(1);
		expect(presence.apply([entry(1, 1, { name: 'Old' })])).toEqual([]);
		expect(presence.apply([entry(1, 2, { name: 'Ada L.' })])).toHaveLength(1);
		expect(presence.present().map((e) => JSON.parse(e.state))).toEqual([{ name: 'Ada L.' }]);
	});

	it('forgets a client whose state was cleared, and relays the clearing', () => {
		const presence = new RemotePresence();
		presence.apply([entry(1, 1, { name: 'Ada' })]);
		expect(presence.apply([entry(1, 1, null)])).toHaveLength(1);
		expect(presence.present()).toEqual([]);
	});

	it('no longer greets newcomers with a state not renewed within the timeout', () => {
		let now = 1_000;
		const presence = new RemotePresence(() => now);
		presence.apply([entry(1, 1, { name: 'Ada' }), entry(2, 1, { name: 'Bea' })]);
		now += REMOTE_PRESENCE_TTL_MS - 1;
		presence.apply([entry(2, 2, { name: 'Bea' })]);
		now += 2;
		expect(presence.present().map((e) => e.clientId)).toEqual([2]);
	});
});
