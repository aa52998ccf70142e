import * as Y from 'yjs';

const KiB = 1024;

/** How much waiting data a board holds back (DESIGN.md §5, "pending data"). */
export interface PendingLimits {
	/** Bytes of waiting updates one connection may have held for it… */
	maxPendingBytesPerConnection: number;
	/** …and all of a board's connections together. */
	maxPendingBytesPerBoard: number;
}

/** The defaults: an honest client's changes wait at most a moment, and are a few keystrokes. */
export const DEFAULT_PENDING_LIMITS: Readonly<PendingLimits> = {
	maxPendingBytesPerConnection: 256 * KiB,
	maxPendingBytesPerBoard: 1024 * KiB
};

/** Part of an update Yjs could not integrate, because what it builds on has not arrived. */
export interface WaitingUpdate {
	/** The waiting structs and deletes, as one update in Yjs's format v2, as Yjs keeps them. */
	update: Uint8Array;
	/** For each client, a clock the update waits for: once the board has it, try again. */
	missing: Map<number, number>;
}

/**
 * Takes out of a doc what Yjs keeps pending after an apply (structs whose dependencies are
 * missing, deletes of structs it has not seen), leaving the doc without any. Yjs would keep it
 * inside the doc, merge every later update into it and send it in every sync reply; the room
 * holds it beside the doc instead, bounded and charged to its sender (see PendingUpdates).
 */
export function takeWaiting(doc: Y.Doc): WaitingUpdate | null {
	const { store } = doc;
	const structs = store.pendingStructs;
	const deletes = store.pendingDs;
	if (!structs && !deletes) return null;
	store.pendingStructs = null;
	store.pendingDs = null;
	const missing = new Map<number, number>(structs?.missing ?? []);
	const parts: Uint8Array[] = [];
	if (structs) parts.push(structs.update);
	if (deletes) {
		parts.push(deletes);
		// A delete waits for the first struct of its range the doc lacks.
		for (const [client, ranges] of Y.decodeUpdateV2(deletes).ds.clients) {
			const first = Math.min(...ranges.map((range) => range.clock));
			const known = missing.get(client);
			missing.set(client, known === undefined ? first : Math.min(known, first));
		}
	}
	return { update: parts.length === 1 ? parts[0]! : Y.mergeUpdatesV2(parts), missing };
}

/** Whether the doc now has something `waiting` waits for, so that trying it again may help. */
export function mayIntegrate(waiting: WaitingUpdate, doc: Y.Doc): boolean {
	for (const [client, clock] of waiting.missing) {
		if (clock < Y.getState(doc.store, client)) return true;
	}
	return false;
}

/** Limits for holding what a board's store holds while it loads: all of it, for the moment. */
export const UNBOUNDED: PendingLimits = {
	maxPendingBytesPerConnection: Infinity,
	maxPendingBytesPerBoard: Infinity
};

/** Waiting updates held by a room, per sender; `null` stands for another node (the bus). */
interface Held<Owner> extends WaitingUpdate {
	owner: Owner | null;
}

/**
 * A board's waiting updates, held beside its doc with a bound per sender and per board. Never
 * stored or relayed: a sender that reconnects sends them again, and once their dependencies
 * arrive the room applies them like any update, stores and relays what they add. A sender past
 * its bound, or holding the most when the board passes its bound, is what the room closes.
 */
export class PendingUpdates<Owner> {
	readonly #held: Held<Owner>[] = [];
	#bytes = 0;

	constructor(private readonly limits: PendingLimits) {}

	/** Bytes held for the board. */
	get bytes(): number {
		return this.#bytes;
	}

	/** Bytes held for `owner`. */
	bytesOf(owner: Owner | null): number {
		let bytes = 0;
		for (const held of this.#held) if (held.owner === owner) bytes += held.update.length;
		return bytes;
	}

	/**
	 * Holds `waiting` for `owner`. Returns the owners whose updates were dropped to keep within
	 * the bounds, for the room to close: `owner` when it passed its own bound, else those holding
	 * the most while the board is past its bound.
	 */
	hold(owner: Owner | null, waiting: WaitingUpdate): Array<Owner | null> {
		this.#held.push({ owner, ...waiting });
		this.#bytes += waiting.update.length;
		const dropped: Array<Owner | null> = [];
		if (this.bytesOf(owner) > this.limits.maxPendingBytesPerConnection) {
			this.drop(owner);
			dropped.push(owner);
		}
		while (this.#bytes > this.limits.maxPendingBytesPerBoard) {
			const largest = this.#largestOwner();
			this.drop(largest);
			dropped.push(largest);
		}
		return dropped;
	}

	/** Removes and returns one held update the doc may now integrate, if there is one. */
	takeReady(doc: Y.Doc): Held<Owner> | null {
		const index = this.#held.findIndex((held) => mayIntegrate(held, doc));
		if (index < 0) return null;
		const [held] = this.#held.splice(index, 1);
		this.#bytes -= held!.update.length;
		return held!;
	}

	/** Drops everything held for `owner` (it closed, or was refused). */
	drop(owner: Owner | null): void {
		for (let i = this.#held.length - 1; i >= 0; i--) {
			if (this.#held[i]!.owner !== owner) continue;
			this.#bytes -= this.#held[i]!.update.length;
			this.#held.splice(i, 1);
		}
	}

	#largestOwner(): Owner | null {
		const totals = new Map<Owner | null, number>();
		for (const held of this.#held) {
			totals.set(held.owner, (totals.get(held.owner) ?? 0) + held.update.length);
		}
		let largest: Owner | null = null;
		let most = -1;
		for (const [owner, bytes] of totals) {
			if (bytes > most) [largest, most] = [owner, bytes];
		}
		return largest;
	}
}
