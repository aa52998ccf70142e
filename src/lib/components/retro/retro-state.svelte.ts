import { createContext } from 'svelte';
import {
	ANONYMOUS_AUTHOR,
	RETRO_EXTRA_KEYS,
	buildGroups,
	leadsOf,
	phaseAllows,
	readGroupNames,
	readRetroExtras,
	readReview,
	readWriters,
	tallyVotes,
	writersAway,
	type RetroAbility,
	type RetroExtras,
	type RetroGroup,
	type RetroReviewEntry,
	type RetroWriter,
	type VoteTally
} from '$lib/board/retro/index.ts';
import { NotFacilitatorError, RetroPhaseError, VoteLimitError } from '$lib/board/retro/errors.ts';
import { runCommand, type FieldWords, type RefusalWords } from '$lib/components/ui/refusals.ts';
import type { RetroCard, RetroSettings } from '$lib/board/schema.ts';
import type { BoardContext } from '$lib/sync/board-context.ts';
import { YSnapshot } from '$lib/board/views/y-snapshot.svelte.ts';
import { RetroAwareness } from '$lib/sync/retro-awareness.svelte.ts';
import { ServerClock } from '$lib/sync/retro-clock.svelte.ts';
import { RetroDraftStore } from '$lib/sync/retro-drafts.svelte.ts';
import type { ProfileStore } from '$lib/sync/profile.svelte.ts';

/**
 * Everything the retro's components share on one board: the board context, this user's private
 * drafts, the server clock, facilitation over awareness, and reactive reads of the retro's own
 * document keys with what derives from them (groups, vote tally, who is who).
 */
export class RetroState {
	readonly board: BoardContext;
	/** This user's private drafts; null for viewers, who cannot publish. */
	readonly drafts: RetroDraftStore | null;
	readonly clock = new ServerClock();
	readonly whereabouts: RetroAwareness;
	/** Whether this user's view follows the facilitator's section. */
	following = $state(false);
	/** The last command that failed, said in words, until the next one succeeds. */
	notice = $state('');
	readonly #profile: ProfileStore;
	readonly #extras: YSnapshot<RetroExtras>;
	readonly #groupNames: YSnapshot<Map<string, string>>;
	readonly #writers: YSnapshot<RetroWriter[]>;
	readonly #review: YSnapshot<Map<string, RetroReviewEntry>>;
	readonly #groups: RetroGroup[];
	readonly #tally: VoteTally;

