import type { Action, Person, RetroColumn } from '../schema.ts';
import type { RetroGroup } from './groups.ts';

/** Everything the summary shows, as the board's views already hold it. */
export interface RetroSummaryInput {
	readonly title: string;
	readonly formatLabel: string;
	readonly columns: readonly RetroColumn[];
	readonly groups: readonly RetroGroup[];
	/** Votes per group, keyed by lead card id. */
	readonly totals: ReadonlyMap<string, number>;
	readonly actions: readonly Action[];
	readonly people: readonly Person[];
	/** Actions carried over from a previous retro, with the title of the retro they came from. */
	readonly carried?: readonly { action: Action; from: string }[];
}

/** User text as one Markdown-inert line: it can neither start a heading nor break the list. */
export function markdownText(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Groups by votes (most first), then in board order: the order the team discussed them. */
export function rankGroups(
	groups: readonly RetroGroup[],
	totals: ReadonlyMap<string, number>
): RetroGroup[] {
	const position = new Map(groups.map((group, index) => [group.id, index]));
	return [...groups].sort(
		(a, b) =>
			(totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0) || position.get(a.id)! - position.get(b.id)!
	);
}

function groupLines(group: RetroGroup, votes: number): string[] {
	const voteText = votes > 0 ? ` — ${plural(votes, 'vote')}` : '';
	if (group.cards.length === 1) return [`- ${markdownText(group.cards[0]!.text)}${voteText}`];
	const title = group.name ? `**${markdownText(group.name)}**` : '**Unnamed group**';
	return [`- ${title}${voteText}`, ...group.cards.map((card) => `  - ${markdownText(card.text)}`)];
}

function actionLine(action: Action, people: readonly Person[], suffix = ''): string {
	const owner = people.find((person) => person.id === action.owner);
	const details = [
		owner ? `owner: ${markdownText(owner.name)}` : 'no owner',
		action.due ? `due ${action.due}` : null,
		action.status === 'doing' ? 'in progress' : null
	].filter(Boolean);
	const box = action.status === 'done' ? '[x]' : '[ ]';
	return `- ${box} ${markdownText(action.title)} (${details.join(', ')})${suffix}`;
}

/** What an action can come from: a named group by its name, any card by its text. */
function actionSources(groups: readonly RetroGroup[]): Map<string, string> {
	const sources = new Map<string, string>();
	for (const group of groups) {
		for (const card of group.cards) sources.set(card.id, card.text);
		if (group.name) sources.set(group.id, group.name);
	}
	return sources;
}

/** The retro as Markdown: columns with their groups, cards and votes, then the actions. */
export function renderRetroSummary(input: RetroSummaryInput): string {
	const cardCount = input.groups.reduce((sum, group) => sum + group.cards.length, 0);
	const voteCount = [...input.totals.values()].reduce((sum, votes) => sum + votes, 0);
	const lines = [
		`# ${markdownText(input.title)}`,
		'',
		`Retrospective · ${markdownText(input.formatLabel)} · ${plural(cardCount, 'card')} · ${plural(voteCount, 'vote')}`
	];
	for (const column of input.columns) {
		lines.push('', `## ${markdownText(column.title)}`, '');
		const groups = rankGroups(
			input.groups.filter((group) => group.column === column.id),
			input.totals
		);
		if (groups.length === 0) lines.push('_No cards._');
		for (const group of groups) lines.push(...groupLines(group, input.totals.get(group.id) ?? 0));
	}
	const sources = actionSources(input.groups);
	const actions = input.actions.filter((action) => sources.has(action.source));
	lines.push('', '## Actions', '');
	if (actions.length === 0) lines.push('_No actions._');
	for (const action of actions) {
		const from = ` — from “${markdownText(sources.get(action.source)!)}”`;
		lines.push(actionLine(action, input.people, from));
	}
	if (input.carried && input.carried.length > 0) {
		lines.push('', '## Actions carried over', '');
		for (const { action, from } of input.carried)
			lines.push(actionLine(action, input.people, ` — from ${markdownText(from)}`));
	}
	return `${lines.join('\n')}\n`;
}
