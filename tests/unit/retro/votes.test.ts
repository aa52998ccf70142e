import { describe, expect, it } from 'vitest';
import {
	boardRoots,
	readRetroCards,
	readRetroVotes,
	retroVoteKey
} from '../../../src/lib/board/index.ts';
import {
	VoteLimitError,
	castVote,
	leadsOf,
	retractVote,
	setPhase,
	setVotesPerPerson,
	tallyVotes,
	moveCardToGroup,
	voteProgress
} from '../../../src/lib/board/retro/index.ts';
import { expectRejectedWithoutWrite } from '../../helpers/board.ts';
import { FACILITATOR, retroWithCards } from './fixtures.ts';

function tally(doc: Parameters<typeof readRetroCards>[0], limit = 3) {
	const leads = leadsOf(readRetroCards(doc).items);
	return tallyVotes(readRetroVotes(doc).cells, leads, limit);
}

describe('dot voting', () => {
	it('lets a person give up to 3 votes by default, several on one card, and no more', () => {
		const { doc, cards } = retroWithCards(['A', 'B'], 'vote');
		castVote(doc, cards[0]!, 'user-b');
		castVote(doc, cards[0]!, 'user-b');
		castVote(doc, cards[1]!, 'user-b');
		const error = expectRejectedWithoutWrite(
			doc,
			() => castVote(doc, cards[1]!, 'user-b'),
			VoteLimitError
		) as VoteLimitError;
		expect(error.limit).toBe(3);
		const { totals, used } = tally(doc);
		expect(totals.get(cards[0]!)).toBe(2);
		expect(totals.get(cards[1]!)).toBe(1);
		expect(used.get('user-b')).toBe(3);
	});

	it('counts each person against their own limit', () => {
		const { doc, cards } = retroWithCards(['A'], 'vote');
		for (let i = 0; i < 3; i++) castVote(doc, cards[0]!, 'user-b');
		for (let i = 0; i < 3; i++) castVote(doc, cards[0]!, 'user-c');
		expect(tally(doc).totals.get(cards[0]!)).toBe(6);
	});

	it('follows the limit the facilitator sets', () => {
		const { doc, cards } = retroWithCards(['A'], 'vote');
		setVotesPerPerson(doc, 1, FACILITATOR);
		castVote(doc, cards[0]!, 'user-b');
		expect(() => castVote(doc, cards[0]!, 'user-b')).toThrow(VoteLimitError);
		setVotesPerPerson(doc, 2, FACILITATOR);
		castVote(doc, cards[0]!, 'user-b');
		expect(tally(doc, 2).used.get('user-b')).toBe(2);
	});

	it('takes a vote back, freeing it for another card', () => {
		const { doc, cards } = retroWithCards(['A', 'B'], 'vote');
		for (let i = 0; i < 3; i++) castVote(doc, cards[0]!, 'user-b');
		retractVote(doc, cards[0]!, 'user-b');
		castVote(doc, cards[1]!, 'user-b');
		const { totals } = tally(doc);
		expect(totals.get(cards[0]!)).toBe(2);
		expect(totals.get(cards[1]!)).toBe(1);
		retractVote(doc, cards[1]!, 'user-b');
		expect(readRetroVotes(doc).cells.has(retroVoteKey(cards[1]!, 'user-b'))).toBe(false);
	});

	it('taking back a vote one never gave writes nothing', () => {
		const { doc, cards } = retroWithCards(['A'], 'vote');
		const before = readRetroVotes(doc).cells.size;
		retractVote(doc, cards[0]!, 'user-b');
		expect(readRetroVotes(doc).cells.size).toBe(before);
	});

	it('gives a vote on any card of a group to the group', () => {
		const { doc, cards } = retroWithCards(['A', 'B', 'C'], 'group');
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		setPhase(doc, 'vote', FACILITATOR);
		castVote(doc, cards[1]!, 'user-b');
		castVote(doc, cards[0]!, 'user-c');
		const { totals } = tally(doc);
		expect(totals.get(cards[0]!)).toBe(2);
		expect(totals.has(cards[1]!)).toBe(false);
	});

	it('never counts more than the limit per person, even when two tabs overshot it', () => {
		const { doc, cards } = retroWithCards(['A', 'B'], 'vote');
		const { retroVotes } = boardRoots(doc);
		retroVotes.set(retroVoteKey(cards[0]!, 'user-b'), 2);
		retroVotes.set(retroVoteKey(cards[1]!, 'user-b'), 2);
		const { totals, used } = tally(doc, 3);
		expect(used.get('user-b')).toBe(3);
		expect((totals.get(cards[0]!) ?? 0) + (totals.get(cards[1]!) ?? 0)).toBe(3);
		expect(() => castVote(doc, cards[0]!, 'user-b')).toThrow(VoteLimitError);
	});

	it('ignores votes on cards that no longer exist', () => {
		const { doc, cards } = retroWithCards(['A'], 'vote');
		boardRoots(doc).retroVotes.set(retroVoteKey('gone000000000000', 'user-b'), 3);
		castVote(doc, cards[0]!, 'user-b');
		expect(tally(doc).used.get('user-b')).toBe(1);
	});
});

describe('voteProgress', () => {
	const tally = (used: [string, number][]) => ({
		totals: new Map(),
		byUser: new Map(),
		used: new Map(used)
	});

	it('counts participants who used every vote, and names those with votes left', () => {
		const progress = voteProgress(
			tally([
				['ada', 3],
				['bo', 1]
			]),
			['ada', 'bo', 'cy'],
			3
		);
		expect(progress).toEqual({ done: 1, total: 3, voting: ['bo', 'cy'] });
	});

	it('counts a voter who took no part in writing', () => {
		const progress = voteProgress(tally([['late', 3]]), ['ada'], 3);
		expect(progress).toEqual({ done: 1, total: 2, voting: ['ada'] });
	});
});
