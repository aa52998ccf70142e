import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './protocol.ts';

/** One client's entry in an awareness update; `state` is its JSON text ('null' when it left). */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	state: string;
	/** Size of the state in UTF-8 bytes, as received. */
	bytes: number;
}

const NO_STATE = 'null';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an awareness update; throws MalformedMessageError on bad framing, invalid UTF-8 or a
 * state that is not JSON, so no peer is ever relayed something its awareness cannot parse.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const raw = decoding.readVarUint8Array(decoder);
			const state = utf8.decode(raw);
			const value: unknown = JSON.parse(state);
			entries.push({
				clientId,
				clock,
				state: value === null ? NO_STATE : state,
				bytes: raw.length
			});
		}
		if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing awareness bytes');
		return entries;
	} catch (error) {
		if (error instanceof MalformedMessageError) throw error;
		throw new MalformedMessageError('malformed awareness update', { cause: error });
	}
}

/** Encodes awareness entries into an update. */
export function encodeAwarenessUpdate(
	entries: readonly Pick<AwarenessEntry, 'clientId' | 'clock' | 'state'>[]
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.state);
	}
	return encoding.toUint8Array(encoder);
}

/** What became of the entries of one awareness update. */
export interface AwarenessOutcome {
	/** Entries that changed the room's presence, to relay. */
	changed: AwarenessEntry[];
	/** Entries dropped because another connection owns their client id. */
	notOwned: number;
	/** Entries dropped because their state is over the size limit. */
	tooLarge: number;
	/** Entries dropped because their connection already owns as many ids as it may. */
	tooManyIds: number;
}

/** Bounds on what one connection may put into a room's presence. */
export interface AwarenessLimits {
	maxStateBytes: number;
	maxIdsPerOwner: number;
}

interface Presence<Owner> {
	owner: Owner;
	clock: number;
	state: string;
}

/**
 * A room's presence, with who owns which client id: the first connection to announce an id owns
 * it until that connection closes, so no peer can speak for, or erase, another's presence.
 * States are kept as the JSON text received, so relaying them costs no re-serialisation.
 */
export class RoomAwareness<Owner> {
	readonly #clients = new Map<number, Presence<Owner>>();
	readonly #owned = new Map<Owner, Set<number>>();

	constructor(private readonly limits: AwarenessLimits) {}

	/** Applies the entries `owner` may write, claiming ids nobody owns yet. */
	apply(owner: Owner, entries: readonly AwarenessEntry[]): AwarenessOutcome {
		const outcome: AwarenessOutcome = { changed: [], notOwned: 0, tooLarge: 0, tooManyIds: 0 };
		for (const entry of entries) {
			const presence = this.#clients.get(entry.clientId);
			if (presence && presence.owner !== owner) outcome.notOwned++;
			else if (entry.bytes > this.limits.maxStateBytes) outcome.tooLarge++;
			else if (!isNewer(entry, presence)) continue;
			else if (presence) {
				presence.clock = entry.clock;
				presence.state = entry.state;
				outcome.changed.push(entry);
			} else if (this.#claim(owner, entry)) outcome.changed.push(entry);
			else outcome.tooManyIds++;
		}
		return outcome;
	}

	/** Removes the presence `owner` held and returns the entries that tell peers it left. */
	release(owner: Owner): AwarenessEntry[] {
		const ids = this.#owned.get(owner);
		if (!ids) return [];
		this.#owned.delete(owner);
		const removed: AwarenessEntry[] = [];
		for (const clientId of ids) {
			const presence = this.#clients.get(clientId)!;
			this.#clients.delete(clientId);
			if (presence.state !== NO_STATE) {
				removed.push({ clientId, clock: presence.clock + 1, state: NO_STATE, bytes: 4 });
			}
		}
		return removed;
	}

	/** Every present client's entry, to greet a newcomer with. */
	present(): AwarenessEntry[] {
		const entries: AwarenessEntry[] = [];
		for (const [clientId, { clock, state }] of this.#clients) {
			if (state !== NO_STATE) entries.push({ clientId, clock, state, bytes: state.length });
		}
		return entries;
	}

	#claim(owner: Owner, entry: AwarenessEntry): boolean {
		let ids = this.#owned.get(owner);
		if (ids && ids.size >= this.limits.maxIdsPerOwner) return false;
		if (!ids) this.#owned.set(owner, (ids = new Set()));
		ids.add(entry.clientId);
		this.#clients.set(entry.clientId, { owner, clock: entry.clock, state: entry.state });
		return true;
	}
}

/**
 * y-protocols' rule, so the server keeps what every client keeps: a newer clock wins, and an
 * equal clock may only clear a state.
 */
export function isNewer(
	entry: AwarenessEntry,
	presence: Pick<Presence<unknown>, 'clock' | 'state'> | undefined
): boolean {
	const clock = presence?.clock ?? 0;
	if (entry.clock > clock) return true;
	return (
		entry.clock === clock &&
		entry.state === NO_STATE &&
		presence !== undefined &&
		presence.state !== NO_STATE
	);
}
