import { createContext, tick } from 'svelte';
import type * as Y from 'yjs';
import {
	EntityNotFoundError,
	addRisk,
	moveRisk,
	removeRisk,
	updateRisk,
	type Risk,
	type RiskPatch
} from '$lib/board/index.ts';
import type { BoardView } from '$lib/board/views/board-view.svelte.ts';
import type { BoardUndo } from '$lib/board/views/undo.svelte.ts';
import { riskBand, riskScore } from '$lib/board/views/risk-bands.ts';
import { NO_RISK_FILTER, filterRisks, type RiskFilter } from '$lib/board/views/risk-filter.ts';
import { sameCell, stepCell, type HeatCell } from '$lib/board/views/risk-heat-map.ts';
import { dropIndex, positionOf, stepIndex } from '$lib/board/views/risk-reorder.ts';
import {
	RISK_SORT_LABELS,
	nextRiskSort,
	sortRisks,
	type RiskSort,
	type RiskSortColumn
} from '$lib/board/views/risk-sort.ts';

/** A risk being placed on the heat map with the keyboard: where it would land if dropped now. */
export interface HeatMapPlacement {
	readonly riskId: string;
	readonly title: string;
	readonly target: HeatCell;
}

/** The last deletion, offered for undo until the user changes something else. */
export interface DeletedRisk {
	readonly title: string;
	readonly at: number;
}

/** What the register needs from the open board. */
export interface RiskRegisterOptions {
	doc: Y.Doc;
	view: BoardView;
	undo: BoardUndo;
	canEdit: boolean;
}

/**
 * The state of one risks section: how the register is sorted and filtered, what is being
 * dragged or placed on the heat map, what to announce, and every write it makes. Components
 * read it and call its methods; it never touches the DOM.
 */
export class RiskRegister {
	readonly #doc: Y.Doc;
	readonly #view: BoardView;
	readonly #undo: BoardUndo;
	readonly canEdit: boolean;
	#sort = $state.raw<RiskSort>(null);
	#filter = $state.raw<RiskFilter>(NO_RISK_FILTER);
	#placement = $state.raw<HeatMapPlacement | null>(null);
	#dragging = $state.raw<string | null>(null);
	#announcement = $state('');
	#deleted = $state.raw<DeletedRisk | null>(null);

