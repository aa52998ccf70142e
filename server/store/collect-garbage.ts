import * as Y from 'yjs';

/**
 * A board's stored updates merged into one with deleted content dropped. `Y.mergeUpdates`
 * keeps every deleted character (it never decodes what it merges), so a compacted board would
 * hand a secret someone typed and then deleted to every reader; a Y.Doc with `gc: true` turns
 * deleted content into bare tombstones. Updates still waiting for what they depend on are kept
 * as they are.
 */
export function mergeCollected(parts: readonly Uint8Array[]): Uint8Array {
	const doc = new Y.Doc({ gc: true });
	try {
		// One merged update, applied once: applied one by one, each part that waits would be
		// merged again with all that waited before it (160 such parts of 64 KiB took 40 s).
		Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates([...parts]));
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
