import type * as Y from 'yjs';
import type { RiskLinkKind } from '../risk-links.ts';
import { boardRoots, type RootKey } from '../doc.ts';
import {
	CELLS_KEYS,
	LIST_KEYS,
	readBaseline,
	readCellMap,
	readList,
	readMeta,
	readRetroSettings,
	tableOf,
	type CellMapReads,
	type CellsKey,
	type ListKey,
	type ListReads,
	type MetaRead,
	type RetroSettingsRead
} from '../read.ts';
import type {
	Action,
	Baseline,
	Decision,
	Milestone,
	Person,
	RaciTask,
	RaciValue,
	RetroCard,
	RetroColumn,
	Risk
} from '../schema.ts';
import type { StatusUpdate } from '../updates/model.ts';
import { YSnapshot } from './y-snapshot.svelte.ts';
import { charterHasText, readAddedSections, type OptionalSection } from '../board-sections.ts';
import { readCharterLead } from './charter-lead.ts';
import { readCurrency, type BudgetLine } from '../budget.ts';
import { hasStakeholderData } from './stakeholder-map.ts';

/**
 * Reactive, validated views of one board for the UI: each getter re-renders its readers when
 * that part of the board changes. Entries a peer wrote that do not parse are left out and
 * counted in `skipped`, which the board shows as a notice.
 */
export class BoardView {
	readonly #meta: YSnapshot<MetaRead>;
	readonly #baseline: YSnapshot<Baseline | null>;
	readonly #retro: YSnapshot<RetroSettingsRead>;
	readonly #addedSections: YSnapshot<ReadonlySet<OptionalSection>>;
	readonly #charterWritten: YSnapshot<boolean>;
	readonly #charterLead: YSnapshot<string | null>;
	readonly #currency: YSnapshot<string>;
	readonly #lists: { readonly [Key in ListKey]: YSnapshot<ListReads[Key]> };
	readonly #cells: { readonly [Key in CellsKey]: YSnapshot<CellMapReads[Key]> };
	/**
	 * Whether a collection holds any entry at all, read without validating its entries: the
	 * navigation asks it of every collection, and a section that does not show the 1,000 risks
	 * of a large board must not pay for reading them.
	 */
	readonly #holds: { readonly [Key in ListKey | CellsKey]: YSnapshot<boolean> };