	/** Risks that pass the status, owner and band filters: what the heat map counts. */
	readonly mapped: Risk[] = $derived.by(() =>
		filterRisks(this.#view.risks, { ...this.#filter, cell: null }, this.#view.people)
	);
	/** Risks the register shows: filtered (heat-map cell too), then sorted. */
	readonly shown: Risk[] = $derived.by(() =>
		sortRisks(
			filterRisks(this.mapped, { ...NO_RISK_FILTER, cell: this.#filter.cell }, []),
			this.#sort,
			this.#view.people
		)
	);

	constructor(options: RiskRegisterOptions) {
		this.#doc = options.doc;
		this.#view = options.view;
		this.#undo = options.undo;
		this.canEdit = options.canEdit;
	}

	/** Every risk on the board, in board order. */
	get all(): Risk[] {
		return this.#view.risks;
	}

	/** The column sort, or null for board order. */
	get sort(): RiskSort {
		return this.#sort;
	}

	/** The filters set. */
	get filter(): RiskFilter {
		return this.#filter;
	}

	/** The keyboard placement on the heat map in progress, if any. */
	get placement(): HeatMapPlacement | null {
		return this.#placement;
	}

	/** The id of the risk being dragged with the mouse, if any. */
	get dragging(): string | null {
		return this.#dragging;
	}

	/** The latest message for screen readers. */
	get announcement(): string {
		return this.#announcement;
	}

	/** The last deletion, while it can still be undone from the notice. */
	get deleted(): DeletedRisk | null {
		return this.#deleted;
	}

	/** Rows can be reordered by hand only in board order; a column sort would hide the result. */
	get canReorder(): boolean {
		return this.canEdit && this.#sort === null;
	}

	/** Why reordering is off, or '' when it is on. */
	get reorderBlockedReason(): string {
		if (!this.canEdit || this.#sort === null) return '';
		return `Sorted by ${RISK_SORT_LABELS[this.#sort.column].toLowerCase()}: return to board order to reorder by hand.`;
	}

	/** Cycles a column's sort: first direction, the other, board order. */
	toggleSort(column: RiskSortColumn): void {
		this.#sort = nextRiskSort(this.#sort, column);
	}

	/** Back to the order people arranged by hand. */
	sortByBoardOrder(): void {
		this.#sort = null;
	}

	/** Sets some filters, keeping the others. */
	setFilter(patch: Partial<RiskFilter>): void {
		this.#filter = { ...this.#filter, ...patch };
	}

	/** Filters to a heat-map cell, or removes that filter when the cell is already selected. */
	toggleCell(cell: HeatCell): void {
		this.setFilter({ cell: sameCell(this.#filter.cell, cell) ? null : cell });
	}

	/** Removes every filter. */
	clearFilters(): void {
		this.#filter = NO_RISK_FILTER;
	}

	/** Says something to screen readers through the section's live region. */
	announce(message: string): void {
		// Repeating the same words must still be read: clear first, then set after a tick.
		this.#announcement = '';
		void tick().then(() => (this.#announcement = message));
	}

	/** Adds a risk; throws InvalidInputError for a bad title, so the form can say why. */
	add(title: string): void {
		if (!this.canEdit) return;
		this.#beforeWrite();
		addRisk(this.#doc, { title });
		this.announce(`Added risk ${title.trim()}.`);
	}

	/** Changes fields of a risk; InvalidInputError propagates to the field that caused it. */
	update(id: string, patch: RiskPatch): void {
		if (!this.canEdit) return;
		this.#beforeWrite();
		this.#ignoreMissing(() => updateRisk(this.#doc, id, patch));
	}

	/** Deletes a risk as its own undo step, and offers to undo it. */
	remove(risk: Risk): void {
		if (!this.canEdit) return;
		this.#beforeWrite();
		this.#undo.stopCapturing();
		this.#ignoreMissing(() => removeRisk(this.#doc, risk.id));
		this.#undo.stopCapturing();
		this.#deleted = { title: risk.title, at: Date.now() };
	}

	/** Takes back the deletion offered in the notice. */
	undoDelete(): void {
		if (!this.#deleted) return;
		this.#undo.undo();
		this.announce(`Restored risk ${this.#deleted.title}.`);
		this.#deleted = null;
	}

	/** Hides the undo notice. */
	dismissDeleted(): void {
		this.#deleted = null;
	}

	/** Moves a risk one place up or down among the rows shown; returns whether it moved. */
	step(id: string, step: -1 | 1): boolean {
		if (!this.canReorder) {
			if (this.canEdit) this.announce(this.reorderBlockedReason);
			return false;
		}
		const index = stepIndex(this.all, this.shown, id, step);
		if (index === null) return false;
		this.#move(id, index);
		return true;
	}

	/** Starts a mouse drag of a risk (to reorder, or onto the heat map). */
	startDrag(id: string): void {
		if (this.canEdit) this.#dragging = id;
	}

	/** Ends a mouse drag, dropped or not. */
	endDrag(): void {
		this.#dragging = null;
	}

	/** Drops the dragged risk before or after another row. */
	dropOnRow(targetId: string, after: boolean): void {
		const id = this.#dragging;
		this.#dragging = null;
		if (!id || !this.canReorder) return;
		const index = dropIndex(this.all, id, targetId, after);
		if (index !== null) this.#move(id, index);
	}

	/** Drops the dragged risk on a heat-map cell: re-scores it. */
	dropOnCell(cell: HeatCell): void {
		const id = this.#dragging;
		this.#dragging = null;
		if (id) this.rescore(id, cell);
	}

	/** Sets a risk's likelihood and impact together, in one command and one undo step. */
	rescore(id: string, cell: HeatCell): void {
		const risk = this.all.find((candidate) => candidate.id === id);
		if (!risk || !this.canEdit) return;
		this.update(id, { likelihood: cell.likelihood, impact: cell.impact });
		const band = riskBand(cell);
		this.announce(
			`${risk.title} re-scored: likelihood ${cell.likelihood}, impact ${cell.impact}, score ${riskScore(cell)}, ${band.label.toLowerCase()}.`
		);
	}

	/** Picks a risk up to place it on the heat map with the keyboard, starting from its cell. */
	startPlacement(risk: Risk): void {
		if (!this.canEdit) return;
		const target = { likelihood: risk.likelihood, impact: risk.impact } as HeatCell;
		this.#placement = { riskId: risk.id, title: risk.title, target };
		this.announce(
			`Placing ${risk.title} on the heat map. ${describeTarget(target)} Arrow keys move, Enter places, Escape cancels.`
		);
	}

	/** Moves the placement target one cell with an arrow key; returns whether the key was used. */
	movePlacement(key: string): boolean {
		const placement = this.#placement;
		const target = placement && stepCell(placement.target, key);
		if (!placement || !target) return false;
		this.#placement = { ...placement, target };
		this.announce(describeTarget(target));
		return true;
	}

	/** Places the picked-up risk on `cell` (the target by default); returns its id. */
	finishPlacement(cell?: HeatCell): string | null {
		const placement = this.#placement;
		if (!placement) return null;
		this.#placement = null;
		this.rescore(placement.riskId, cell ?? placement.target);
		return placement.riskId;
	}

	/** Puts the picked-up risk back without changing it; returns its id. */
	cancelPlacement(): string | null {
		const placement = this.#placement;
		if (!placement) return null;
		this.#placement = null;
		this.announce(`Placing ${placement.title} cancelled.`);
		return placement.riskId;
	}

	#move(id: string, index: number): void {
		this.#beforeWrite();
		this.#ignoreMissing(() => moveRisk(this.#doc, id, index));
		const risk = this.all.find((candidate) => candidate.id === id);
		if (risk) {
			this.announce(
				`Moved ${risk.title} to position ${positionOf(this.all, id)} of ${this.all.length}.`
			);
		}
	}

	// Undo from the notice undoes the latest step: once something else changed, that is not the deletion.
	#beforeWrite(): void {
		this.#deleted = null;
	}

	// A peer may delete a risk while this user edits it; the row then disappears, nothing to report.
	#ignoreMissing(write: () => void): void {
		try {
			write();
		} catch (error) {
			if (!(error instanceof EntityNotFoundError)) throw error;
		}
	}
}

function describeTarget(cell: HeatCell): string {
	const band = riskBand(cell);
	return `Likelihood ${cell.likelihood}, impact ${cell.impact}: score ${riskScore(cell)}, ${band.label.toLowerCase()}.`;
}

/** Reads and provides the risks section's state. */
export const [getRiskRegister, setRiskRegister] = createContext<RiskRegister>();
