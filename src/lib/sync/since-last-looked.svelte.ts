import { SvelteSet } from 'svelte/reactivity';
import * as Y from 'yjs';
import { changesSince, type SinceChange } from '../board/diff/since.ts';
import type { LastShownStore } from './last-shown.ts';

/** How long after a change the board's state is kept as shown, while the page is visible. */
export const SHOWN_SAVE_DELAY_MS = 2_000;
/** The longest the kept state lags behind while changes keep coming. */
export const SHOWN_SAVE_MAX_MS = 30_000;

/**
 * "What changed since you last looked" for one open board (design notes: "Since you last
 * looked"). This browser keeps the state it last showed (LastShownStore: saved shortly after
 * each change while the page is visible, and when it is hidden); when the board opens, and when
 * a hidden page is shown again after changes arrived, the kept state is compared with the board
 * (diff/since.ts, once, not per keystroke) and the changes are listed until dismissed. Each
 * changed entry carries a marker until it has been seen or the list is dismissed.
 */
export class SinceLastLooked {
	#changes = $state.raw<readonly SinceChange[]>([]);
	#since = $state.raw<number | null>(null);
	readonly #unseen = new SvelteSet<string>();
	// The state the listed changes are counted from, while the list is open.
	#from: Uint8Array | null = null;
	// The state last kept, and whether the board changed since.
	#shown: Uint8Array | null = null;
	#shownAt = 0;
	#dirty = false;
	#changedWhileHidden = false;
	#opening = false;
	#opened = false;
	#saveTimer: ReturnType<typeof setTimeout> | null = null;
	#firstUnsavedAt = 0;
	readonly #detach: () => void;

	constructor(
		private readonly doc: Y.Doc,
		private readonly store: LastShownStore,
		/** The user id whose own changes are not listed. */
		private readonly me: () => string
	) {
		const onUpdate = () => this.#changed();
		const onVisibility = () => this.#visibilityChanged();
		const onPageHide = () => this.#hidden();
		doc.on('update', onUpdate);
		document.addEventListener('visibilitychange', onVisibility);
		window.addEventListener('pagehide', onPageHide);
		this.#detach = () => {
			doc.off('update', onUpdate);
			document.removeEventListener('visibilitychange', onVisibility);
			window.removeEventListener('pagehide', onPageHide);
		};
	}

	/** The changes listed, until dismissed; empty on a first visit or when nothing changed. */
	get changes(): readonly SinceChange[] {
		return this.#changes;
	}

	/** When the state the changes are counted from was shown (epoch ms), or null. */
	get since(): number | null {
		return this.#since;
	}

	/** Whether the entry with this marker key changed and was not seen yet. */
	isUnseen(key: string): boolean {
		return this.#unseen.has(key);
	}

	/** Clears an entry's marker: it was seen. */
	markSeen(key: string): void {
		this.#unseen.delete(key);
	}

	/** Closes the list and clears every marker. */
	dismiss(): void {
		this.#changes = [];
		this.#since = null;
		this.#from = null;
		this.#unseen.clear();
	}

	/**
	 * Compares the kept state with the board as it is now that it has loaded (call once it is
	 * live, or loaded offline), lists what changed, then keeps the board as shown. Runs once.
	 */
	async open(): Promise<void> {
		if (this.#opening) return;
		this.#opening = true;
		const kept = await this.store.get().catch(() => undefined);
		if (kept) this.#reveal(kept.state, kept.savedAt);
		this.#opened = true;
		await this.#save();
	}

	/** Keeps the board as shown one last time and stops listening. */
	destroy(): void {
		this.#detach();
		if (this.#saveTimer) clearTimeout(this.#saveTimer);
		if (this.#opened && this.#dirty && document.visibilityState === 'visible') void this.#save();
	}

	#reveal(from: Uint8Array, at: number): void {
		const since = this.#from ?? from;
		let changes: SinceChange[];
		try {
			changes = changesSince(since, this.doc, this.me());
		} catch {
			// A kept state Yjs cannot read: nothing to compare with, as on a first visit.
			return;
		}
		if (changes.length === 0) return;
		this.#since = this.#from ? this.#since : at;
		this.#from = since;
		this.#changes = changes;
		for (const change of changes) this.#unseen.add(change.key);
	}

	// Only what arrives while the page is visible was shown; the rest waits for the next look.
	#changed(): void {
		if (!this.#opened) return;
		if (document.visibilityState !== 'visible') {
			this.#changedWhileHidden = true;
			return;
		}
		this.#dirty = true;
		this.#scheduleSave();
	}

	#scheduleSave(): void {
		const now = Date.now();
		if (!this.#saveTimer) this.#firstUnsavedAt = now;
		else clearTimeout(this.#saveTimer);
		const wait = Math.min(SHOWN_SAVE_DELAY_MS, this.#firstUnsavedAt + SHOWN_SAVE_MAX_MS - now);
		this.#saveTimer = setTimeout(() => void this.#save(), Math.max(0, wait));
	}

	#visibilityChanged(): void {
		if (!this.#opened) return;
		if (document.visibilityState === 'hidden') return this.#hidden();
		if (!this.#changedWhileHidden || !this.#shown) return;
		this.#changedWhileHidden = false;
		this.#reveal(this.#shown, this.#shownAt);
		void this.#save();
	}

	// What was on screen until now was seen: keep it, before anything arrives unseen.
	#hidden(): void {
		if (this.#saveTimer) {
			clearTimeout(this.#saveTimer);
			this.#saveTimer = null;
		}
		if (this.#opened && this.#dirty) void this.#save();
	}

	async #save(): Promise<void> {
		if (this.#saveTimer) clearTimeout(this.#saveTimer);
		this.#saveTimer = null;
		this.#dirty = false;
		this.#shown = Y.encodeStateAsUpdate(this.doc);
		this.#shownAt = Date.now();
		// Not kept (private browsing): the next visit shows no list, as a first one.
		await this.store.put({ state: this.#shown, savedAt: this.#shownAt }).catch(() => {});
	}
}
