import { isNewer, type AwarenessEntry } from '../sync/awareness.ts';

/** How long presence from another node counts without being renewed (y-protocols' timeout). */
export const REMOTE_PRESENCE_TTL_MS = 30_000;

interface RemoteState {
	clock: number;
	state: string;
	seenAt: number;
}

const NO_STATE = 'null';

/**
 * Presence of the clients of other nodes, as a room relays it to its own clients: newer clocks
 * win, a cleared state is forgotten, and a state not renewed for REMOTE_PRESENCE_TTL_MS (its
 * node may have died) is no longer shown to newcomers. Other nodes enforced who may write
 * which id; here they are trusted.
 */
export class RemotePresence {
	readonly #clients = new Map<number, RemoteState>();

	constructor(private readonly now: () => number = Date.now) {}

	/** Applies entries from another node; returns those that changed something, to relay. */
	apply(entries: readonly AwarenessEntry[]): AwarenessEntry[] {
		const changed: AwarenessEntry[] = [];
		for (const entry of entries) {
			const known = this.#clients.get(entry.clientId);
			if (!isNewer(entry, known)) continue;
			if (entry.state === NO_STATE) this.#clients.delete(entry.clientId);
			else {
				this.#clients.set(entry.clientId, {
					clock: entry.clock,
					state: entry.state,
					seenAt: this.now()
				});
			}
			changed.push(entry);
		}
		return changed;
	}

	/** The live states, to greet a newcomer with; forgets the stale ones. */
	present(): AwarenessEntry[] {
		const entries: AwarenessEntry[] = [];
		const oldest = this.now() - REMOTE_PRESENCE_TTL_MS;
		for (const [clientId, { clock, state, seenAt }] of this.#clients) {
			if (seenAt < oldest) this.#clients.delete(clientId);
			else entries.push({ clientId, clock, state, bytes: state.length });
		}
		return entries;
	}
}
