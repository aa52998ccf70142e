import { ALLOCATION_LIMITS } from '../allocation-model.ts';
import { navigateGrid, type GridPosition, type GridSize } from './raci-navigation.ts';

/** What a key pressed on a resource grid cell (not in its entry field) asks for. */
export type AllocationKeyAction =
	| { readonly kind: 'focus'; readonly to: GridPosition }
	/** Open the cell's entry field holding `text` (a typed digit, or the cell's value). */
	| { readonly kind: 'edit'; readonly text: string }
	| { readonly kind: 'clear' };

/** A key press as the grid sees it. */
export interface AllocationKeyPress {
	readonly key: string;
	readonly altKey?: boolean;
	readonly ctrlKey?: boolean;
	readonly metaKey?: boolean;
}

/** Where the key was pressed and what the user may do there. */
export interface AllocationKeyContext {
	/** The focused cell; column 0 is the person's own header. */
	readonly at: GridPosition;
	readonly size: GridSize;
	readonly canEdit: boolean;
	/** The focused cell's percent, or undefined when it has none. */
	readonly percent: number | undefined;
}

/**
 * The resource grid's keyboard, after the RACI grid's: arrows, Home/End and Page Up/Down move
 * (for everyone); for editors, a digit opens the cell's entry with that digit, Enter or F2 opens
 * it with the cell's value, Backspace/Delete clear the cell. Null leaves the key to the browser.
 */
export function allocationKeyAction(
	press: AllocationKeyPress,
	context: AllocationKeyContext
): AllocationKeyAction | null {
	const { key } = press;
	if (press.altKey) return null;
	const to = navigateGrid(context.at, key, context.size, press);
	if (to) return { kind: 'focus', to };
	if (!context.canEdit || press.ctrlKey || press.metaKey || context.at.column === 0) return null;
	if (/^[0-9]$/.test(key)) return { kind: 'edit', text: key };
	if (key === 'Enter' || key === 'F2') return { kind: 'edit', text: String(context.percent ?? '') };
	if (key === 'Backspace' || key === 'Delete') return { kind: 'clear' };
	return null;
}

/** What was typed into a cell's entry: a percent to set (0 clears), or why it cannot be. */
export type PercentEntry =
	| { readonly ok: true; readonly percent: number }
	| { readonly ok: false; readonly message: string };

/** Reads a typed percent: blank clears, a trailing % is allowed, otherwise a whole 0–200. */
export function readPercentEntry(text: string): PercentEntry {
	const trimmed = text.trim().replace(/\s*%$/, '');
	if (trimmed === '') return { ok: true, percent: 0 };
	const percent = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
	if (percent >= ALLOCATION_LIMITS.min && percent <= ALLOCATION_LIMITS.max)
		return { ok: true, percent };
	return {
		ok: false,
		message: `Type a whole percent from ${ALLOCATION_LIMITS.min} to ${ALLOCATION_LIMITS.max}.`
	};
}
