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

/**
 * y-protocols' rule, so the server keeps what every client keeps: a newer clock wins, and an
 * equal clock may only clear a state.
 */
export function isNewer(
	entry: AwarenessEntry,
	presence: { clock: number; state: string } | undefined
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
