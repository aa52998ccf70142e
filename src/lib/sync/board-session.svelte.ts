import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Capability } from './keys.ts';
import { boardDatabaseName } from './local-boards.ts';
import { serverRefusal, type ServerRefusal } from './server-refusals.ts';

/** What the user sees about the connection to the server. */
export type SyncStatus = 'offline' | 'connecting' | 'synced';

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
	#status = $state<SyncStatus>('connecting');
	#loadedLocally = $state(false);
	#refusal = $state.raw<ServerRefusal | null>(null);
	readonly #persistence: IndexeddbPersistence;
	readonly #provider: WebsocketProvider;

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
			protocols: ['charter.v1', `key.${key}`],
			maxBackoffTime: 5_000
		});
		this.#provider.on('status', ({ status }) => {
			if (status === 'connected') this.#status = this.#provider.synced ? 'synced' : 'connecting';
			else this.#status = status === 'connecting' ? 'connecting' : 'offline';
		});
		this.#provider.on('sync', (synced: boolean) => {
			if (!synced || !this.#provider.wsconnected) return;
			this.#status = 'synced';
			this.#refusal = null;
		});
		this.#provider.on('connection-close', (event) => {
			this.#status = 'offline';
			if (event) this.#refusal = serverRefusal(event.code) ?? this.#refusal;
		});
	}

	/** Connected and up to date, connecting, or offline (edits stay local until reconnect). */
	get status(): SyncStatus {
		return this.#status;
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
		this.#provider.destroy();
		void this.#persistence.destroy();
		this.doc.destroy();
	}
}
