import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ANSWER_TIMEOUT_MS,
	CHANGE_PROBE_GAP_MS,
	CONNECT_TIMEOUT_MS,
	HEARTBEAT_INTERVAL_MS,
	heartbeatDue,
	initialSyncState,
	isLive,
	nextSyncState,
	REOPEN_AFTER_MS,
	socketToReopen,
	SYNC_STATUSES,
	syncStatusOf,
	type SyncEvent,
	type SyncState,
	type SyncStatus
} from '../../../src/lib/sync/sync-state.ts';

function run(events: SyncEvent[], from = initialSyncState()): SyncState {
	return events.reduce(nextSyncState, from);
}

/** Sends the heartbeat that is due at `at` (there must be one) and returns the state and id. */
function sendDue(state: SyncState, at: number): { state: SyncState; id: number } {
	const id = heartbeatDue(state, at);
	if (id === null) throw new Error('no heartbeat was due');
	return { state: nextSyncState(state, { type: 'probe-sent', id, at }), id };
}

/** A page whose socket opened, answered the server's step 1 and had that confirmed, at t=1000. */
function liveState(): SyncState {
	const joined = run([{ type: 'socket-open' }, { type: 'handshake' }]);
	const { state, id } = sendDue(joined, 1_000);
	return nextSyncState(state, { type: 'probe-answered', id });
}

