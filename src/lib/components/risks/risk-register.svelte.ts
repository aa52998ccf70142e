import { createContext } from 'svelte';
import {
	linksByRisk,
	linksOf,
	riskCommands,
	type Risk,
	type RiskLinks,
	type RiskPatch
} from '$lib/board/index.ts';
import { riskBand, riskScore } from '$lib/board/views/risk-bands.ts';
import { NO_RISK_FILTER, filterRisks, type RiskFilter } from '$lib/board/views/risk-filter.ts';
import {
	cellOfKey,
	heatMapRisks,
	sameCell,
	stepCell,
	type HeatCell
} from '$lib/board/views/risk-heat-map.ts';
import {
	RISK_SORT_LABELS,
	nextRiskSort,
	sortRisks,
	type RiskSort,
	type RiskSortColumn
} from '$lib/board/views/risk-sort.ts';
import {
	EditableList,
	type EditableListOptions
} from '$lib/components/list/editable-list.svelte.ts';

/** A risk being placed on the heat map with the keyboard: where it would land if dropped now. */
export interface HeatMapPlacement {
	readonly riskId: string;
	readonly title: string;
	readonly target: HeatCell;
}

/**
 * The state of one risks section: the register's sort and filters, the risk being placed on
 * the heat map, and every write (through EditableList). Components read it and call its
 * methods; it never touches the DOM.
 */
export class RiskRegister extends EditableList<Risk, RiskPatch> {
	#sort = $state.raw<RiskSort>(null);
	#filter = $state.raw<RiskFilter>(NO_RISK_FILTER);
	#placement = $state.raw<HeatMapPlacement | null>(null);

	/**
	 * Risks that pass the status, owner and band filters; the heat map counts those of them that
	 * count on it (countsOnHeatMap: not closed).
	 */
	readonly mapped: Risk[] = $derived.by(() =>
		filterRisks(this.view.risks, { ...this.#filter, cell: null }, this.view.people)
	);
	/**
	 * Risks the register shows: filtered, then sorted. A selected heat-map cell lists exactly the
	 * risks its number counts, so a closed risk in that cell is not among them.
	 */
	readonly shown: Risk[] = $derived.by(() => {
		const cell = this.#filter.cell;
		const candidates = cell === null ? this.mapped : heatMapRisks(this.mapped);
		return sortRisks(
			filterRisks(candidates, { ...NO_RISK_FILTER, cell }, []),
			this.#sort,
			this.view.people
		);
	});

	/** Each risk's links to the actions and milestones it affects, those gone left out. */
	readonly #links = $derived.by(() => {
		const ids = {
			actions: new Set(this.view.actions.map((action) => action.id)),
			milestones: new Set(this.view.milestones.map((milestone) => milestone.id))
		};
		return linksByRisk(this.view.riskLinks, (kind, id) => ids[kind].has(id));
	});

	constructor(options: EditableListOptions) {
		super(options, riskCommands, 'risk');
	}

	/** Every risk on the board, in board order. */
	get all(): Risk[] {
		return this.view.risks;
	}

	/** The actions and milestones a risk affects. */
	linksOf(riskId: string): RiskLinks {
		return linksOf(this.#links, riskId);
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

	/** Rows can be reordered by hand only in board order; a column sort would hide the result. */
	override get canReorder(): boolean {
		return this.canEdit && this.#sort === null;
	}

	/** Why reordering is off, or '' when it is on. */
	override get reorderBlockedReason(): string {
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

	/** A risk dragged from the register onto a heat-map cell is re-scored there. */
	protected override dropOutside(id: string, element: Element): boolean {
		const cell = cellOfKey(element.closest<HTMLElement>('[data-cell]')?.dataset.cell);
		if (cell) this.rescore(id, cell);
		return cell !== null;
	}

	/** Sets a risk's likelihood and impact together, in one command and one undo step. */
	rescore(id: string, cell: HeatCell): void {
		const risk = this.all.find((candidate) => candidate.id === id);
		if (!risk || !this.canEdit) return;
		this.update(id, { likelihood: cell.likelihood, impact: cell.impact });
		this.announce(`${risk.title} re-scored. ${describeTarget(cell)}`);
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
}

function describeTarget(cell: HeatCell): string {
	const band = riskBand(cell);
	return `Likelihood ${cell.likelihood}, impact ${cell.impact}: score ${riskScore(cell)}, ${band.label.toLowerCase()}.`;
}

/** Reads and provides the risks section's state. */
export const [getRiskRegister, setRiskRegister] = createContext<RiskRegister>();