	constructor(board: BoardContext, profile: ProfileStore) {
		this.board = board;
		this.#profile = profile;
		const doc = board.session.doc;
		this.drafts = board.session.canEdit
			? new RetroDraftStore(board.boardId, profile.current.id)
			: null;
		this.whereabouts = new RetroAwareness(board.session.provider.awareness);
		this.#extras = new YSnapshot(doc.getMap('retro'), () => readRetroExtras(doc));
		this.#groupNames = new YSnapshot(doc.getMap(RETRO_EXTRA_KEYS.groupNames), () =>
			readGroupNames(doc)
		);
		this.#writers = new YSnapshot(doc.getMap(RETRO_EXTRA_KEYS.writers), () => readWriters(doc));
		this.#review = new YSnapshot(doc.getMap(RETRO_EXTRA_KEYS.review), () => readReview(doc));
		this.#groups = $derived(buildGroups(board.view.retroCards, this.#groupNames.current));
		this.#tally = $derived(
			tallyVotes(
				board.view.retroVotes,
				leadsOf(board.view.retroCards),
				this.settings?.votesPerPerson ?? 0
			)
		);
		this.clock.start();
	}

	/** This user's id. */
	get me(): string {
		return this.#profile.current.id;
	}

	/** This user's name. */
	get myName(): string {
		return this.#profile.current.name;
	}

	/** The retro settings, or null on a board without them. */
	get settings(): RetroSettings | null {
		const read = this.board.view.retro;
		return read.ok ? read.settings : null;
	}

	/** Anonymous mode, the soft lock and the timer's start. */
	get extras(): RetroExtras {
		return this.#extras.current;
	}

	/** The facilitator's user id, or null. */
	get facilitator(): string | null {
		const meta = this.board.view.meta;
		return meta.ok ? (meta.meta.facilitator ?? null) : null;
	}

	/** True when this user facilitates (and may edit). */
	get isFacilitator(): boolean {
		return this.board.session.canEdit && this.facilitator === this.me;
	}

	/** True when this user may change things now: an editor, not held by the soft lock. */
	get canAct(): boolean {
		return this.board.session.canEdit && (!this.extras.locked || this.isFacilitator);
	}

	/** Whether the current phase allows `ability`. */
	allows(ability: RetroAbility): boolean {
		const settings = this.settings;
		return settings !== null && phaseAllows(settings.phase, ability);
	}

	/** Groups (lone cards included) in board order. */
	get groups(): RetroGroup[] {
		return this.#groups;
	}

	/** Votes per group and per user, each user's counted up to the limit. */
	get tally(): VoteTally {
		return this.#tally;
	}

	/** Who is writing: draft counts and "done" flags. */
	get writers(): RetroWriter[] {
		return this.#writers.current;
	}

	/**
	 * Writers holding cards that are not on the board, with no tab here: their cards appear when
	 * they are back (see writersAway).
	 */
	get writersAway(): RetroWriter[] {
		const present = new Set(this.board.presence.people.map((user) => user.id));
		return writersAway(this.writers, present, this.me);
	}

	/** The people of this retro: whoever is here (this user first), and whoever wrote cards. */
	get participants(): RetroParticipant[] {
		const byId = new Map<string, RetroParticipant>();
		for (const { id, name, color } of [this.#profile.current, ...this.board.presence.people])
			byId.set(id, { userId: id, name, color });
		for (const { userId, name } of this.writers)
			if (!byId.has(userId)) byId.set(userId, { userId, name });
		return [...byId.values()];
	}

	/** Participants who are not among the board's People yet (by name): owners to add. */
	get newParticipants(): RetroParticipant[] {
		return this.participants
			.filter((participant) => this.board.view.personNamed(participant.name) === undefined)
			.sort((a, b) => a.name.localeCompare(b.name));
	}

	/** Actions carried over from the previous retro. */
	get review(): Map<string, RetroReviewEntry> {
		return this.#review.current;
	}

	/** A person's name as the board knows it: from what they wrote, from presence, or null. */
	nameOf(userId: string): string | null {
		if (userId === this.me) return this.myName;
		const writer = this.writers.find((candidate) => candidate.userId === userId);
		if (writer) return writer.name;
		return this.board.presence.people.find((user) => user.id === userId)?.name ?? null;
	}

	/** Whether this user wrote the card (known locally even when it carries no author). */
	isMine(card: RetroCard): boolean {
		return card.author === this.me || (this.drafts?.publishedIds.has(card.id) ?? false);
	}

	/** The author shown on a card, or null when anonymous or unknown. */
	authorOf(card: RetroCard): string | null {
		if (card.author === ANONYMOUS_AUTHOR) return this.isMine(card) ? 'You' : null;
		return card.author === this.me ? 'You' : this.nameOf(card.author);
	}

	/**
	 * Runs a command; when a peer changed things first (the phase moved on, the lock came on),
	 * the refusal becomes a notice instead of an error, in `words` for a refused value (a card's
	 * text by default). Returns whether it ran.
	 */
	run(command: () => void, words: FieldWords = { noun: 'card', field: 'text' }): boolean {
		const outcome = runCommand(command, { ...RETRO_REFUSALS, ...words });
		this.notice = outcome.ok ? '' : outcome.message;
		return outcome.ok;
	}

	/** Stops the clock and closes the drafts. */
	destroy(): void {
		this.clock.destroy();
		this.drafts?.destroy();
	}
}

/** Someone taking part in the retro, as their profile or their writing report names them. */
export interface RetroParticipant {
	userId: string;
	name: string;
	color?: string;
}

/** A retro's refusals in words: the ones particular to a retro, then the board's. */
const RETRO_REFUSALS: Omit<RefusalWords, keyof FieldWords> = {
	gone: 'That card or column was just removed by someone else.',
	explain(error) {
		if (error instanceof VoteLimitError)
			return 'You have used all your votes. Take one back to vote for something else.';
		if (error instanceof RetroPhaseError)
			return 'The retro moved on to another phase, so that change was not made.';
		if (error instanceof NotFacilitatorError) return 'Only the facilitator can do that.';
		return undefined;
	}
};

/** Reads and provides the retro state of the open board. */
export const [getRetroState, setRetroState] = createContext<RetroState>();
