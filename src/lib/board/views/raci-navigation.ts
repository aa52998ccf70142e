/** A cell of the RACI grid by position: `column` 0 is the task's own header, 1… the people. */
export interface GridPosition {
	readonly row: number;
	readonly column: number;
}

/** The grid's extent: its body rows and its columns (task header included). */
export interface GridSize {
	readonly rows: number;
	readonly columns: number;
}

/** The modifier keys that change what a navigation key does. */
export interface NavigationModifiers {
	readonly ctrlKey?: boolean;
	readonly metaKey?: boolean;
}

/** How many rows Page Up and Page Down jump, as in spreadsheets on a small screen. */
export const PAGE_ROWS = 5;

/**
 * Where a navigation key moves focus in the grid, after the ARIA grid pattern: arrows move one
 * cell and stop at the edges, Home/End go to the row's ends (with Ctrl, the grid's corners),
 * Page Up/Down jump a few rows. Null when the key does not navigate (or the grid is empty).
 */
export function navigateGrid(
	from: GridPosition,
	key: string,
	size: GridSize,
	modifiers: NavigationModifiers = {}
): GridPosition | null {
	if (size.rows === 0 || size.columns === 0) return null;
	const control = modifiers.ctrlKey === true || modifiers.metaKey === true;
	const { row, column } = clampPosition(from, size);
	const lastRow = size.rows - 1;
	const lastColumn = size.columns - 1;
	switch (key) {
		case 'ArrowUp':
			return { row: Math.max(0, row - 1), column };
		case 'ArrowDown':
			return { row: Math.min(lastRow, row + 1), column };
		case 'ArrowLeft':
			return { row, column: Math.max(0, column - 1) };
		case 'ArrowRight':
			return { row, column: Math.min(lastColumn, column + 1) };
		case 'Home':
			return control ? { row: 0, column: 0 } : { row, column: 0 };
		case 'End':
			return control ? { row: lastRow, column: lastColumn } : { row, column: lastColumn };
		case 'PageUp':
			return { row: Math.max(0, row - PAGE_ROWS), column };
		case 'PageDown':
			return { row: Math.min(lastRow, row + PAGE_ROWS), column };
		default:
			return null;
	}
}

/** The nearest position inside the grid, for a focus that outlived a removed row or column. */
export function clampPosition(position: GridPosition, size: GridSize): GridPosition {
	return {
		row: Math.min(Math.max(0, position.row), Math.max(0, size.rows - 1)),
		column: Math.min(Math.max(0, position.column), Math.max(0, size.columns - 1))
	};
}
