import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { encodeHeartbeat, HEARTBEAT_MESSAGE } from './wire.ts';
import {
	heartbeatDue,
	initialSyncState,
	nextSyncState,
	socketToReopen,
	TICK_MS,
	type SyncEvent,
	type SyncState
} from './sync-state.ts';

type MessageHandler = WebsocketProvider['messageHandlers'][number];

/** A tick this long after the previous one means the page could not run (starved, suspended). */
const LATE_TICK_MS = 4 * TICK_MS;

/**
 * Feeds the sync state machine (sync-state.ts) from what a board's provider, its document and
 * the browser report, and does what it decides: sends heartbeats, and opens the socket afresh
 * when the link is found dead or the browser says it is back. Browser only.
 *
 * Why a heartbeat of our own: y-websocket notices a dead socket only after 30 s without a
 * message, and its "synced" means "received the server's state", not "the server stored mine".
 * The server answers a heartbeat after storing everything sent before it, so one answer proves
 * both that the link is alive and that the changes it covers are durable.
 */
export class ConnectionWatch {
	#state: SyncState = initialSyncState();
	#bufferedBefore = 0;
	#lastTick = Date.now();
	readonly #timer: ReturnType<typeof setInterval>;
	readonly #syncHandler: MessageHandler;

	constructor(
		private readonly provider: WebsocketProvider,
		private readonly doc: Y.Doc,
		private readonly onChange: (state: SyncState) => void
	) {
		this.#syncHandler = provider.messageHandlers[messageSync]!;
		provider.messageHandlers[messageSync] = this.#onSyncMessage;
		provider.messageHandlers[HEARTBEAT_MESSAGE] = this.#onHeartbeatAnswer;
		provider.on('status', this.#onStatus);
		provider.on('connection-close', this.#onClose);
		doc.on('update', this.#onUpdate);
		window.addEventListener('offline', this.#onOffline);
		window.addEventListener('online', this.#onOnline);
		this.#timer = setInterval(this.#onTick, TICK_MS);
		// The provider started connecting in its constructor, before these listeners existed.
		if (provider.wsconnecting) this.#dispatch({ type: 'socket-opening', at: Date.now() });
		if (provider.wsconnected) this.#dispatch({ type: 'socket-open' });
		if (!navigator.onLine) this.#dispatch({ type: 'browser-offline' });
	}

	/** The machine's current state. */
	get state(): SyncState {
		return this.#state;
	}

	/** Stops listening; the provider is the caller's to destroy. */
	destroy(): void {
		clearInterval(this.#timer);
		window.removeEventListener('offline', this.#onOffline);
		window.removeEventListener('online', this.#onOnline);
		this.doc.off('update', this.#onUpdate);
		this.provider.off('status', this.#onStatus);
		this.provider.off('connection-close', this.#onClose);
		this.provider.messageHandlers[messageSync] = this.#syncHandler;
		delete this.provider.messageHandlers[HEARTBEAT_MESSAGE];
	}

	#dispatch(event: SyncEvent): void {
		try {
			this.#step(event);
		} catch (error) {
			// The provider and the document call these handlers in the middle of their own work (a
			// throw while the provider reports a close would stop it from ever reconnecting): a fault
			// here is reported and goes no further.
			console.error('Charter: the sync status could not follow the connection', error);
		}
	}

	#step(event: SyncEvent): void {
		const before = this.#state;
		this.#state = nextSyncState(before, event);
		const { link } = this.#state;
		// The browser says no network: the socket may still look open (a dead network closes
		// nothing), so drop it and let the next one start from a clean handshake. (A socket that
		// closed is reopened by the provider itself, which is still tearing it down as it reports
		// the close: it must not be touched then.)
		if (link.kind === 'offline' && link.cause === 'browser' && before.link.kind !== 'offline') {
			if (this.provider.ws !== null) this.#reopen();
		}
		this.#sendDueHeartbeat();
		if (this.#state !== before) this.onChange(this.#state);
	}

	#reopen(): void {
		this.provider.disconnect();
		this.provider.connect();
	}

	#sendDueHeartbeat(): void {
		const now = Date.now();
		const id = heartbeatDue(this.#state, now);
		const ws = this.provider.ws;
		if (id === null || !ws || !this.provider.wsconnected || ws.readyState !== WebSocket.OPEN)
			return;
		ws.send(encodeHeartbeat(id));
		this.#state = nextSyncState(this.#state, { type: 'probe-sent', id, at: now });
	}

	// The server's sync step 1 is answered by the provider with everything the server lacks,
	// sent right after this handler returns: only then is the handshake done, so it is reported
	// in a microtask, after that answer went out and before any heartbeat can overtake it.
	readonly #onSyncMessage: MessageHandler = (encoder, decoder, provider, fromSocket, type) => {
		const step = decoding.peekVarUint(decoder);
		this.#syncHandler(encoder, decoder, provider, fromSocket, type);
		// `fromSocket` is false for messages from this browser's other tabs.
		if (fromSocket && step === messageYjsSyncStep1) {
			queueMicrotask(() => this.#dispatch({ type: 'handshake' }));
		}
	};

	readonly #onHeartbeatAnswer: MessageHandler = (_encoder, decoder) => {
		this.#dispatch({ type: 'probe-answered', id: decoding.readVarUint(decoder) });
	};

	readonly #onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
		if (status === 'connecting') this.#dispatch({ type: 'socket-opening', at: Date.now() });
		else if (status === 'connected') {
			this.#forgetAbsentPresence();
			this.#dispatch({ type: 'socket-open' });
		}
	};

	// y-websocket drops everyone else's presence when its socket closes but keeps their clocks,
	// so the same states, sent again by the server on the new socket, would be ignored until each
	// person's next renewal (15 s). Forgetting the clocks of those absent as the socket opens (and
	// before anything arrives on it) lets the others reappear at once. Not on close: the provider
	// still reads those clocks while it reports the removal.
	#forgetAbsentPresence(): void {
		const { awareness } = this.provider;
		for (const clientId of [...awareness.meta.keys()]) {
			if (clientId !== awareness.clientID && !awareness.states.has(clientId)) {
				awareness.meta.delete(clientId);
			}
		}
	}

	readonly #onClose = () => this.#dispatch({ type: 'socket-closed' });

	// Changes that came from the server (or another tab, through the provider) are not ours.
	readonly #onUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin !== this.provider) this.#dispatch({ type: 'local-change' });
	};

	readonly #onOffline = () => this.#dispatch({ type: 'browser-offline' });

	readonly #onOnline = () => {
		// Try at once rather than after the provider's backoff (first, so that the attempt it
		// drops is not taken for the new one failing).
		if (!this.provider.wsconnected) this.#reopen();
		this.#dispatch({ type: 'browser-online' });
	};

	readonly #onTick = () => {
		const buffered = this.provider.ws?.bufferedAmount ?? 0;
		const draining = buffered > 0 && buffered < this.#bufferedBefore;
		this.#bufferedBefore = buffered;
		const now = Date.now();
		const late = now - this.#lastTick > LATE_TICK_MS;
		this.#lastTick = now;
		if (socketToReopen(this.#state, now)) this.#reopen();
		this.#dispatch({ type: 'tick', at: now, draining, late });
	};
}
