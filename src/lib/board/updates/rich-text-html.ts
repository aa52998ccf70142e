import {
	RICH_TEXT_LIMITS,
	type RichTextBlock,
	type RichTextList,
	type RichTextRun
} from '../export/rich-text.ts';
import { isSafeLinkUrl } from '../safe-url.ts';

/**
 * Rich text as HTML for an e-mail: every piece of user text escaped, marks as their elements,
 * only safe links (http, https, mailto), styles inline (mail clients drop style sheets), no
 * attribute a user's text can reach but a checked link's address.
 */

const ESCAPES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text made inert in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Styles each element gets, inline. */
export const EMAIL_STYLES = {
	paragraph: 'margin:0 0 12px 0;',
	heading: 'margin:16px 0 8px 0;font-size:16px;',
	quote: 'margin:0 0 12px 0;padding-left:12px;border-left:3px solid #cbd5e1;color:#475569;',
	list: 'margin:0 0 12px 0;padding-left:24px;',
	code: 'font-family:ui-monospace,Menlo,Consolas,monospace;background:#f1f5f9;padding:0 3px;',
	link: 'color:#1d4ed8;'
} as const;

/** A field's blocks as HTML. */
export function richTextHtml(blocks: readonly RichTextBlock[]): string {
	return blocks
		.map((block) => {
			switch (block.type) {
				case 'list':
					return listHtml(block, 0);
				case 'heading':
					return `<h3 style="${EMAIL_STYLES.heading}">${runsHtml(block.children)}</h3>`;
				case 'quote':
					return `<blockquote style="${EMAIL_STYLES.quote}">${runsHtml(block.children)}</blockquote>`;
				default:
					return `<p style="${EMAIL_STYLES.paragraph}">${runsHtml(block.children)}</p>`;
			}
		})
		.join('\n');
}

function listHtml(list: RichTextList, depth: number): string {
	const tag = list.ordered ? 'ol' : 'ul';
	const items = list.items.map((item) => {
		if (!('list' in item)) return `<li>${runsHtml(item.children)}</li>`;
		return depth + 1 < RICH_TEXT_LIMITS.depth ? `<li>${listHtml(item.list, depth + 1)}</li>` : '';
	});
	return `<${tag} style="${EMAIL_STYLES.list}">${items.join('')}</${tag}>`;
}

/** Runs as inline HTML; a line break inside a block becomes `<br>`. */
export function runsHtml(runs: readonly RichTextRun[]): string {
	return runs.map(runHtml).join('');
}

function runHtml(run: RichTextRun): string {
	let html = run.text.split('\n').map(escapeHtml).join('<br>');
	if (run.code) html = `<code style="${EMAIL_STYLES.code}">${html}</code>`;
	if (run.strikethrough) html = `<s>${html}</s>`;
	if (run.underline) html = `<u>${html}</u>`;
	if (run.italic) html = `<em>${html}</em>`;
	if (run.bold) html = `<strong>${html}</strong>`;
	if (run.link !== undefined && isSafeLinkUrl(run.link))
		html = `<a href="${escapeHtml(run.link)}" style="${EMAIL_STYLES.link}">${html}</a>`;
	return html;
}