describe('the sync status', () => {
	it('says connecting while the first socket opens, and offline when it fails', () => {
		expect(syncStatusOf(initialSyncState())).toBe('connecting');
		expect(syncStatusOf(run([{ type: 'socket-closed' }]))).toBe('offline');
	});

	it('says synced only once a heartbeat sent after the handshake is answered', () => {
		const open = run([{ type: 'socket-open' }]);
		expect(syncStatusOf(open)).toBe('connecting');
		expect(heartbeatDue(open, 0)).toBeNull();
		const shaken = nextSyncState(open, { type: 'handshake' });
		expect(syncStatusOf(shaken)).toBe('connecting');
		const { state, id } = sendDue(shaken, 0);
		expect(syncStatusOf(state)).toBe('connecting');
		const answered = nextSyncState(state, { type: 'probe-answered', id });
		expect(syncStatusOf(answered)).toBe('synced');
		expect(isLive(answered)).toBe(true);
	});

	it('does not let a heartbeat sent before the handshake confirm anything', () => {
		const open = run([{ type: 'socket-open' }]);
		const early = sendDue(open, HEARTBEAT_INTERVAL_MS);
		const shaken = nextSyncState(early.state, { type: 'handshake' });
		const answered = nextSyncState(shaken, { type: 'probe-answered', id: early.id });
		expect(syncStatusOf(answered)).toBe('connecting');
		// The confirming heartbeat goes out at once, now that the early one is answered.
		expect(heartbeatDue(answered, HEARTBEAT_INTERVAL_MS)).not.toBeNull();
	});

	it('says saving while a local change is unacknowledged, and synced once its heartbeat is answered', () => {
		const changed = nextSyncState(liveState(), { type: 'local-change' });
		expect(syncStatusOf(changed)).toBe('saving');
		// Coalesced: no heartbeat per keystroke.
		expect(heartbeatDue(changed, 1_000 + CHANGE_PROBE_GAP_MS - 1)).toBeNull();
		const { state, id } = sendDue(changed, 1_000 + CHANGE_PROBE_GAP_MS);
		expect(syncStatusOf(state)).toBe('saving');
		expect(syncStatusOf(nextSyncState(state, { type: 'probe-answered', id }))).toBe('synced');
	});

	it('keeps saving when a change was made after the heartbeat that was answered', () => {
		const first = sendDue(nextSyncState(liveState(), { type: 'local-change' }), 2_000);
		const later = nextSyncState(first.state, { type: 'local-change' });
		// One heartbeat at a time: the next waits for this answer.
		expect(heartbeatDue(later, 2_500)).toBeNull();
		const answered = nextSyncState(later, { type: 'probe-answered', id: first.id });
		expect(syncStatusOf(answered)).toBe('saving');
		const second = sendDue(answered, 2_500);
		expect(
			syncStatusOf(nextSyncState(second.state, { type: 'probe-answered', id: second.id }))
		).toBe('synced');
	});

	it('goes offline when a heartbeat is not answered in time, unless bytes are still uploading', () => {
		const { state } = sendDue(liveState(), 1_000 + HEARTBEAT_INTERVAL_MS);
		const sentAt = 1_000 + HEARTBEAT_INTERVAL_MS;
		const almost = nextSyncState(state, {
			type: 'tick',
			at: sentAt + ANSWER_TIMEOUT_MS - 1,
			draining: false
		});
		expect(syncStatusOf(almost)).toBe('synced');
		const uploading = nextSyncState(almost, {
			type: 'tick',
			at: sentAt + ANSWER_TIMEOUT_MS,
			draining: true
		});
		expect(syncStatusOf(uploading)).toBe('synced');
		const dead = nextSyncState(uploading, {
			type: 'tick',
			at: sentAt + 2 * ANSWER_TIMEOUT_MS,
			draining: false
		});
		expect(dead.link.kind).toBe('unanswered');
		expect(syncStatusOf(dead)).toBe('offline');
	});

	it('comes back without a new socket when a slow server answers late, and reopens one that stays silent', () => {
		const changed = nextSyncState(liveState(), { type: 'local-change' });
		const { state, id } = sendDue(changed, 2_000);
		const silent = nextSyncState(state, {
			type: 'tick',
			at: 2_000 + ANSWER_TIMEOUT_MS,
			draining: false
		});
		expect(syncStatusOf(silent)).toBe('offline');
		expect(heartbeatDue(silent, 9_000)).toBeNull();
		expect(socketToReopen(silent, 2_000 + ANSWER_TIMEOUT_MS + REOPEN_AFTER_MS - 1)).toBe(false);
		expect(socketToReopen(silent, 2_000 + ANSWER_TIMEOUT_MS + REOPEN_AFTER_MS)).toBe(true);
		const late = nextSyncState(silent, { type: 'probe-answered', id });
		expect(syncStatusOf(late)).toBe('synced');
		expect(socketToReopen(late, 1e9)).toBe(false);
		const reopened = nextSyncState(silent, { type: 'socket-closed' });
		expect(reopened.link).toEqual({ kind: 'offline', cause: 'closed' });
	});

	it('keeps a handshake made while unanswered, and goes live on the late confirming answer', () => {
		const open = run([{ type: 'socket-open' }]);
		const early = sendDue(open, HEARTBEAT_INTERVAL_MS);
		const silent = nextSyncState(early.state, {
			type: 'tick',
			at: HEARTBEAT_INTERVAL_MS + ANSWER_TIMEOUT_MS,
			draining: false
		});
		expect(silent.link.kind).toBe('unanswered');
		const shaken = nextSyncState(silent, { type: 'handshake' });
		const answered = nextSyncState(shaken, { type: 'probe-answered', id: early.id });
		expect(answered.link).toEqual({ kind: 'joining', handshake: true });
		const confirm = sendDue(answered, 9_000);
		expect(
			syncStatusOf(nextSyncState(confirm.state, { type: 'probe-answered', id: confirm.id }))
		).toBe('synced');
	});

	it('waits again when the page itself could not run: the answer may be waiting unread', () => {
		const sentAt = 1_000 + HEARTBEAT_INTERVAL_MS;
		const { state } = sendDue(liveState(), sentAt);
		const late = nextSyncState(state, {
			type: 'tick',
			at: sentAt + 2 * ANSWER_TIMEOUT_MS,
			draining: false,
			late: true
		});
		expect(syncStatusOf(late)).toBe('synced');
		const dead = nextSyncState(late, {
			type: 'tick',
			at: sentAt + 3 * ANSWER_TIMEOUT_MS,
			draining: false
		});
		expect(syncStatusOf(dead)).toBe('offline');
	});

	it('follows the browser: offline at once, reconnecting when it is back, live after a new handshake', () => {
		const offline = nextSyncState(liveState(), { type: 'browser-offline' });
		expect(syncStatusOf(offline)).toBe('offline');
		// The socket closing afterwards does not change why.
		const closed = nextSyncState(offline, { type: 'socket-closed' });
		expect(closed.link).toEqual({ kind: 'offline', cause: 'browser' });
		const changed = nextSyncState(closed, { type: 'local-change' });
		expect(syncStatusOf(changed)).toBe('offline');
		const back = nextSyncState(changed, { type: 'browser-online' });
		expect(syncStatusOf(back)).toBe('connecting');
		const joined = run([{ type: 'socket-open' }, { type: 'handshake' }], back);
		const { state, id } = sendDue(joined, 9_000);
		expect(syncStatusOf(nextSyncState(state, { type: 'probe-answered', id }))).toBe('synced');
	});

	it('ignores the answer to a heartbeat of an earlier socket', () => {
		const { state, id } = sendDue(
			nextSyncState(liveState(), { type: 'local-change' }),
			1_000 + CHANGE_PROBE_GAP_MS
		);
		const reopened = run([{ type: 'socket-closed' }, { type: 'socket-open' }], state);
		const late = nextSyncState(reopened, { type: 'probe-answered', id });
		expect(late.acknowledged).toBe(0);
		expect(syncStatusOf(late)).toBe('connecting');
	});

	it('sends an idle heartbeat every interval, one at a time', () => {
		const live = liveState();
		expect(heartbeatDue(live, 1_000 + HEARTBEAT_INTERVAL_MS - 1)).toBeNull();
		const { state } = sendDue(live, 1_000 + HEARTBEAT_INTERVAL_MS);
		expect(heartbeatDue(state, 1_000 + 3 * HEARTBEAT_INTERVAL_MS)).toBeNull();
	});

	it('gives up a socket that takes too long to open', () => {
		const opening = nextSyncState(initialSyncState(), { type: 'socket-opening', at: 500 });
		expect(socketToReopen(opening, 500 + CONNECT_TIMEOUT_MS - 1)).toBe(false);
		expect(socketToReopen(opening, 500 + CONNECT_TIMEOUT_MS)).toBe(true);
		expect(socketToReopen(nextSyncState(opening, { type: 'socket-open' }), 1e9)).toBe(false);
	});
});

