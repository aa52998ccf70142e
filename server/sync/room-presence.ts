import { createHash } from 'node:crypto';
import type { Capability } from '../../src/lib/sync/keys.ts';
import { isNewer, type AwarenessEntry } from './awareness.ts';

/** What became of the entries of one awareness update. */
export interface AwarenessOutcome {
	/** Entries that changed the room's presence, to relay (with the room's clocks). */
	changed: AwarenessEntry[];
	/**
	 * Entries the sender took from a viewer under a clock below the viewer's: sent back to it
	 * with the room's clock, so its own awareness drops the viewer's state it was greeted with.
	 */
	echo: AwarenessEntry[];
	/** Entries dropped because their client id belongs to another connection. */
	notOwned: number;
	/** Entries dropped because their state is over the size limit. */
	tooLarge: number;
	/** Entries dropped because their connection already owns as many ids as it may. */
	tooManyIds: number;
	/** Entries dropped because their connection's or the room's presence is full. */
	overBudget: number;
}

/** Bounds on presence, per connection and per room. */
export interface AwarenessLimits {
	/** Largest state of one client id. */
	maxStateBytes: number;
	/** Client ids one connection may own. */
	maxIdsPerOwner: number;
	/** Bytes of all the states one connection owns. */
	maxBytesPerOwner: number;
	/** States in the room; view-key connections may fill at most half. */
	maxStates: number;
	/** Bytes of all the states in the room; view-key connections may fill at most half. */
	maxBytes: number;
}

/** Released ids remembered (their last clock; an editor's stay reserved for editors). */
const MAX_RELEASED_IDS = 4096;

const NO_STATE = 'null';

interface Presence<Owner> {
	owner: Owner;
	/** The clock the owner gave its latest state (its own numbering). */
	clock: number;
	/** The clock peers last saw for this id: never goes back, whoever owned it before. */
	relayClock: number;
	state: string;
	bytes: number;
	/** The latest entries relayed for a viewer's id (clock and state digest), to know echoes. */
	relayed: string[] | null;
}

/** Relayed entries of a viewer's id remembered to tell an echo from a returning editor. */
const RELAYED_REMEMBERED = 16;

function relayedKey(clock: number, state: string): string {
	return `${clock}:${createHash('sha256').update(state).digest('base64')}`;
}

interface Released {
	/** The clock peers saw last: the state that said the id left. */
	relayClock: number;
	/** Whether an edit-key connection owned it: then only an edit-key connection may take it. */
	editor: boolean;
}

interface Usage {
	states: number;
	bytes: number;
}

/**
 * A room's presence, with who owns which client id. An id belongs to the connection that
 * announced it, and is bound to its key: a view-key connection may only claim an id nobody
 * holds and no editor held, while an edit-key connection may also take an id back from a viewer
 * (one that claimed an editor's id before the editor came back, e.g. after a restart). No one
 * takes an id another editor's open connection holds. An id an editor released stays reserved for editors while the room is loaded, so
 * no viewer can speak for an editor in the moment it reconnects. Peers see one clock per id that
 * never goes back, whoever owns it: a client that reconnects with the clock it had before its
 * presence was removed is relayed past the removal, not ignored.
 *
 * Presence is bounded per connection (ids, bytes) and per room (states, bytes), and viewers may
 * fill only half of the room's share, so a crowd of view links cannot crowd out the editors.
 * States are kept as the JSON text received, so relaying them costs no re-serialisation.
 */
export class RoomAwareness<Owner> {
	readonly #clients = new Map<number, Presence<Owner>>();
	readonly #owned = new Map<Owner, Set<number>>();
	readonly #ownerBytes = new Map<Owner, number>();
	readonly #released = new Map<number, Released>();
	readonly #all: Usage = { states: 0, bytes: 0 };
	readonly #viewers: Usage = { states: 0, bytes: 0 };

	constructor(
		private readonly limits: AwarenessLimits,
		private readonly capabilityOf: (owner: Owner) => Capability
	) {}

