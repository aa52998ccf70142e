import { clampPosition, type GridPosition } from '$lib/board/views/raci-navigation.ts';

/** The column key of a task's own header cell; person columns use the person's id. */
export const TASK_COLUMN = '';

/** A grid cell by what it shows: a task (row) and a person id or TASK_COLUMN. */
export interface CellRef {
	readonly taskId: string;
	readonly column: string;
}

/**
 * The RACI grid's single tab stop (roving tabindex). It remembers the cell by ids, so a peer
 * adding or moving rows does not move this user's focus to another task; when its row or
 * column is removed, the stop falls back to the nearest cell by position.
 */
export class GridFocus {
	#cell = $state<CellRef | null>(null);
	#lastPosition: GridPosition = { row: 0, column: 0 };

	/** Makes `cell` the tab stop. */
	set(cell: CellRef): void {
		this.#cell = cell;
	}

	/** The cell that holds the tab stop among the current rows and columns, or null when empty. */
	resolve(taskIds: readonly string[], columns: readonly string[]): CellRef | null {
		if (taskIds.length === 0 || columns.length === 0) return null;
		const position = this.position(taskIds, columns);
		return { taskId: taskIds[position.row]!, column: columns[position.column]! };
	}

	/** The tab stop's position among the current rows and columns. */
	position(taskIds: readonly string[], columns: readonly string[]): GridPosition {
		const cell = this.#cell;
		const row = cell ? taskIds.indexOf(cell.taskId) : -1;
		const column = cell ? columns.indexOf(cell.column) : -1;
		const found = {
			row: row === -1 ? this.#lastPosition.row : row,
			column: column === -1 ? this.#lastPosition.column : column
		};
		const position = clampPosition(found, { rows: taskIds.length, columns: columns.length });
		this.#lastPosition = position;
		return position;
	}
}
