import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRetroCards, type RetroCard } from '../../../src/lib/board/index.ts';
import {
	buildGroups,
	leadsOf,
	moveCardToGroup,
	nameGroup,
	readGroupNames,
	ungroupCard
} from '../../../src/lib/board/retro/index.ts';
import { syncAll, peerOf } from '../../helpers/board.ts';
import { fakeId, retroWithCards } from './fixtures.ts';

function groupsOf(doc: Y.Doc) {
	return buildGroups(readRetroCards(doc).items, readGroupNames(doc)).map((group) => ({
		name: group.name,
		texts: group.cards.map((card) => card.text)
	}));
}

function card(n: number, group = ''): RetroCard {
	return {
		id: fakeId(n),
		column: fakeId(99),
		text: `card ${n}`,
		author: 'u',
		group: group === '' ? '' : group,
		order: `a${n}`,
		createdAt: n
	};
}

describe('grouping', () => {
	it('drops a card onto another to make a group led by the target', () => {
		const { doc, cards } = retroWithCards(['Flaky tests', 'CI is slow', 'Standups run long']);
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		expect(groupsOf(doc)).toEqual([
			{ name: '', texts: ['Flaky tests', 'CI is slow'] },
			{ name: '', texts: ['Standups run long'] }
		]);
	});

	it('dropping onto any member joins that member’s group', () => {
		const { doc, cards } = retroWithCards(['A', 'B', 'C']);
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		moveCardToGroup(doc, cards[2]!, cards[1]!, 'user-a');
		expect(groupsOf(doc)).toEqual([{ name: '', texts: ['A', 'B', 'C'] }]);
	});

	it('names a group, and an empty name removes it', () => {
		const { doc, cards } = retroWithCards(['A', 'B']);
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		nameGroup(doc, cards[0]!, '  Build speed ', 'user-a');
		expect(groupsOf(doc)[0]!.name).toBe('Build speed');
		nameGroup(doc, cards[0]!, '', 'user-a');
		expect(groupsOf(doc)[0]!.name).toBe('');
	});

	it('ungroups a member, leaving the rest of the group together', () => {
		const { doc, cards } = retroWithCards(['A', 'B', 'C']);
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		moveCardToGroup(doc, cards[2]!, cards[0]!, 'user-a');
		ungroupCard(doc, cards[2]!, 'user-a');
		expect(groupsOf(doc)).toEqual([
			{ name: '', texts: ['A', 'B'] },
			{ name: '', texts: ['C'] }
		]);
	});

	it('taking the lead card out hands the lead and the name to the next card', () => {
		const { doc, cards } = retroWithCards(['A', 'B', 'C']);
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		moveCardToGroup(doc, cards[2]!, cards[0]!, 'user-a');
		nameGroup(doc, cards[0]!, 'Tooling', 'user-a');
		ungroupCard(doc, cards[0]!, 'user-a');
		expect(groupsOf(doc)).toEqual([
			{ name: '', texts: ['A'] },
			{ name: 'Tooling', texts: ['B', 'C'] }
		]);
	});

	it('moving a lead card into another group keeps its old group together', () => {
		const { doc, cards } = retroWithCards(['A', 'B', 'C']);
		moveCardToGroup(doc, cards[1]!, cards[0]!, 'user-a');
		moveCardToGroup(doc, cards[0]!, cards[2]!, 'user-a');
		expect(groupsOf(doc)).toEqual([
			{ name: '', texts: ['B'] },
			{ name: '', texts: ['C', 'A'] }
		]);
	});

	it('a lone card shows no name even if one is stored for it', () => {
		const { doc, cards } = retroWithCards(['A']);
		nameGroup(doc, cards[0]!, 'Orphan', 'user-a');
		expect(groupsOf(doc)).toEqual([{ name: '', texts: ['A'] }]);
	});

	it('two peers grouping crosswise at once still agree on one group', () => {
		const { doc, cards } = retroWithCards(['A', 'B']);
		const peer = peerOf(doc);
		moveCardToGroup(doc, cards[0]!, cards[1]!, 'user-a');
		moveCardToGroup(peer, cards[1]!, cards[0]!, 'user-b');
		syncAll(doc, peer);
		expect(groupsOf(doc)).toEqual(groupsOf(peer));
		expect(groupsOf(doc)).toHaveLength(1);
	});
});

describe('leadsOf', () => {
	it('follows chains to their end', () => {
		const leads = leadsOf([card(1, fakeId(2)), card(2, fakeId(3)), card(3)]);
		expect([...leads.values()]).toEqual([fakeId(3), fakeId(3), fakeId(3)]);
	});

	it('leads a cycle by its smallest id', () => {
		const leads = leadsOf([card(3, fakeId(1)), card(1, fakeId(2)), card(2, fakeId(3))]);
		expect(new Set(leads.values())).toEqual(new Set([fakeId(1)]));
	});

	it('treats a card pointing at a missing card as a lead', () => {
		const leads = leadsOf([card(1, fakeId(7))]);
		expect(leads.get(fakeId(1))).toBe(fakeId(1));
	});
});
