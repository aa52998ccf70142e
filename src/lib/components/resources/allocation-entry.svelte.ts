import { setAllocation, type Month } from '$lib/board/index.ts';
import { readPercentEntry } from '$lib/board/views/allocation-keys.ts';
import { runCommand } from '$lib/components/ui/refusals.ts';
import type * as Y from 'yjs';

/** The cell whose entry field is open, and what is typed in it. */
export interface OpenEntry {
	readonly personId: string;
	readonly month: Month;
	readonly text: string;
}

/**
 * The resource grid's one entry field: which cell it is open on, what was typed, and the write
 * when it is committed (through setAllocation, so a bad percent is refused by the board too).
 */
export class AllocationEntry {
	#open = $state<OpenEntry | null>(null);
	#message = $state('');

	constructor(private readonly doc: Y.Doc) {}

	/** The open entry, or null. */
	get open(): OpenEntry | null {
		return this.#open;
	}

	/** Why the last entry was refused, for the field's description and the live region; or ''. */
	get message(): string {
		return this.#message;
	}

	/** Whether the entry is open on this cell. */
	isOpen(personId: string, month: Month): boolean {
		return this.#open?.personId === personId && this.#open.month === month;
	}

	/** Opens the entry on a cell with `text` in it. */
	start(personId: string, month: Month, text: string): void {
		this.#message = '';
		this.#open = { personId, month, text };
	}

	/** Keeps what is typed. */
	type(text: string): void {
		if (this.#open) this.#open = { ...this.#open, text };
	}

	/** Writes what is typed and closes the entry; false (entry left open) when it is not a percent. */
	commit(): boolean {
		const open = this.#open;
		if (!open) return true;
		const entry = readPercentEntry(open.text);
		if (!entry.ok) {
			this.#message = entry.message;
			return false;
		}
		this.#open = null;
		this.write(open.personId, open.month, entry.percent);
		return true;
	}

	/** Closes the entry without writing, keeping why it was refused on show. */
	abandon(): void {
		this.#open = null;
	}

	/** Closes the entry without writing. */
	cancel(): void {
		this.#open = null;
		this.#message = '';
	}

	/** Sets a cell (0 clears); a person a peer just removed is refused quietly (their row is going). */
	write(personId: string, month: Month, percent: number): void {
		const outcome = runCommand(() => setAllocation(this.doc, personId, month, percent), {
			noun: 'allocation'
		});
		this.#message = outcome.ok ? '' : outcome.message;
	}
}
