import { localDateString } from '$lib/board/dates.ts';
import { readMeta } from '$lib/board/read.ts';
import { readCurrency } from '$lib/board/budget.ts';
import { readBoard } from '$lib/board/read-board.ts';
import { basisOf, type UpdateBasis } from '$lib/board/updates/basis.ts';
import {
	discardStatusUpdate,
	publishStatusUpdate,
	redraftStatusUpdate,
	removeStatusFact,
	rewordStatusFact,
	setStatusUpdateHealth,
	startStatusUpdate
} from '$lib/board/updates/commands.ts';
import { draftFacts } from '$lib/board/updates/facts.ts';
import { draftingBasis, type DraftingBasis } from '$lib/board/updates/feed.ts';
import type { UpdateHealth } from '$lib/board/updates/model.ts';
import type { BoardContext } from '$lib/sync/board-context.ts';
import type { UserProfile } from '$lib/sync/profile.svelte.ts';
import type { BaselineBoard } from '$lib/versions/baseline-board.svelte.ts';
import { runCommand, type CommandOutcome } from '$lib/components/ui/refusals.ts';
import { formatDate } from '$lib/board/dates.ts';

const WORDS = { noun: 'update', field: 'text' } as const;

/** What a new update is drafted against, in words for the page, or null while that is not known. */
export type DraftingSource = { readonly basis: DraftingBasis; readonly words: string };

/**
 * The status updates section's state: what a draft is drafted against (the previous update,
 * the kickoff baseline or an empty board), and every write, through the board's commands.
 */
export class StatusUpdatesState {
	#message = $state('');

	constructor(
		private readonly context: BoardContext,
		private readonly baseline: BaselineBoard,
		private readonly profile: () => UserProfile,
		private readonly today: () => string
	) {}

	/** The last refusal or confirmation, for the page's live region. */
	get message(): string {
		return this.#message;
	}

	/** The board now, as a basis. */
	currentBasis(): UpdateBasis {
		const { view } = this.context;
		return basisOf(
			{
				milestones: view.milestones,
				risks: view.risks,
				decisions: view.decisions,
				actions: view.actions,
				people: view.people,
				dependencies: view.dependencies,
				budgetLines: view.budgetLines,
				currency: view.currency,
				allocations: view.allocations
			},
			this.today()
		);
	}

	/**
	 * What a new update is drafted against, or null while the baseline is still loading (its
	 * facts would otherwise list the whole board).
	 */
	get source(): DraftingSource | null {
		const loaded = this.baseline.current;
		if (this.baseline.status === 'loading') {
			const basis = draftingBasis(this.context.view.statusUpdates, null, this.today());
			if (basis.from !== 'previous') return null;
		}
		const baselineBasis = loaded ? baselineBasisOf(loaded.doc, this.today()) : null;
		const basis = draftingBasis(this.context.view.statusUpdates, baselineBasis, this.today());
		return { basis, words: sourceWords(basis, loaded?.label, this.baseline.status) };
	}

	/** Starts a draft with facts drafted from the source; returns its id, or null when refused. */
	start(): string | null {
		const source = this.source;
		if (!source) return null;
		const current = this.currentBasis();
		const facts = draftFacts(source.basis.basis, current, this.today());
		const { id: authorId, name: author } = this.profile();
		let id: string | null = null;
		this.#run(() => {
			id = startStatusUpdate(this.context.session.doc, { author, authorId, facts, basis: current });
		});
		return id;
	}

	/** Drafts a draft's facts again from the board as it is now. */
	redraft(id: string): void {
		const source = this.source;
		if (!source) return;
		const current = this.currentBasis();
		const facts = draftFacts(source.basis.basis, current, this.today());
		if (this.#run(() => redraftStatusUpdate(this.context.session.doc, id, facts, current)).ok)
			this.#message = `Facts drafted again: ${facts.length} ${facts.length === 1 ? 'fact' : 'facts'}.`;
	}

	/** Sets a draft's health. */
	setHealth(id: string, health: UpdateHealth): void {
		this.#run(() => setStatusUpdateHealth(this.context.session.doc, id, health));
	}

	/** Rewords a fact; the outcome says why a wording was refused. */
	reword(id: string, index: number, text: string): CommandOutcome {
		return this.#run(() => rewordStatusFact(this.context.session.doc, id, index, text));
	}

	/** Removes a fact from a draft. */
	removeFact(id: string, index: number): void {
		if (this.#run(() => removeStatusFact(this.context.session.doc, id, index)).ok)
			this.#message = 'Fact removed.';
	}

	/** Publishes a draft, signed with this person's name. */
	publish(id: string): boolean {
		const { id: authorId, name: author } = this.profile();
		const outcome = this.#run(() =>
			publishStatusUpdate(this.context.session.doc, id, { author, authorId })
		);
		if (outcome.ok) this.#message = 'Update published.';
		return outcome.ok;
	}

	/** Discards a draft. */
	discard(id: string): void {
		if (this.#run(() => discardStatusUpdate(this.context.session.doc, id)).ok)
			this.#message = 'Draft discarded.';
	}

	#run(write: () => unknown): CommandOutcome {
		const outcome = runCommand(write, {
			...WORDS,
			gone: 'Someone else discarded or published this draft meanwhile.'
		});
		this.#message = outcome.ok ? '' : outcome.message;
		return outcome;
	}
}

// The baseline version's board as a basis, taken on the day its board was created: what was
// overdue by then is known, later ones are new.
function baselineBasisOf(doc: BoardContext['session']['doc'], today: string): UpdateBasis {
	const meta = readMeta(doc);
	const day = meta.ok ? localDateString(new Date(meta.meta.createdAt)) : today;
	const read = readBoard(doc);
	return basisOf(
		{
			milestones: read.milestones,
			risks: read.risks,
			decisions: read.decisions,
			actions: read.actions,
			people: read.people,
			dependencies: read.dependencies,
			budgetLines: read.budgetLines,
			currency: readCurrency(doc),
			allocations: read.allocations
		},
		day
	);
}

function sourceWords(
	basis: DraftingBasis,
	baselineLabel: string | undefined,
	status: BaselineBoard['status']
): string {
	switch (basis.from) {
		case 'previous':
			return `Facts are drafted from what changed since the update of ${formatDate(localDateString(new Date(basis.update.publishedAt)))}.`;
		case 'baseline':
			return `Facts are drafted from what changed since the kickoff baseline “${baselineLabel ?? ''}”.`;
		case 'empty':
			return status === 'failed'
				? 'The kickoff baseline could not be loaded, so facts are drafted against an empty board.'
				: 'No kickoff baseline is set, so facts are drafted against an empty board.';
	}
}
