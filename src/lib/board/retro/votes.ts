import type * as Y from 'yjs';
import { boardRoots, localOrigin } from '../doc.ts';
import { EntityNotFoundError } from '../errors.ts';
import { parseRetroVoteKey, readRetroCards, readRetroVotes, retroVoteKey } from '../read.ts';
import { userIdSchema } from '../schema.ts';
import { parseInput } from '../validate.ts';
import { VoteLimitError } from './errors.ts';
import { requireUnlocked } from './facilitation.ts';
import { leadsOf } from './groups.ts';
import { requireAbility } from './settings.ts';

/** Votes counted per group (keyed by lead card), per user, and how many each user has used. */
export interface VoteTally {
	readonly totals: ReadonlyMap<string, number>;
	readonly byUser: ReadonlyMap<string, ReadonlyMap<string, number>>;
	readonly used: ReadonlyMap<string, number>;
}

/**
 * Counts votes onto the groups their cards belong to now. Two tabs of one person voting at the
 * same instant could store more than the limit, so each user's votes are counted in key order
 * only up to `limit`: nobody's votes weigh more than anyone else's, on every peer alike.
 */
export function tallyVotes(
	votes: ReadonlyMap<string, number>,
	leads: ReadonlyMap<string, string>,
	limit: number
): VoteTally {
	const totals = new Map<string, number>();
	const byUser = new Map<string, Map<string, number>>();
	const used = new Map<string, number>();
	for (const key of [...votes.keys()].sort()) {
		const vote = parseRetroVoteKey(key);
		const lead = vote === null ? undefined : leads.get(vote.cardId);
		if (vote === null || lead === undefined) continue;
		const already = used.get(vote.userId) ?? 0;
		const counted = Math.min(votes.get(key)!, Math.max(0, limit - already));
		if (counted === 0) continue;
		used.set(vote.userId, already + counted);
		totals.set(lead, (totals.get(lead) ?? 0) + counted);
		const mine = byUser.get(vote.userId) ?? new Map<string, number>();
		mine.set(lead, (mine.get(lead) ?? 0) + counted);
		byUser.set(vote.userId, mine);
	}
	return { totals, byUser, used };
}

function currentTally(doc: Y.Doc, limit: number) {
	const cards = readRetroCards(doc).items;
	const leads = leadsOf(cards);
	return { leads, tally: tallyVotes(readRetroVotes(doc).cells, leads, limit) };
}

/** Gives one of `userId`'s votes to the group of `cardId`; VoteLimitError when none is left. */
export function castVote(doc: Y.Doc, cardId: string, userId: string): void {
	const voter = parseInput('castVote', userIdSchema, userId);
	const { votesPerPerson } = requireAbility(doc, 'castVote', 'vote');
	requireUnlocked(doc, 'castVote', voter);
	const { leads, tally } = currentTally(doc, votesPerPerson);
	const lead = leads.get(cardId);
	if (lead === undefined) throw new EntityNotFoundError('retroCards', String(cardId));
	if ((tally.used.get(voter) ?? 0) >= votesPerPerson)
		throw new VoteLimitError(voter, votesPerPerson);
	const { retroVotes } = boardRoots(doc);
	const key = retroVoteKey(lead, voter);
	const stored = readRetroVotes(doc).cells.get(key) ?? 0;
	doc.transact(() => retroVotes.set(key, stored + 1), localOrigin);
}

/** Takes back one of `userId`'s votes from the group of `cardId`, if they gave it any. */
export function retractVote(doc: Y.Doc, cardId: string, userId: string): void {
	const voter = parseInput('retractVote', userIdSchema, userId);
	requireAbility(doc, 'retractVote', 'vote');
	requireUnlocked(doc, 'retractVote', voter);
	const cards = readRetroCards(doc).items;
	const leads = leadsOf(cards);
	const lead = leads.get(cardId);
	if (lead === undefined) throw new EntityNotFoundError('retroCards', String(cardId));
	const cells = readRetroVotes(doc).cells;
	// The vote may sit on any card of the group (given before it was grouped); take the lead's first.
	const keys = cards
		.filter((card) => leads.get(card.id) === lead)
		.map((card) => retroVoteKey(card.id, voter))
		.sort((a, b) =>
			a === retroVoteKey(lead, voter) ? -1 : b === retroVoteKey(lead, voter) ? 1 : 0
		);
	const key = keys.find((candidate) => (cells.get(candidate) ?? 0) > 0);
	if (key === undefined) return;
	const { retroVotes } = boardRoots(doc);
	const remaining = cells.get(key)! - 1;
	doc.transact(() => {
		if (remaining === 0) retroVotes.delete(key);
		else retroVotes.set(key, remaining);
	}, localOrigin);
}

/** How far the team is through voting: who has used every vote, and who has some left. */
export interface VoteProgress {
	readonly done: number;
	readonly total: number;
	/** Participants with votes left, by user id, in the order given. */
	readonly voting: readonly string[];
}

/**
 * Vote progress over the retro's participants (the people who took part in writing, with
 * anyone who has voted since): a participant is done once they have used `limit` votes.
 */
export function voteProgress(
	tally: VoteTally,
	participants: Iterable<string>,
	limit: number
): VoteProgress {
	const everyone = new Set([...participants, ...tally.used.keys()]);
	const voting = [...everyone].filter((userId) => (tally.used.get(userId) ?? 0) < limit);
	return { done: everyone.size - voting.length, total: everyone.size, voting };
}
