import { encodeAwarenessUpdate, type AwarenessEntry } from './awareness.ts';
import { encodeAwareness } from './protocol.ts';

/** Presence bytes in one greeting message: a room's whole presence never goes out in one. */
export const GREETING_CHUNK_BYTES = 64 * 1024;

/** Splits presence into awareness messages of at most about `chunkBytes` of states each. */
export function presenceMessages(
	entries: readonly AwarenessEntry[],
	chunkBytes = GREETING_CHUNK_BYTES
): Uint8Array[] {
	const messages: Uint8Array[] = [];
	let chunk: AwarenessEntry[] = [];
	let bytes = 0;
	for (const entry of entries) {
		if (chunk.length > 0 && bytes + entry.bytes > chunkBytes) {
			messages.push(encodeAwareness(encodeAwarenessUpdate(chunk)));
			chunk = [];
			bytes = 0;
		}
		chunk.push(entry);
		bytes += entry.bytes;
	}
	if (chunk.length > 0) messages.push(encodeAwareness(encodeAwarenessUpdate(chunk)));
	return messages;
}

/**
 * Greets a newcomer with the room's presence, in that order (editors first), one message now
 * and each next one on a later turn of the event loop while `stillThere()`: what it needs first
 * arrives first, and a large presence never lands on its socket in one piece.
 */
export function greetWithPresence(
	send: (message: Uint8Array) => void,
	entries: readonly AwarenessEntry[],
	stillThere: () => boolean
): void {
	const messages = presenceMessages(entries);
	const sendNext = (index: number) => {
		if (index >= messages.length || !stillThere()) return;
		send(messages[index]!);
		if (index + 1 < messages.length) setImmediate(() => sendNext(index + 1));
	};
	sendNext(0);
}