describe('the sync status over any sequence of events', () => {
	const event: fc.Arbitrary<SyncEvent> = fc.oneof(
		fc.constant<SyncEvent>({ type: 'browser-offline' }),
		fc.constant<SyncEvent>({ type: 'browser-online' }),
		fc.constant<SyncEvent>({ type: 'socket-open' }),
		fc.constant<SyncEvent>({ type: 'socket-closed' }),
		fc.constant<SyncEvent>({ type: 'handshake' }),
		fc.constant<SyncEvent>({ type: 'local-change' }),
		fc.integer({ min: 1, max: 12 }).map((id): SyncEvent => ({ type: 'probe-answered', id })),
		fc
			.tuple(fc.boolean(), fc.boolean())
			.map(([draining, late]): SyncEvent => ({ type: 'tick', at: 0, draining, late }))
	);

	/**
	 * Replays events with a clock that moves 400 ms per event, sending heartbeats when due, and
	 * tracks what the server really holds: every change sent before a heartbeat it answers.
	 */
	function replay(events: SyncEvent[]) {
		let state = initialSyncState();
		let now = 0;
		let socketOpen = false;
		let handshakeDone = false;
		const coveredBy = new Map<number, number>();
		let stored = 0;
		const seen = new Set<SyncStatus>();
		const apply = (event: SyncEvent) => {
			state = nextSyncState(state, event);
			const id = heartbeatDue(state, now);
			if (id !== null) {
				coveredBy.set(id, handshakeDone ? state.changes : 0);
				state = nextSyncState(state, { type: 'probe-sent', id, at: now });
			}
		};
		for (const raw of events) {
			now += 400;
			const event = raw.type === 'tick' ? { ...raw, at: now } : raw;
			if (event.type === 'socket-open' || event.type === 'socket-closed') {
				socketOpen = event.type === 'socket-open';
				handshakeDone = false;
				coveredBy.clear();
			}
			// Only an open socket brings the server's step 1, and only it answers heartbeats.
			if (event.type === 'handshake' && !socketOpen) continue;
			if (event.type === 'handshake') handshakeDone = true;
			if (event.type === 'probe-answered') {
				if (!coveredBy.has(event.id)) continue;
				stored = Math.max(stored, coveredBy.get(event.id)!);
			}
			apply(event);
			// The session drops the socket when the browser goes offline.
			if (event.type === 'browser-offline' && socketOpen) {
				socketOpen = false;
				handshakeDone = false;
				coveredBy.clear();
				apply({ type: 'socket-closed' });
			}
			seen.add(syncStatusOf(state));
			expect(state.acknowledged).toBeLessThanOrEqual(state.changes);
			expect(state.acknowledged).toBeLessThanOrEqual(stored);
			if (syncStatusOf(state) === 'synced') expect(stored).toBeGreaterThanOrEqual(state.changes);
		}
		return seen;
	}

	it('never says synced while a change is not stored on the server', () => {
		fc.assert(
			fc.property(fc.array(event, { maxLength: 60 }), (events) => {
				replay(events);
			}),
			{ numRuns: 1_000 }
		);
	});

	it('can reach every status it names', () => {
		const seen = replay([
			{ type: 'socket-open' },
			{ type: 'handshake' },
			{ type: 'probe-answered', id: 1 },
			{ type: 'local-change' },
			{ type: 'probe-answered', id: 2 },
			{ type: 'browser-offline' }
		]);
		expect([...seen].sort()).toEqual([...SYNC_STATUSES].sort());
	});
});
