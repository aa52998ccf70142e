import type { RaciValue } from '../schema.ts';
import { nextRaciValue, raciValueForKey } from './raci-checks.ts';
import { navigateGrid, type GridPosition, type GridSize } from './raci-navigation.ts';

/** What a key pressed on a RACI grid cell asks for; the grid carries it out. */
export type RaciKeyAction =
	| { readonly kind: 'focus'; readonly to: GridPosition }
	| { readonly kind: 'moveTask'; readonly delta: -1 | 1 }
	| { readonly kind: 'rename' }
	| { readonly kind: 'set'; readonly value: RaciValue | null };

/** A key press as the grid sees it. */
export interface RaciKeyPress {
	readonly key: string;
	readonly altKey?: boolean;
	readonly ctrlKey?: boolean;
	readonly metaKey?: boolean;
}

/** Where the key was pressed and what the user may do there. */
export interface RaciKeyContext {
	/** The focused cell; column 0 is the task's own header. */
	readonly at: GridPosition;
	readonly size: GridSize;
	readonly canEdit: boolean;
	/** The focused cell's value (undefined when empty or on the task header). */
	readonly value: RaciValue | undefined;
}

/**
 * The grid's keyboard: arrows, Home/End and Page Up/Down move (for everyone); for editors,
 * R/A/C/I set a cell, Backspace/Delete clear it, Enter/Space cycle it, Enter/F2 on a task
 * renames it and Alt+Up/Down moves it. Null leaves the key to the browser and the page
 * (Tab, Ctrl+Z…). A viewer's edit keys are ignored without an error.
 */
export function raciKeyAction(press: RaciKeyPress, context: RaciKeyContext): RaciKeyAction | null {
	const { key } = press;
	if (press.altKey) {
		if (!context.canEdit || (key !== 'ArrowUp' && key !== 'ArrowDown')) return null;
		return { kind: 'moveTask', delta: key === 'ArrowUp' ? -1 : 1 };
	}
	const to = navigateGrid(context.at, key, context.size, press);
	if (to) return { kind: 'focus', to };
	if (!context.canEdit || press.ctrlKey || press.metaKey) return null;
	if (context.at.column === 0) {
		return key === 'Enter' || key === 'F2' ? { kind: 'rename' } : null;
	}
	const letter = raciValueForKey(key);
	if (letter) return { kind: 'set', value: letter };
	if (key === 'Backspace' || key === 'Delete') return { kind: 'set', value: null };
	if (key === 'Enter' || key === ' ') return { kind: 'set', value: nextRaciValue(context.value) };
	return null;
}
