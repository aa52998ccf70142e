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

/** One discussed item of the summary: a lone card, or a group with its name and cards. */
export interface SummaryItem {
	readonly id: string;
	/** The group's name; null for a lone card. */
	readonly name: string | null;
	readonly cards: readonly string[];
	readonly votes: number;
}

/** An action of the summary, with its owner's name and where it came from. */
export interface SummaryAction {
	readonly id: string;
	readonly title: string;
	readonly owner: string | null;
	readonly due: string;
	readonly status: Action['status'];
	/** The card or group it came from, or the retro it was carried over from. */
	readonly from: string;
}

/** The retro's outcome, once: what the summary panel shows and the Markdown says. */
export interface RetroSummary {
	readonly title: string;
	readonly formatLabel: string;
	readonly cardCount: number;
	readonly voteCount: number;
	readonly columns: readonly { id: string; title: string; items: readonly SummaryItem[] }[];
	readonly actions: readonly SummaryAction[];
	readonly carried: readonly SummaryAction[];
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

/** The retro's outcome: columns with items ranked by votes, its actions, and carried ones. */
export function summarizeRetro(input: RetroSummaryInput): RetroSummary {
	const ownerName = (id: string) => input.people.find((person) => person.id === id)?.name ?? null;
	const summaryAction = (action: Action, from: string): SummaryAction => ({
		id: action.id,
		title: action.title,
		owner: ownerName(action.owner),
		due: action.due,
		status: action.status,
		from
	});
	const sources = actionSources(input.groups);
	return {
		title: input.title,
		formatLabel: input.formatLabel,
		cardCount: input.groups.reduce((sum, group) => sum + group.cards.length, 0),
		voteCount: [...input.totals.values()].reduce((sum, votes) => sum + votes, 0),
		columns: input.columns.map((column) => ({
			id: column.id,
			title: column.title,
			items: rankGroups(
				input.groups.filter((group) => group.column === column.id),
				input.totals
			).map((group) => ({
				id: group.id,
				name: group.cards.length > 1 ? group.name || 'Unnamed group' : null,
				cards: group.cards.map((card) => card.text),
				votes: input.totals.get(group.id) ?? 0
			}))
		})),
		actions: input.actions
			.filter((action) => sources.has(action.source))
			.map((action) => summaryAction(action, sources.get(action.source)!)),
		carried: (input.carried ?? []).map(({ action, from }) => summaryAction(action, from))
	};
}

function itemLines(item: SummaryItem): string[] {
	const voteText = item.votes > 0 ? ` — ${plural(item.votes, 'vote')}` : '';
	if (item.name === null) return [`- ${markdownText(item.cards[0] ?? '')}${voteText}`];
	return [
		`- **${markdownText(item.name)}**${voteText}`,
		...item.cards.map((card) => `  - ${markdownText(card)}`)
	];
}

function actionLine(action: SummaryAction, from: string): string {
	const details = [
		action.owner ? `owner: ${markdownText(action.owner)}` : 'no owner',
		action.due ? `due ${action.due}` : null,
		action.status === 'doing' ? 'in progress' : null
	].filter(Boolean);
	const box = action.status === 'done' ? '[x]' : '[ ]';
	return `- ${box} ${markdownText(action.title)} (${details.join(', ')}) — from ${from}`;
}

/** The retro as Markdown: columns with their groups, cards and votes, then the actions. */
export function renderRetroSummary(input: RetroSummaryInput): string {
	const summary = summarizeRetro(input);
	const lines = [
		`# ${markdownText(summary.title)}`,
		'',
		`Retrospective · ${markdownText(summary.formatLabel)} · ${plural(summary.cardCount, 'card')} · ${plural(summary.voteCount, 'vote')}`
	];
	for (const column of summary.columns) {
		lines.push('', `## ${markdownText(column.title)}`, '');
		if (column.items.length === 0) lines.push('_No cards._');
		for (const item of column.items) lines.push(...itemLines(item));
	}
	lines.push('', '## Actions', '');
	if (summary.actions.length === 0) lines.push('_No actions._');
	for (const action of summary.actions)
		lines.push(actionLine(action, `“${markdownText(action.from)}”`));
	if (summary.carried.length > 0) {
		lines.push('', '## Actions carried over', '');
		for (const action of summary.carried) lines.push(actionLine(action, markdownText(action.from)));
	}
	return `${lines.join('\n')}\n`;
}
