import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * One Yjs update (format v1) holding `count` sub-documents with one-character guids, written
 * byte by byte as Yjs writes them (Item with ContentDoc, each after the previous one), so that
 * making it costs the test nothing. 100,000 of them is ~1.28 MB: the update of issue 14 that took
 * ~235 MB of heap once applied.
 */
export function subdocumentFlood(count: number, client = 2_000_000_000): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1); // one client
	encoding.writeVarUint(encoder, count);
	encoding.writeVarUint(encoder, client);
	encoding.writeVarUint(encoder, 0); // first clock
	const CONTENT_DOC = 9;
	const HAS_ORIGIN = 0x80;
	for (let i = 0; i < count; i++) {
		if (i === 0) {
			encoding.writeUint8(encoder, CONTENT_DOC);
			encoding.writeVarUint(encoder, 1); // the parent is a root type, by name
			encoding.writeVarString(encoder, 'subdocs');
		} else {
			encoding.writeUint8(encoder, CONTENT_DOC | HAS_ORIGIN);
			encoding.writeVarUint(encoder, client);
			encoding.writeVarUint(encoder, i - 1);
		}
		encoding.writeVarString(encoder, String.fromCharCode(97 + (i % 26)));
		encoding.writeAny(encoder, {});
	}
	encoding.writeVarUint(encoder, 0); // an empty delete set
	return encoding.toUint8Array(encoder);
}

/**
 * `count` updates of about `bytes` each that can never be integrated: each inserts text after a
 * character of its own writer that is never sent. Each comes from a writer of its own, so none
 * duplicates another.
 */
export function waitingUpdates(count: number, bytes: number): Uint8Array[] {
	return Array.from({ length: count }, () => {
		const doc = new Y.Doc();
		const text = doc.getText('notes');
		text.insert(0, 'x'); // withheld: everything after it waits for it
		const before = Y.encodeStateVector(doc);
		text.insert(1, 'w'.repeat(bytes));
		return Y.encodeStateAsUpdate(doc, before);
	});
}
