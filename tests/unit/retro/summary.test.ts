import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	addPerson,
	readActions,
	readPeople,
	readRetroCards,
	readRetroColumns,
	readRetroVotes
} from '../../../src/lib/board/index.ts';
import {
	buildGroups,
	castVote,
	leadsOf,
	markdownText,
	moveCardToGroup,
	nameGroup,
	rankGroups,
	readGroupNames,
	renderRetroSummary,
	setPhase,
	tallyVotes
} from '../../../src/lib/board/retro/index.ts';
import { FACILITATOR, retroWithCards } from './fixtures.ts';

function summaryOf(doc: Y.Doc): string {
	const cards = readRetroCards(doc).items;
	const groups = buildGroups(cards, readGroupNames(doc));
	const { totals } = tallyVotes(readRetroVotes(doc).cells, leadsOf(cards), 3);
	return renderRetroSummary({
		title: 'Sprint 14 retro',
		formatLabel: 'Start / Stop / Continue',
		columns: readRetroColumns(doc).items,
		groups,
		totals,
		actions: readActions(doc).items,
		people: readPeople(doc).items
	});
}

describe('renderRetroSummary', () => {
	it('lists columns with groups, cards and votes, most votes first, then the actions', () => {
		const { doc, cards } = retroWithCards(
			['Flaky tests', 'CI takes 40 minutes', 'Pair on reviews'],
			'group'
		);
		moveCardToGroup(doc, cards[1]!, cards[0]!, FACILITATOR);
		nameGroup(doc, cards[0]!, 'Build pipeline', FACILITATOR);
		setPhase(doc, 'vote', FACILITATOR);
		castVote(doc, cards[2]!, 'user-b');
		castVote(doc, cards[0]!, 'user-b');
		castVote(doc, cards[1]!, 'user-c');
		setPhase(doc, 'discuss', FACILITATOR);
		const ada = addPerson(doc, { name: 'Ada' });
		addAction(doc, {
			title: 'Quarantine flaky tests',
			owner: ada,
			due: '2030-01-31',
			source: cards[0]!
		});
		addAction(doc, { title: 'Unrelated kickoff action' });

		expect(summaryOf(doc)).toBe(
			[
				'# Sprint 14 retro',
				'',
				'Retrospective · Start / Stop / Continue · 3 cards · 3 votes',
				'',
				'## Start',
				'',
				'- **Build pipeline** — 2 votes',
				'  - Flaky tests',
				'  - CI takes 40 minutes',
				'- Pair on reviews — 1 vote',
				'',
				'## Stop',
				'',
				'_No cards._',
				'',
				'## Continue',
				'',
				'_No cards._',
				'',
				'## Actions',
				'',
				'- [ ] Quarantine flaky tests (owner: Ada, due 2030-01-31) — from “Build pipeline”',
				''
			].join('\n')
		);
	});

	it('says so when there are no actions, and names unnamed groups as such', () => {
		const { doc, cards } = retroWithCards(['A', 'B'], 'group');
		moveCardToGroup(doc, cards[1]!, cards[0]!, FACILITATOR);
		const summary = summaryOf(doc);
		expect(summary).toContain('- **Unnamed group**\n  - A\n  - B');
		expect(summary).toContain('## Actions\n\n_No actions._');
	});

	it('keeps user text from turning into Markdown structure', () => {
		const { doc } = retroWithCards(['# not a heading\n- nor a list *bold* [link](javascript:x)']);
		const summary = summaryOf(doc);
		expect(summary).toContain(
			'- \\# not a heading - nor a list \\*bold\\* \\[link\\](javascript:x)'
		);
		expect(summary.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(5);
	});

	it('lists carried-over actions with their status', () => {
		const { doc } = retroWithCards([]);
		const id = addAction(doc, { title: 'Fix the flaky deploy', status: 'done' });
		const action = readActions(doc).items.find((candidate) => candidate.id === id)!;
		const summary = renderRetroSummary({
			title: 'T',
			formatLabel: 'Custom',
			columns: [],
			groups: [],
			totals: new Map(),
			actions: [action],
			people: [],
			carried: [{ action, from: 'Sprint 13 retro' }]
		});
		expect(summary).toContain(
			'## Actions carried over\n\n- [x] Fix the flaky deploy (no owner) — from Sprint 13 retro'
		);
	});
});

describe('markdownText', () => {
	it('puts text on one line and escapes Markdown', () => {
		expect(markdownText('  a\n\nb_c <img src=x> | `d` ')).toBe(
			'a b\\_c \\<img src=x\\> \\| \\`d\\`'
		);
	});
});

describe('rankGroups', () => {
	it('orders groups by votes, ties in board order', () => {
		const group = (id: string) => ({ id, column: 'c', cards: [], name: '' });
		const ranked = rankGroups(
			[group('a'), group('b'), group('c')],
			new Map([
				['c', 2],
				['b', 2]
			])
		);
		expect(ranked.map((g) => g.id)).toEqual(['b', 'c', 'a']);
	});
});
