import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Capability } from './keys.ts';
import { ConnectionWatch } from './connection-watch.ts';
import { boardDatabaseName } from './local-boards.ts';
import { serverRefusal, type ServerRefusal } from './server-refusals.ts';
import {
	initialSyncState,
	isLive,
	syncStatusOf,
	type SyncState,
	type SyncStatus
} from './sync-state.ts';
import { subprotocols } from './wire.ts';

/** What the user sees about the connection to the server. */
export type { SyncStatus } from './sync-state.ts';

/** The websocket endpoint of the server that served this page. */
export function syncServerUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * One open board in the browser: the Y.Doc, its offline copy in IndexedDB and its connection
 * to the server. Browser only.
 */
export class BoardSession {
	readonly doc = new Y.Doc();
	readonly capability: Capability;
	/** The key this browser holds (edit key when it has it), for the board's HTTP API too. */
	readonly key: string;
	#sync = $state.raw<SyncState>(initialSyncState());
	// Derived, so that what reads them re-runs when the status changes, not at every heartbeat.
	readonly #status = $derived(syncStatusOf(this.#sync));
	readonly #live = $derived(isLive(this.#sync));
	#loadedLocally = $state(false);
	#refusal = $state.raw<ServerRefusal | null>(null);
	readonly #persistence: IndexeddbPersistence;
	readonly #provider: WebsocketProvider;
	readonly #watch: ConnectionWatch;

	constructor(boardId: string, key: string, capability: Capability, serverUrl: string) {
		this.capability = capability;
		this.key = key;
		// For `npm run figures:board`: the app's code has loaded and is opening the board.
		performance.mark('charter:session-start');
		this.#persistence = new IndexeddbPersistence(boardDatabaseName(boardId), this.doc);
		this.#persistence.whenSynced.then(() => {
			// For `npm run figures:board`: when the offline copy had been read and applied.
			performance.mark('charter:local-loaded');
			this.#loadedLocally = true;
		});
		this.#provider = new WebsocketProvider(serverUrl, boardId, this.doc, {
			protocols: subprotocols(key),
			maxBackoffTime: 5_000
		});
		this.#watch = new ConnectionWatch(this.#provider, this.doc, (state) => (this.#sync = state));
		// Why the server closed the connection on purpose (a 44xx code), shown until the board
		// syncs again.
		this.#provider.on('sync', (synced: boolean) => {
			if (synced && this.#provider.wsconnected) this.#refusal = null;
		});
		this.#provider.on('connection-close', (event) => {
			if (event) this.#refusal = serverRefusal(event.code) ?? this.#refusal;
		});
	}

	/**
	 * "synced" only while the server answers and has stored every local change; "saving" while
	 * some are in flight; "connecting"; "offline" when the browser or a missed heartbeat says the
	 * link is down (edits stay on this device until it is back). See sync-state.ts.
	 */
	get status(): SyncStatus {
		return this.#status;
	}

	/** True while the socket is open and the server's state was received and confirmed on it. */
	get live(): boolean {
		return this.#live;
	}

	/** Why the server last closed the connection on purpose, until the board syncs again. */
	get refusal(): ServerRefusal | null {
		return this.#refusal;
	}

	/** Connects again after the server refused this client for good (a 44xx close code). */
	reconnect(): void {
		this.#provider.connect();
	}

	/** True once the offline copy was read, so what is shown is at least what we had before. */
	get loadedLocally(): boolean {
		return this.#loadedLocally;
	}

	/** True when this browser may change the board. */
	get canEdit(): boolean {
		return this.capability === 'edit';
	}

	/** The websocket provider, shared by every rich-text editor of the board. */
	get provider(): WebsocketProvider {
		return this.#provider;
	}

	/** Disconnects and releases everything. */
	destroy(): void {
		this.#watch.destroy();
		this.#provider.destroy();
		void this.#persistence.destroy();
		this.doc.destroy();
	}
}
