import type * as Y from 'yjs';
import { boardRoots, type RootKey } from '../doc.ts';
import {
	readActions,
	readBaseline,
	readMeta,
	readMilestones,
	readPeople,
	readRaci,
	readRaciTasks,
	readRetroCards,
	readRetroColumns,
	readRetroSettings,
	readRetroVotes,
	readRisks,
	type CellsRead,
	type ListRead,
	type MetaRead,
	type RetroSettingsRead
} from '../read.ts';
import type {
	Action,
	Baseline,
	Milestone,
	Person,
	RaciTask,
	RaciValue,
	RetroCard,
	RetroColumn,
	Risk
} from '../schema.ts';
import { YSnapshot } from './y-snapshot.svelte.ts';

type Skippable = ListRead<unknown> | CellsRead<unknown>;

/**
 * Reactive, validated views of one board for the UI: each getter re-renders its readers when
 * that part of the board changes. Entries a peer wrote that do not parse are left out and
 * counted in `skipped`, which the board shows as a notice.
 */
export class BoardView {
	readonly #meta: YSnapshot<MetaRead>;
	readonly #baseline: YSnapshot<Baseline | null>;
	readonly #people: YSnapshot<ListRead<Person>>;
	readonly #milestones: YSnapshot<ListRead<Milestone>>;
	readonly #risks: YSnapshot<ListRead<Risk>>;
	readonly #raciTasks: YSnapshot<ListRead<RaciTask>>;
	readonly #raci: YSnapshot<CellsRead<RaciValue>>;
	readonly #actions: YSnapshot<ListRead<Action>>;
	readonly #retro: YSnapshot<RetroSettingsRead>;
	readonly #retroColumns: YSnapshot<ListRead<RetroColumn>>;
	readonly #retroCards: YSnapshot<ListRead<RetroCard>>;
	readonly #retroVotes: YSnapshot<CellsRead<number>>;
	readonly #skippable: ReadonlyArray<readonly [RootKey, YSnapshot<Skippable>]>;

	constructor(readonly doc: Y.Doc) {
		const roots = boardRoots(doc);
		const snapshot = <T>(key: RootKey, read: (doc: Y.Doc) => T) =>
			new YSnapshot(roots[key], () => read(doc));
		this.#meta = snapshot('meta', readMeta);
		this.#baseline = snapshot('meta', readBaseline);
		this.#people = snapshot('people', readPeople);
		this.#milestones = snapshot('milestones', readMilestones);
		this.#risks = snapshot('risks', readRisks);
		this.#raciTasks = snapshot('raciTasks', readRaciTasks);
		this.#raci = snapshot('raci', readRaci);
		this.#actions = snapshot('actions', readActions);
		this.#retro = snapshot('retro', readRetroSettings);
		this.#retroColumns = snapshot('retroColumns', readRetroColumns);
		this.#retroCards = snapshot('retroCards', readRetroCards);
		this.#retroVotes = snapshot('retroVotes', readRetroVotes);
		this.#skippable = [
			['people', this.#people],
			['milestones', this.#milestones],
			['risks', this.#risks],
			['raciTasks', this.#raciTasks],
			['raci', this.#raci],
			['actions', this.#actions],
			['retroColumns', this.#retroColumns],
			['retroCards', this.#retroCards],
			['retroVotes', this.#retroVotes]
		];
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

	/** People in board order. */
	get people(): Person[] {
		return this.#people.current.items;
	}

	/** Milestones in board order. */
	get milestones(): Milestone[] {
		return this.#milestones.current.items;
	}

	/** Risks in board order. */
	get risks(): Risk[] {
		return this.#risks.current.items;
	}

	/** RACI tasks (rows) in board order. */
	get raciTasks(): RaciTask[] {
		return this.#raciTasks.current.items;
	}

	/** Filled RACI cells keyed `taskId:personId`. */
	get raci(): Map<string, RaciValue> {
		return this.#raci.current.cells;
	}

	/** Action items in board order. */
	get actions(): Action[] {
		return this.#actions.current.items;
	}

	/** Retro settings, or `ok: false` on a board that is not a retro. */
	get retro(): RetroSettingsRead {
		return this.#retro.current;
	}

	/** Retro columns in board order. */
	get retroColumns(): RetroColumn[] {
		return this.#retroColumns.current.items;
	}

	/** Published retro cards in board order. */
	get retroCards(): RetroCard[] {
		return this.#retroCards.current.items;
	}

	/** Votes keyed `cardId:userId`. */
	get retroVotes(): Map<string, number> {
		return this.#retroVotes.current.cells;
	}

	/** Entries hidden because they did not parse, per collection (only those with some). */
	get skipped(): { collection: RootKey; count: number }[] {
		const meta = this.meta;
		const hiddenMeta = { collection: 'meta' as const, count: meta.ok ? meta.hidden.length : 0 };
		return [
			hiddenMeta,
			...this.#skippable.map(([collection, snapshot]) => ({
				collection,
				count: snapshot.current.skipped
			}))
		].filter(({ count }) => count > 0);
	}

	/** A person by id, or undefined (for owners that were removed). */
	person(id: string): Person | undefined {
		return id ? this.people.find((person) => person.id === id) : undefined;
	}
}