	/** Applies the entries `owner` may write, claiming or reclaiming ids as its key allows. */
	apply(owner: Owner, entries: readonly AwarenessEntry[]): AwarenessOutcome {
		const outcome: AwarenessOutcome = {
			changed: [],
			echo: [],
			notOwned: 0,
			tooLarge: 0,
			tooManyIds: 0,
			overBudget: 0
		};
		for (const entry of entries) {
			const presence = this.#clients.get(entry.clientId);
			if (!this.#mayWrite(owner, entry, presence)) outcome.notOwned++;
			else if (entry.bytes > this.limits.maxStateBytes) outcome.tooLarge++;
			else if (presence?.owner === owner) {
				if (!isNewer(entry, presence)) continue;
				if (!this.#fits(owner, entry.bytes - presence.bytes, 0)) outcome.overBudget++;
				else outcome.changed.push(this.#update(presence, entry));
			} else if (presence === undefined && !isNewer(entry, undefined)) {
				continue;
			} else if ((this.#owned.get(owner)?.size ?? 0) >= this.limits.maxIdsPerOwner) {
				outcome.tooManyIds++;
			} else if (!this.#fits(owner, entry.bytes, 1)) outcome.overBudget++;
			else {
				const claimed = this.#claim(owner, entry, presence);
				outcome.changed.push(claimed);
				// Only an id taken from a viewer needs its state sent back: the taker was greeted
				// with the viewer's state and holds it as its own. A returning owner holds its own
				// state, and one sent back could arrive after it changed it again and undo that.
				if (presence && claimed.clock !== entry.clock) outcome.echo.push(claimed);
			}
		}
		return outcome;
	}

	/** Removes the presence `owner` held and returns the entries that tell peers it left. */
	release(owner: Owner): AwarenessEntry[] {
		const ids = this.#owned.get(owner);
		if (!ids) return [];
		const editor = this.capabilityOf(owner) === 'edit';
		const removed: AwarenessEntry[] = [];
		for (const clientId of [...ids]) {
			const presence = this.#clients.get(clientId)!;
			this.#forget(clientId, presence);
			const relayClock = presence.relayClock + (presence.state === NO_STATE ? 0 : 1);
			this.#remember(clientId, { relayClock, editor });
			if (presence.state !== NO_STATE) {
				removed.push({ clientId, clock: relayClock, state: NO_STATE, bytes: 4 });
			}
		}
		return removed;
	}

	/** Every present client's entry, editors' first, to greet a newcomer with. */
	present(): AwarenessEntry[] {
		const editors: AwarenessEntry[] = [];
		const viewers: AwarenessEntry[] = [];
		for (const [clientId, presence] of this.#clients) {
			if (presence.state === NO_STATE) continue;
			const entry = {
				clientId,
				clock: presence.relayClock,
				state: presence.state,
				bytes: presence.bytes
			};
			(this.capabilityOf(presence.owner) === 'edit' ? editors : viewers).push(entry);
		}
		return [...editors, ...viewers];
	}

	// An id nobody holds may be claimed, unless an editor held it and the claimant is a viewer;
	// an editor may also take an id a viewer holds. An id held by another editor stays theirs.
	// Stock clients send back every state they receive: an editor's copy of a state the room
	// relayed for a viewer's id is an echo, not a claim, and takes nothing.
	#mayWrite(owner: Owner, entry: AwarenessEntry, presence: Presence<Owner> | undefined): boolean {
		if (presence?.owner === owner) return true;
		const editor = this.capabilityOf(owner) === 'edit';
		if (!presence) return editor || this.#released.get(entry.clientId)?.editor !== true;
		if (!editor || presence.relayed === null) return false;
		return !presence.relayed.includes(relayedKey(entry.clock, entry.state));
	}

	// Whether `owner` may add `bytes` and `states` to presence: its own bound, the room's, and
	// for a viewer the viewers' half of the room's.
	#fits(owner: Owner, bytes: number, states: number): boolean {
		const { maxBytesPerOwner, maxBytes, maxStates } = this.limits;
		if ((this.#ownerBytes.get(owner) ?? 0) + bytes > maxBytesPerOwner) return false;
		if (this.#all.bytes + bytes > maxBytes || this.#all.states + states > maxStates) return false;
		if (this.capabilityOf(owner) === 'edit') return true;
		return (
			this.#viewers.bytes + bytes <= maxBytes / 2 && this.#viewers.states + states <= maxStates / 2
		);
	}

	#update(presence: Presence<Owner>, entry: AwarenessEntry): AwarenessEntry {
		this.#count(presence.owner, entry.bytes - presence.bytes, 0);
		presence.clock = entry.clock;
		presence.relayClock = Math.max(presence.relayClock + 1, entry.clock);
		presence.state = entry.state;
		presence.bytes = entry.bytes;
		this.#noteRelayed(presence);
		return { ...entry, clock: presence.relayClock };
	}

	#noteRelayed(presence: Presence<Owner>): void {
		if (presence.relayed === null) return;
		presence.relayed.push(relayedKey(presence.relayClock, presence.state));
		if (presence.relayed.length > RELAYED_REMEMBERED) presence.relayed.shift();
	}

	#claim(owner: Owner, entry: AwarenessEntry, taken: Presence<Owner> | undefined): AwarenessEntry {
		if (taken) this.#forget(entry.clientId, taken);
		const released = this.#released.get(entry.clientId);
		this.#released.delete(entry.clientId);
		let ids = this.#owned.get(owner);
		if (!ids) this.#owned.set(owner, (ids = new Set()));
		ids.add(entry.clientId);
		// Peers may hold a higher clock for this id (from whoever had it, or the state that said
		// it left): relay past it.
		const relayClock = Math.max(entry.clock, (taken?.relayClock ?? released?.relayClock ?? 0) + 1);
		const presence: Presence<Owner> = {
			owner,
			clock: entry.clock,
			relayClock,
			state: entry.state,
			bytes: entry.bytes,
			relayed: this.capabilityOf(owner) === 'edit' ? null : []
		};
		this.#clients.set(entry.clientId, presence);
		this.#noteRelayed(presence);
		this.#count(owner, entry.bytes, 1);
		return { ...entry, clock: relayClock };
	}

	#forget(clientId: number, presence: Presence<Owner>): void {
		this.#clients.delete(clientId);
		const ids = this.#owned.get(presence.owner);
		ids?.delete(clientId);
		if (ids?.size === 0) this.#owned.delete(presence.owner);
		this.#count(presence.owner, -presence.bytes, -1);
	}

	#count(owner: Owner, bytes: number, states: number): void {
		const ownerBytes = (this.#ownerBytes.get(owner) ?? 0) + bytes;
		if (ownerBytes <= 0 && !this.#owned.has(owner)) this.#ownerBytes.delete(owner);
		else this.#ownerBytes.set(owner, ownerBytes);
		this.#all.bytes += bytes;
		this.#all.states += states;
		if (this.capabilityOf(owner) !== 'edit') {
			this.#viewers.bytes += bytes;
			this.#viewers.states += states;
		}
	}

	#remember(clientId: number, released: Released): void {
		this.#released.delete(clientId);
		this.#released.set(clientId, released);
		// The oldest goes first; a Map iterates in insertion order.
		if (this.#released.size > MAX_RELEASED_IDS) {
			this.#released.delete(this.#released.keys().next().value!);
		}
	}
}
