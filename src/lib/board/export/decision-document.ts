import { markdownText } from '../retro/summary.ts';
import type { Decision, Person } from '../schema.ts';
import { DECISION_STATUS_LABELS } from '../views/decision-log.ts';
import { richTextMarkdown } from './markdown-rich-text.ts';
import { readRichText } from './rich-text-read.ts';
import type { RichTextBlock } from './rich-text.ts';

/** A decision as the document and the Markdown show it: names and titles resolved. */
export interface DocumentDecision {
	readonly decision: Decision;
	readonly status: string;
	readonly owner: string;
	readonly consulted: string[];
	/** The successor's title, or '' when it is not superseded by a decision of the board. */
	readonly supersededBy: string;
	readonly texts: { readonly label: string; readonly blocks: RichTextBlock[] }[];
}

/** The rich texts of a decision in the order and words every document uses. */
export const DECISION_TEXT_LABELS = {
	context: 'Context',
	options: 'Options considered',
	consequences: 'Consequences'
} as const;

/** The decision log in board order, each decision's people and successor named. */
export function documentDecisions(
	decisions: readonly Decision[],
	people: readonly Person[]
): DocumentDecision[] {
	const names = new Map(people.map((person) => [person.id, person.name]));
	const titles = new Map(decisions.map((decision) => [decision.id, decision.title]));
	return decisions.map((decision) => ({
		decision,
		status: DECISION_STATUS_LABELS[decision.status],
		owner: names.get(decision.owner) ?? '',
		consulted: decision.consulted.flatMap((id) => names.get(id) ?? []),
		supersededBy: titles.get(decision.supersededBy) ?? '',
		texts: (Object.keys(DECISION_TEXT_LABELS) as (keyof typeof DECISION_TEXT_LABELS)[]).map(
			(field) => ({ label: DECISION_TEXT_LABELS[field], blocks: readRichText(decision[field]) })
		)
	}));
}

/**
 * The decision log as Markdown: a heading per decision, a line of its facts (status, date,
 * owner, consulted, successor), then its texts; user text escaped.
 */
export function decisionsMarkdown(decisions: readonly DocumentDecision[]): string {
	if (decisions.length === 0) return '## Decisions\n\n_No decisions recorded._';
	const entries = decisions.map((entry) => {
		const facts = [
			entry.status,
			entry.decision.decidedOn && `decided ${entry.decision.decidedOn}`,
			entry.owner && `owner: ${markdownText(entry.owner)}`,
			entry.consulted.length > 0 &&
				`consulted: ${entry.consulted.map((name) => markdownText(name)).join(', ')}`
		].filter(Boolean);
		const successor = entry.supersededBy
			? [`Superseded by: ${markdownText(entry.supersededBy)}`]
			: [];
		const texts = entry.texts
			.filter((text) => text.blocks.length > 0)
			.map((text) => `**${text.label}**\n\n${richTextMarkdown(text.blocks, 5)}`);
		return [
			`### ${markdownText(entry.decision.title)}`,
			`_${facts.join(' · ')}_`,
			...successor,
			...texts
		].join('\n\n');
	});
	return ['## Decisions', ...entries].join('\n\n');
}
