import type * as Y from 'yjs';
import { formatDate, localDateString } from '../dates.ts';
import { idSchema } from '../fields.ts';
import { readList, readMeta } from '../read.ts';
import { richTextMarkdown } from '../export/markdown-rich-text.ts';
import { readRichText } from '../export/rich-text-read.ts';
import type { RichTextBlock } from '../export/rich-text.ts';
import {
	RICH_TEXT_LIMITS,
	isRichTextEmpty,
	runsText,
	type RichTextList
} from '../export/rich-text.ts';
import { markdownText } from '../retro/summary.ts';
import { isPublished, publishedFeed, type PublishedUpdate } from './feed.ts';
import { UPDATE_HEALTH_LABELS, type StatusFact, type UpdateHealth } from './model.ts';
import { EMAIL_STYLES, escapeHtml, richTextHtml } from './rich-text-html.ts';

/** One published update as its exports render it: read and validated once. */
export interface UpdateDocument {
	readonly boardTitle: string;
	readonly health: UpdateHealth;
	readonly author: string;
	/** The day it was published, `YYYY-MM-DD` in this machine's time zone. */
	readonly day: string;
	readonly summary: RichTextBlock[];
	readonly facts: readonly StatusFact[];
}

/** A published update's document model. */
export function updateDocument(boardTitle: string, update: PublishedUpdate): UpdateDocument {
	return {
		boardTitle,
		health: update.health,
		author: update.author,
		day: localDateString(new Date(update.publishedAt)),
		summary: readRichText(update.summary),
		facts: update.facts
	};
}

/** The published update `id` of a board as a document, or null when there is none (drafts are not). */
export function readUpdateDocument(doc: Y.Doc, id: string): UpdateDocument | null {
	if (!idSchema.safeParse(id).success) return null;
	const meta = readMeta(doc);
	const update = readList(doc, 'statusUpdates').items.find((entry) => entry.id === id);
	if (!meta.ok || !update || !isPublished(update)) return null;
	return updateDocument(meta.meta.title, update);
}

const NO_FACTS = 'Nothing on the board changed since the previous update.';

/** "Status update · 9 Mar 2026": the heading of an update. */
export function updateHeading(update: Pick<UpdateDocument, 'day'>): string {
	return `Status update · ${formatDate(update.day)}`;
}

/**
 * An update as Markdown: heading, health, author and board, the summary, then what changed.
 * User text is escaped, as in the board's own Markdown export.
 */
export function updateMarkdown(update: UpdateDocument, headingLevel = 2): string {
	const hashes = '#'.repeat(headingLevel);
	const parts = [
		`${hashes} ${updateHeading(update)}`,
		`**${UPDATE_HEALTH_LABELS[update.health]}** · by ${markdownText(update.author)} · ${markdownText(update.boardTitle)}`
	];
	if (!isRichTextEmpty(update.summary))
		parts.push(richTextMarkdown(update.summary, headingLevel + 1));
	const facts =
		update.facts.length === 0
			? `_${NO_FACTS}_`
			: update.facts.map((fact) => `- ${markdownText(fact.text)}`).join('\n');
	parts.push(`**What changed**\n\n${facts}`);
	return `${parts.join('\n\n')}\n`;
}

/** Colours of each health value in an e-mail, with 4.5:1 contrast; the words say it too. */
const HEALTH_COLOURS: Readonly<Record<UpdateHealth, { ink: string; surface: string }>> = {
	'on-track': { ink: '#14532d', surface: '#dcfce7' },
	'at-risk': { ink: '#78350f', surface: '#fef3c7' },
	'off-track': { ink: '#7f1d1d', surface: '#fee2e2' }
};

/**
 * An update as an HTML fragment ready for an e-mail: inline styles only, every user text
 * escaped, no script, no class, no external resource.
 */
export function updateHtml(update: UpdateDocument): string {
	const colour = HEALTH_COLOURS[update.health];
	const badge = `<span style="display:inline-block;padding:2px 10px;border-radius:999px;font-weight:600;color:${colour.ink};background:${colour.surface};">${UPDATE_HEALTH_LABELS[update.health]}</span>`;
	const facts =
		update.facts.length === 0
			? `<p style="${EMAIL_STYLES.paragraph}color:#475569;">${NO_FACTS}</p>`
			: `<ul style="${EMAIL_STYLES.list}">${update.facts
					.map((fact) => `<li style="margin:0 0 4px 0;">${escapeHtml(fact.text)}</li>`)
					.join('')}</ul>`;
	return [
		'<div style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#0f172a;max-width:640px;">',
		`<h2 style="margin:0 0 8px 0;font-size:20px;">${escapeHtml(updateHeading(update))}</h2>`,
		`<p style="${EMAIL_STYLES.paragraph}">${badge} <span style="color:#475569;">by ${escapeHtml(update.author)} · ${escapeHtml(update.boardTitle)}</span></p>`,
		isRichTextEmpty(update.summary) ? '' : richTextHtml(update.summary),
		`<h3 style="${EMAIL_STYLES.heading}">What changed</h3>`,
		facts,
		'</div>'
	]
		.filter(Boolean)
		.join('\n');
}

/** An update as a whole HTML page (what the `.html` endpoint serves). */
export function updateHtmlPage(update: UpdateDocument): string {
	return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(`${updateHeading(update)} · ${update.boardTitle}`)}</title></head>\n<body>\n${updateHtml(update)}\n</body></html>\n`;
}

/** An update as plain text, for the text/plain part of a copied e-mail. */
export function updatePlainText(update: UpdateDocument): string {
	const facts =
		update.facts.length === 0 ? NO_FACTS : update.facts.map((fact) => `- ${fact.text}`).join('\n');
	const summary = isRichTextEmpty(update.summary) ? [] : [richTextLines(update.summary)];
	return [
		updateHeading(update),
		`${UPDATE_HEALTH_LABELS[update.health]} · by ${update.author} · ${update.boardTitle}`,
		...summary,
		`What changed\n${facts}`
	].join('\n\n');
}

// Rich text as plain lines: paragraphs apart, list items as "- " lines, indented when nested.
function richTextLines(blocks: readonly RichTextBlock[]): string {
	const listLines = (list: RichTextList, depth: number): string[] =>
		list.items.flatMap((item) =>
			'list' in item
				? depth + 1 < RICH_TEXT_LIMITS.depth
					? listLines(item.list, depth + 1)
					: []
				: [`${'  '.repeat(depth)}- ${runsText(item.children)}`]
		);
	return blocks
		.map((block) =>
			block.type === 'list' ? listLines(block, 0).join('\n') : runsText(block.children)
		)
		.filter((text) => text.trim() !== '')
		.join('\n\n');
}

/** The published updates of a board, newest first, as documents (what exports and print list). */
export function publishedDocuments(doc: Y.Doc): UpdateDocument[] {
	const meta = readMeta(doc);
	const title = meta.ok ? meta.meta.title : '';
	return publishedFeed(readList(doc, 'statusUpdates').items).map((update) =>
		updateDocument(title, update)
	);
}

/** The board Markdown export's "Status updates" part, or '' when none is published. */
export function statusUpdatesMarkdown(doc: Y.Doc): string {
	const updates = publishedDocuments(doc);
	if (updates.length === 0) return '';
	return [
		'## Status updates',
		...updates.map((update) => updateMarkdown(update, 3).trimEnd())
	].join('\n\n');
}
