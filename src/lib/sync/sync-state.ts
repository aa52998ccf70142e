/**
 * What the sync status may claim, as a pure state machine: no timers, no sockets, no DOM. The
 * board session (connection-watch.ts) feeds it events and does what its decisions say.
 *
 * The link to the server:
 *
 *                        socket open                 confirming heartbeat answered
 *     ┌──────────┐  ─────────────────────►  ┌─────────┐  ────────────────────►  ┌──────┐
 *     │ starting │                          │ joining │                         │ live │
 *     └──────────┘                          └─────────┘                         └──────┘
 *          │ socket closed                        │ no answer in time             │
 *          │                                      ▼                               │
 *          │                               ┌────────────┐ ◄───────────────────────┘
 *          │                               │ unanswered │ ── late answer ──► back where it was
 *          │                               └────────────┘
 *          ▼                                      │ still silent: socket reopened, closes
 *     ┌─────────┐  ◄──────────────────────────────┘
 *     │ offline │  ── browser online ──►  reconnecting  ── socket open ──►  joining
 *     └─────────┘  ◄── browser offline (from any state)
 *
 * "unanswered" is shown as offline at once (a few seconds without an answer), but the socket is
 * kept a little longer: a server that was only slow answers late and nothing is resent; one that
 * stays silent has its socket reopened (REOPEN_AFTER_MS).
 *
 * Acknowledgement: every local change bumps `changes`. A heartbeat sent after the handshake
 * (the answer to the server's sync step 1, which carries everything the server lacked) covers
 * every change made before it, since later changes go out on the same socket as they happen.
 * The server answers a heartbeat only after storing what came before it (server/sync/protocol.ts),
 * so its answer raises `acknowledged` to what that heartbeat covered. "Synced" means live and
 * every change acknowledged; "Saving…" means live with changes in flight.
 */

/** How often an idle connection is asked whether it is alive. */
export const HEARTBEAT_INTERVAL_MS = 2_000;
/** A heartbeat not answered within this long (while nothing is uploading) means a dead link. */
export const ANSWER_TIMEOUT_MS = 3_000;
/** Changes are confirmed at most this often: a heartbeat per burst of typing, not per key. */
export const CHANGE_PROBE_GAP_MS = 250;
/** A socket still opening after this long is given up and opened afresh. */
export const CONNECT_TIMEOUT_MS = 6_000;
/** A socket left unanswered this long after it was found silent is reopened. */
export const REOPEN_AFTER_MS = 5_000;
/** How often the session feeds the clock to the machine. */
export const TICK_MS = 250;

/** Why the link is down. */
export type OfflineCause = 'browser' | 'closed';

/** An open socket that answers: joining (the handshake, then its confirmation) or live. */
export type AnsweringLink =
	/** Socket open; `handshake` once the server's sync step 1 was answered on it. */
	{ kind: 'joining'; handshake: boolean } | { kind: 'live' };

/** The link to the server; each state carries only its own fields. */
export type Link =
	| { kind: 'starting' }
	| { kind: 'reconnecting' }
	| AnsweringLink
	/** Socket open but silent since `since`; an answer brings the link back to `resume`. */
	| { kind: 'unanswered'; since: number; resume: AnsweringLink }
	| { kind: 'offline'; cause: OfflineCause };

/** A heartbeat waiting for its answer. */
export interface Probe {
	readonly id: number;
	/** The change count it acknowledges when answered; null when sent before the handshake. */
	readonly covers: number | null;
	/** Sent after the handshake while joining: its answer makes the link live. */
	readonly confirms: boolean;
	/** When it was sent, or when bytes last left the socket's buffer while it waited. */
	readonly since: number;
}

/** Everything the status is computed from. */
export interface SyncState {
	readonly link: Link;
	/** Local changes made since the page opened. */
	readonly changes: number;
	/** Of those, how many the server has stored (acknowledged by a heartbeat's answer). */
	readonly acknowledged: number;
	/** Heartbeats in flight on the current socket, oldest first. */
	readonly probes: readonly Probe[];
	readonly nextProbeId: number;
	/** When the last heartbeat went out (0 before any). */
	readonly lastProbeAt: number;
	/** When the socket being opened started opening, or null when none is. */
	readonly openingSince: number | null;
}

/** What happens to the connection, as the session reports it. */
export type SyncEvent =
	| { type: 'browser-offline' }
	| { type: 'browser-online' }
	| { type: 'socket-opening'; at: number }
	| { type: 'socket-open' }
	| { type: 'socket-closed' }
	/** The server's sync step 1 was answered: everything local went out on this socket. */
	| { type: 'handshake' }
	| { type: 'local-change' }
	| { type: 'probe-sent'; id: number; at: number }
	| { type: 'probe-answered'; id: number }
	/**
	 * The clock. `draining`: bytes left the socket's send buffer since the last tick. `late`: this
	 * tick came long after the previous one (a starved or suspended page), so an answer may be
	 * waiting unread.
	 */
	| { type: 'tick'; at: number; draining: boolean; late?: boolean };

/** What the user may be told, named once. */
export const SYNC_STATUSES = ['connecting', 'saving', 'synced', 'offline'] as const;

/** What the user is told. */
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** The state of a page that just opened its board. */
export function initialSyncState(): SyncState {
	return {
		link: { kind: 'starting' },
		changes: 0,
		acknowledged: 0,
		probes: [],
		nextProbeId: 1,
		lastProbeAt: 0,
		openingSince: null
	};
}

