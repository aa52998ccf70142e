import * as Y from 'yjs';
import { boardRoots, localOrigin } from '../doc.ts';
import { CELLS_KEYS, LIST_KEYS, type ListKey } from '../read.ts';

/**
 * Collections Ctrl+Z leaves alone. A published status update is a record already sent to
 * stakeholders and frozen by its commands; undo would take the publishing back (and with it the
 * freeze), so status updates are written and discarded only through their own commands.
 */
export const NOT_UNDONE: readonly ListKey[] = ['statusUpdates'];

/**
 * Per-user undo and redo of the board's structured data: only this user's commands (the local
 * origin) are tracked, so undo never takes back a colleague's edit. Rich-text fields keep
 * their own undo, bound to their editor.
 */
export class BoardUndo {
	readonly #manager: Y.UndoManager;
	#canUndo = $state(false);
	#canRedo = $state(false);

	constructor(doc: Y.Doc) {
		const roots = boardRoots(doc);
		this.#manager = new Y.UndoManager(
			[
				roots.meta,
				roots.retro,
				...LIST_KEYS.filter((key) => !NOT_UNDONE.includes(key)).map((key) => roots[key]),
				...CELLS_KEYS.map((key) => roots[key]),
				// Group names live beside the retro maps; undoing a regroup brings its name back.
				doc.getMap('retroGroupNames')
			],
			{ trackedOrigins: new Set([localOrigin]), captureTimeout: 600 }
		);
		const refresh = () => {
			this.#canUndo = this.#manager.canUndo();
			this.#canRedo = this.#manager.canRedo();
		};
		this.#manager.on('stack-item-added', refresh);
		this.#manager.on('stack-item-popped', refresh);
		this.#manager.on('stack-cleared', refresh);
	}

	/** True when there is something of this user's to undo. */
	get canUndo(): boolean {
		return this.#canUndo;
	}

	/** True when there is something to redo. */
	get canRedo(): boolean {
		return this.#canRedo;
	}

	/** Takes back this user's last change. */
	undo(): void {
		this.#manager.undo();
	}

	/** Re-applies the last change undone. */
	redo(): void {
		this.#manager.redo();
	}

	/** Starts a new undo step, so the next change is not merged into the previous one. */
	stopCapturing(): void {
		this.#manager.stopCapturing();
	}

	/** Detaches from the document. */
	destroy(): void {
		this.#manager.destroy();
	}
}
