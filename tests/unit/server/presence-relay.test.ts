import { describe, expect, it, vi } from 'vitest';
import type { AwarenessEntry } from '../../../server/sync/awareness.ts';
import { PresenceRelay } from '../../../server/sync/presence-relay.ts';

function entry(clientId: number, bytes: number): AwarenessEntry {
	const state = JSON.stringify({ t: 'x'.repeat(bytes - 8) });
	return { clientId, clock: 1, state, bytes: state.length };
}

describe('PresenceRelay', () => {
	it('holds the next batch back by what the last one weighed at its byte rate', async () => {
		const sent: Array<{ at: number; ids: number[] }> = [];
		let done: () => void = () => {};
		const second = new Promise<void>((resolve) => (done = resolve));
		// 10 KB a second: a 5 KB batch keeps the next one back for half a second.
		const relay = new PresenceRelay<string>(
			50,
			(entries) => {
				sent.push({ at: performance.now(), ids: entries.map((e) => e.clientId) });
				if (sent.length === 2) done();
			},
			10_000
		);
		relay.add([entry(1, 5_000)], 'viewer-a');
		relay.add([entry(2, 100)], 'viewer-b');
		relay.add([entry(3, 100)], 'viewer-c');
		await second;
		relay.stop();
		expect(sent.map((batch) => batch.ids)).toEqual([[1], [2, 3]]);
		// Timers fire late on a busy machine, never early: only the lower bound is asserted.
		expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(490);
	});

	it('without a byte rate, relays the next batch after its interval, coalesced', async () => {
		const sent: number[][] = [];
		const relay = new PresenceRelay<string>(20, (entries) =>
			sent.push(entries.map((e) => e.clientId))
		);
		relay.add([entry(1, 5_000)], 'a');
		relay.add([entry(2, 100)], 'b');
		relay.add([entry(2, 120)], 'b');
		await vi.waitFor(() => expect(sent).toHaveLength(2), { timeout: 5_000 });
		relay.stop();
		expect(sent).toEqual([[1], [2]]);
	});
});
