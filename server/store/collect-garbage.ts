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
		doc.transact(() => {
			for (const part of parts) Y.applyUpdate(doc, part);
		});
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
