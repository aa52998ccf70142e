import type * as Y from 'yjs';
import { recordEditor, type Editor } from '../board/editors.ts';
import { InvalidInputError } from '../board/errors.ts';

/**
 * Records this session's Yjs client id with the profile (board/editors.ts) on its first own
 * change, and again if the profile's name or the client id changes: a session that only looks
 * writes nothing. Updates applied from the network or the offline copy are not local
 * transactions, so they never count. Returns a function that stops watching.
 */
export function recordEditorOnChange(doc: Y.Doc, profile: () => Editor): () => void {
	let recorded = '';
	const onTransaction = (transaction: Y.Transaction) => {
		if (!transaction.local || transaction.changed.size === 0) return;
		const editor = profile();
		const signature = `${doc.clientID}\n${editor.userId}\n${editor.name}`;
		if (signature === recorded) return;
		recorded = signature;
		// After the change's own transaction has ended, as a transaction of its own.
		queueMicrotask(() => {
			try {
				recordEditor(doc, editor);
			} catch (error) {
				// A name the board refuses: this session's changes read as "someone's".
				if (!(error instanceof InvalidInputError)) throw error;
			}
		});
	};
	doc.on('afterTransaction', onTransaction);
	return () => doc.off('afterTransaction', onTransaction);
}