/** The state after `event`. */
export function nextSyncState(state: SyncState, event: SyncEvent): SyncState {
	switch (event.type) {
		case 'browser-offline':
			return goOffline(state, 'browser');
		case 'browser-online':
			return state.link.kind === 'offline' ? { ...state, link: { kind: 'reconnecting' } } : state;
		case 'socket-opening':
			return { ...state, openingSince: event.at };
		case 'socket-open':
			// A socket that opens proves the server is reachable, whatever the browser said.
			return {
				...state,
				link: { kind: 'joining', handshake: false },
				probes: [],
				openingSince: null
			};
		case 'socket-closed':
			return state.link.kind === 'offline'
				? { ...state, probes: [], openingSince: null }
				: { ...goOffline(state, 'closed'), openingSince: null };
		case 'handshake':
			return handshaken(state);
		case 'local-change':
			return { ...state, changes: state.changes + 1 };
		case 'probe-sent':
			return sent(state, event.id, event.at);
		case 'probe-answered':
			return answered(state, event.id);
		case 'tick':
			return ticked(state, event.at, event.draining || (event.late ?? false));
	}
}

/** What the status line says in `state`. */
export function syncStatusOf(state: SyncState): SyncStatus {
	const { link } = state;
	switch (link.kind) {
		case 'starting':
		case 'reconnecting':
		case 'joining':
			return 'connecting';
		case 'live':
			return state.acknowledged < state.changes ? 'saving' : 'synced';
		case 'unanswered':
		case 'offline':
			return 'offline';
	}
}

/** True once the server's state was received and confirmed on the open socket. */
export function isLive(state: SyncState): boolean {
	return state.link.kind === 'live';
}

/** The id of the heartbeat to send now, or null when none is due. */
export function heartbeatDue(state: SyncState, now: number): number | null {
	const { link } = state;
	if (link.kind !== 'joining' && link.kind !== 'live') return null;
	// One at a time: answers come back in order, and one answer covers all that went before.
	if (state.probes.length > 0) return null;
	const confirming = link.kind === 'joining' && link.handshake;
	const unconfirmed = link.kind === 'live' && state.acknowledged < state.changes;
	const idle = now - state.lastProbeAt >= HEARTBEAT_INTERVAL_MS;
	const changesWaiting = unconfirmed && now - state.lastProbeAt >= CHANGE_PROBE_GAP_MS;
	return confirming || changesWaiting || idle ? state.nextProbeId : null;
}

/**
 * True when the socket should be dropped and opened afresh: it has been opening too long, or
 * it stayed silent after the link was found unanswered.
 */
export function socketToReopen(state: SyncState, now: number): boolean {
	if (state.openingSince !== null && now - state.openingSince >= CONNECT_TIMEOUT_MS) return true;
	return state.link.kind === 'unanswered' && now - state.link.since >= REOPEN_AFTER_MS;
}

function goOffline(state: SyncState, cause: OfflineCause): SyncState {
	return { ...state, link: { kind: 'offline', cause }, probes: [] };
}

function handshaken(state: SyncState): SyncState {
	const { link } = state;
	if (link.kind === 'joining') return { ...state, link: { kind: 'joining', handshake: true } };
	if (link.kind === 'unanswered' && link.resume.kind === 'joining') {
		return { ...state, link: { ...link, resume: { kind: 'joining', handshake: true } } };
	}
	return state;
}

function sent(state: SyncState, id: number, at: number): SyncState {
	const { link } = state;
	if (link.kind !== 'joining' && link.kind !== 'live') return state;
	const handshakeDone = link.kind === 'live' || link.handshake;
	const probe: Probe = {
		id,
		covers: handshakeDone ? state.changes : null,
		confirms: link.kind === 'joining' && link.handshake,
		since: at
	};
	return {
		...state,
		probes: [...state.probes, probe],
		nextProbeId: Math.max(state.nextProbeId, id + 1),
		lastProbeAt: at
	};
}

function answered(state: SyncState, id: number): SyncState {
	const probe = state.probes.find((candidate) => candidate.id === id);
	// An answer to a heartbeat of an earlier socket proves nothing about this one.
	if (!probe) return state;
	const acknowledged = Math.max(state.acknowledged, probe.covers ?? 0);
	const probes = state.probes.filter((candidate) => candidate.id > id);
	// A late answer proves the socket alive after all: back to where it was.
	const answering = state.link.kind === 'unanswered' ? state.link.resume : state.link;
	const link: Link = probe.confirms && answering.kind === 'joining' ? { kind: 'live' } : answering;
	return { ...state, acknowledged, probes, link };
}

function ticked(state: SyncState, now: number, excused: boolean): SyncState {
	const { link } = state;
	const oldest = state.probes[0];
	if (!oldest || (link.kind !== 'joining' && link.kind !== 'live')) return state;
	// A large upload, or a page that could not run, delays the answer without the link being
	// dead: the wait starts again.
	if (excused) return { ...state, probes: state.probes.map((probe) => ({ ...probe, since: now })) };
	if (now - oldest.since < ANSWER_TIMEOUT_MS) return state;
	return { ...state, link: { kind: 'unanswered', since: now, resume: link } };
}