	constructor(readonly doc: Y.Doc) {
		const roots = boardRoots(doc);
		const snapshot = <T>(key: RootKey, read: (doc: Y.Doc) => T) =>
			new YSnapshot(roots[key], () => read(doc));
		this.#meta = snapshot('meta', readMeta);
		this.#baseline = snapshot('meta', readBaseline);
		this.#retro = snapshot('retro', readRetroSettings);
		this.#addedSections = snapshot('meta', readAddedSections);
		this.#charterWritten = snapshot('charter', charterHasText);
		this.#charterLead = snapshot('charter', readCharterLead);
		this.#currency = snapshot('meta', readCurrency);
		this.#lists = tableOf(LIST_KEYS, (key) => snapshot(key, (doc) => readList(doc, key)));
		this.#cells = tableOf(CELLS_KEYS, (key) => snapshot(key, (doc) => readCellMap(doc, key)));
		this.#holds = tableOf([...LIST_KEYS, ...CELLS_KEYS], (key) =>
			snapshot(key, () => roots[key].size > 0)
		);
	}

	/** The board's metadata, or `ok: false` while it has not arrived. */
	get meta(): MetaRead {
		return this.#meta.current;
	}

	/** The board's title, or '' while it has not arrived or when what a peer wrote is unreadable. */
	get title(): string {
		const meta = this.meta;
		return meta.ok && !meta.hidden.includes('title') ? meta.meta.title : '';
	}

	/** The kickoff baseline everyone compares the board with, or null when none is set. */
	get baseline(): Baseline | null {
		return this.#baseline.current;
	}

	/**
	 * The sections a blank board shows: those someone added, and those that hold anything, so
	 * content never hides (an offline peer's first risk shows the Risks section).
	 */
	get shownSections(): ReadonlySet<OptionalSection> {
		const shown = new Set(this.#addedSections.current);
		const holds = (key: ListKey | CellsKey) => this.#holds[key].current;
		// An entry that does not parse still shows its section, where the notice of skipped
		// entries tells about it.
		const held: Record<OptionalSection, boolean> = {
			charter: this.#charterWritten.current,
			people: holds('people'),
			stakeholders: holds('people') && this.people.some(hasStakeholderData),
			milestones: holds('milestones'),
			risks: holds('risks'),
			raci: holds('raciTasks'),
			actions: holds('actions'),
			decisions: holds('decisions'),
			budget: holds('budgetLines'),
			// Drafts count too: a draft someone started must not vanish from the navigation.
			updates: holds('statusUpdates'),
			resources: holds('allocations')
		};
		for (const [section, holds] of Object.entries(held) as [OptionalSection, boolean][])
			if (holds) shown.add(section);
		return shown;
	}

	/** The charter's objective in one line (readCharterLead), or null when none is written. */
	get charterLead(): string | null {
		return this.#charterLead.current;
	}

	/** People in board order. */
	get people(): Person[] {
		return this.#lists.people.current.items;
	}

	/** Milestones in board order. */
	get milestones(): Milestone[] {
		return this.#lists.milestones.current.items;
	}

	/** Risks in board order. */
	get risks(): Risk[] {
		return this.#lists.risks.current.items;
	}

	/** RACI tasks (rows) in board order. */
	get raciTasks(): RaciTask[] {
		return this.#lists.raciTasks.current.items;
	}

	/** Filled RACI cells keyed `taskId:personId`. */
	get raci(): Map<string, RaciValue> {
		return this.#cells.raci.current.cells;
	}

	/** Links from risks to actions and milestones, keyed `riskId:targetId` (risk-links.ts). */
	get riskLinks(): Map<string, RiskLinkKind> {
		return this.#cells.riskLinks.current.cells;
	}

	/** Action items in board order. */
	get actions(): Action[] {
		return this.#lists.actions.current.items;
	}

	/** Decisions of the decision log in board order. */
	get decisions(): Decision[] {
		return this.#lists.decisions.current.items;
	}

	/** Lines of the budget in board order. */
	get budgetLines(): BudgetLine[] {
		return this.#lists.budgetLines.current.items;
	}

	/** The board's currency (ISO 4217), EUR until someone picks one. */
	get currency(): string {
		return this.#currency.current;
	}

	/** Retro settings, or `ok: false` on a board that is not a retro. */
	get retro(): RetroSettingsRead {
		return this.#retro.current;
	}

	/** Retro columns in board order. */
	get retroColumns(): RetroColumn[] {
		return this.#lists.retroColumns.current.items;
	}

	/** Published retro cards in board order. */
	get retroCards(): RetroCard[] {
		return this.#lists.retroCards.current.items;
	}

	/** Status updates, drafts and published, in the order they were started. */
	get statusUpdates(): StatusUpdate[] {
		return this.#lists.statusUpdates.current.items;
	}

	/** Milestone dependency links keyed `predecessorId:successorId` (dependencies.ts). */
	get dependencies(): Map<string, 'fs'> {
		return this.#cells.dependencies.current.cells;
	}

	/** Votes keyed `cardId:userId`. */
	get retroVotes(): Map<string, number> {
		return this.#cells.retroVotes.current.cells;
	}

	/** Allocations in percent keyed `personId:YYYY-MM` (allocation-model.ts). */
	get allocations(): Map<string, number> {
		return this.#cells.allocations.current.cells;
	}

	/** Entries hidden because they did not parse, per collection (only those with some). */
	get skipped(): { collection: RootKey; count: number }[] {
		const meta = this.meta;
		const hiddenMeta = { collection: 'meta' as const, count: meta.ok ? meta.hidden.length : 0 };
		return [
			hiddenMeta,
			...LIST_KEYS.map((collection) => ({
				collection,
				count: this.#lists[collection].current.skipped
			})),
			...CELLS_KEYS.map((collection) => ({
				collection,
				count: this.#cells[collection].current.skipped
			}))
		].filter(({ count }) => count > 0);
	}

	/** A person by id, or undefined (for owners that were removed). */
	person(id: string): Person | undefined {
		return id ? this.people.find((person) => person.id === id) : undefined;
	}

	/** A person by name, ignoring case and surrounding spaces, or undefined. */
	personNamed(name: string): Person | undefined {
		const wanted = name.trim().toLowerCase();
		return this.people.find((person) => person.name.trim().toLowerCase() === wanted);
	}
}
