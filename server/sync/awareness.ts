import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './protocol.ts';

/** One client's entry in an awareness update; `state` is its JSON text ('null' when it left). */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	state: string;
}

/** Decodes an awareness update; throws MalformedMessageError on bad framing or bad JSON. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state = decoding.readVarString(decoder);
			JSON.parse(state);
			entries.push({ clientId, clock, state });
		}
		if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing awareness bytes');
		return entries;
	} catch (error) {
		if (error instanceof MalformedMessageError) throw error;
		throw new MalformedMessageError('malformed awareness update', { cause: error });
	}
}

/** Encodes awareness entries back into an update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.state);
	}
	return encoding.toUint8Array(encoder);
}

/**
 * Who owns which awareness client id in a room: the first connection to announce an id owns
 * it until that connection closes, so no peer can speak for, or erase, another's presence.
 */
export class AwarenessOwners<Owner> {
	readonly #owners = new Map<number, Owner>();
	readonly #ids = new Map<Owner, Set<number>>();

	/** Keeps the entries `owner` may write, claiming ids nobody owns yet. */
	filter(owner: Owner, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
		return entries.filter((entry) => {
			const current = this.#owners.get(entry.clientId);
			if (current === undefined) {
				this.#owners.set(entry.clientId, owner);
				let ids = this.#ids.get(owner);
				if (!ids) this.#ids.set(owner, (ids = new Set()));
				ids.add(entry.clientId);
				return true;
			}
			return current === owner;
		});
	}

	/** Releases and returns the ids `owner` held. */
	release(owner: Owner): number[] {
		const ids = [...(this.#ids.get(owner) ?? [])];
		for (const id of ids) this.#owners.delete(id);
		this.#ids.delete(owner);
		return ids;
	}
}
