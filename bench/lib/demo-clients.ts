import * as Y from 'yjs';
import type { BoardKeys } from '../../src/lib/sync/keys.ts';
import type { PresenceFocus } from '../../src/lib/sync/presence.svelte.ts';
import type { UserProfile } from '../../src/lib/sync/profile.svelte.ts';
import { connectClient, type TestClient } from '../../tests/helpers/clients.ts';
import type { TestServer } from '../../tests/helpers/server.ts';
import { waitFor } from '../../tests/helpers/wait.ts';

/**
 * The Node side of a demo board: the client that writes it to the server and stays connected for
 * later writes, and teammates who are "here" (presence only), so that the screenshot browser sees
 * a meeting. `close()` destroys every client and its document: a provider's awareness runs an
 * interval that keeps Node alive until its document is destroyed.
 */
export class DemoBoardClients {
	readonly #server: TestServer;
	readonly #keys: BoardKeys;
	readonly #writer: TestClient;
	readonly #teammates: TestClient[] = [];

	private constructor(server: TestServer, keys: BoardKeys, doc: Y.Doc) {
		this.#server = server;
		this.#keys = keys;
		this.#writer = connectClient(server, keys.boardId, keys.editKey, doc);
	}

	/** Connects a writer for `doc` and resolves once the server has stored all of it. */
	static async store(server: TestServer, keys: BoardKeys, doc: Y.Doc): Promise<DemoBoardClients> {
		const clients = new DemoBoardClients(server, keys, doc);
		await clients.#writer.synced();
		await clients.stored();
		return clients;
	}

	/** Resolves once a fresh client gets everything the writer's document holds from the server. */
	async stored(): Promise<void> {
		const wanted = Y.decodeStateVector(Y.encodeStateVector(this.#writer.doc));
		const check = connectClient(this.#server, this.#keys.boardId, this.#keys.editKey);
		try {
			await waitFor(() => {
				const held = Y.decodeStateVector(Y.encodeStateVector(check.doc));
				return [...wanted].every(([client, clock]) => (held.get(client) ?? 0) >= clock);
			}, `the server to store board ${this.#keys.boardId}`);
		} finally {
			check.destroy();
		}
	}

	/** Brings a teammate onto the board, working in `focus`, as their browser would say so. */
	async join(profile: UserProfile, focus: PresenceFocus | null): Promise<void> {
		const teammate = connectClient(this.#server, this.#keys.boardId, this.#keys.editKey);
		this.#teammates.push(teammate);
		// The fields Presence (src/lib/sync/presence.svelte.ts) and @lexical/yjs read.
		teammate.provider.awareness.setLocalState({
			user: profile,
			focus,
			name: profile.name,
			color: profile.color,
			focusing: false,
			anchorPos: null,
			focusPos: null,
			awarenessData: {}
		});
		await teammate.synced();
	}

	/** Disconnects the writer and every teammate, destroying their documents. */
	close(): void {
		for (const teammate of this.#teammates) teammate.destroy();
		this.#writer.destroy();
	}
}
