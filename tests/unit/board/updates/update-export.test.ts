import { describe, expect, it } from 'vitest';
import { createBoard, readList } from '../../../../src/lib/board/index.ts';
import { writeRichText } from '../../../../src/lib/board/export/rich-text-write.ts';
import { boardMarkdown } from '../../../../src/lib/board/export/markdown.ts';
import { emptyBasis } from '../../../../src/lib/board/updates/basis.ts';
import {
	publishStatusUpdate,
	setStatusUpdateHealth,
	startStatusUpdate
} from '../../../../src/lib/board/updates/commands.ts';
import {
	readUpdateDocument,
	updateHtml,
	updateHtmlPage,
	updateMarkdown,
	updatePlainText
} from '../../../../src/lib/board/updates/update-export.ts';

const HOSTILE = '<script>alert(1)</script> & "quotes" *stars*';

function boardWithUpdate(publish = true) {
	const doc = createBoard('kickoff', { title: 'Apollo <b>' });
	const id = startStatusUpdate(doc, {
		author: 'Tess',
		authorId: 'user-1',
		facts: [
			{ kind: 'risk-rescored', text: 'Risk “Vendor” re-scored from 2×3 to 4×3' },
			{ kind: 'action-done', text: HOSTILE }
		],
		basis: emptyBasis('2026-03-01')
	});
	setStatusUpdateHealth(doc, id, 'at-risk');
	const summary = readList(doc, 'statusUpdates').items[0]!.summary;
	doc.transact(() =>
		writeRichText(summary, [
			{
				type: 'paragraph',
				children: [
					{ text: 'Beta ', bold: true },
					{ text: 'slips', link: 'https://example.com/a?b=1&c="2"' },
					{ text: ' bad', link: 'javascript:alert(1)' }
				]
			},
			{ type: 'list', ordered: false, items: [{ children: [{ text: HOSTILE }] }] }
		])
	);
	if (publish)
		publishStatusUpdate(
			doc,
			id,
			{ author: 'Tess <Lead>', authorId: 'user-1' },
			{ now: Date.UTC(2026, 2, 9, 12) }
		);
	return { doc, id };
}

describe('one update exported', () => {
	it('is not read while it is a draft, nor by an unknown id', () => {
		const { doc, id } = boardWithUpdate(false);
		expect(readUpdateDocument(doc, id)).toBeNull();
		expect(readUpdateDocument(doc, 'z'.repeat(16))).toBeNull();
		expect(readUpdateDocument(doc, '../x')).toBeNull();
	});

	it('as Markdown: health, author, summary and facts, user text escaped', () => {
		const { doc, id } = boardWithUpdate();
		const markdown = updateMarkdown(readUpdateDocument(doc, id)!);
		expect(markdown).toMatch(/^## Status update · /);
		expect(markdown).toContain('**At risk** · by Tess \\<Lead\\> · Apollo \\<b\\>');
		expect(markdown).toContain('**Beta** [slips](https://example.com/a?b=1&c="2") bad');
		expect(markdown).toContain('- Risk “Vendor” re-scored from 2×3 to 4×3');
		expect(markdown).toContain('- \\<script\\>alert(1)\\</script\\> & "quotes" \\*stars\\*');
		expect(markdown).not.toContain('javascript:');
	});

	it('as e-mail HTML: inline styles, escaped text, only safe links, no script', () => {
		const { doc, id } = boardWithUpdate();
		const update = readUpdateDocument(doc, id)!;
		const html = updateHtml(update);
		expect(html).toContain('At risk</span>');
		expect(html).toContain('by Tess &lt;Lead&gt; · Apollo &lt;b&gt;');
		expect(html).toContain(
			'<li style="margin:0 0 4px 0;">Risk “Vendor” re-scored from 2×3 to 4×3</li>'
		);
		expect(html).toContain(
			'&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; *stars*'
		);
		expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=&quot;2&quot;"');
		expect(html).not.toMatch(/<script|javascript:|class=|<style/i);
		expect(updateHtmlPage(update)).toMatch(/^<!doctype html>[\s\S]*<meta charset="utf-8">/);
	});

	it('as plain text for the e-mail copy', () => {
		const { doc, id } = boardWithUpdate();
		const text = updatePlainText(readUpdateDocument(doc, id)!);
		expect(text).toContain('At risk · by Tess <Lead> · Apollo <b>');
		expect(text).toContain('Beta slips bad');
		expect(text).toContain(`- ${HOSTILE}`);
	});

	it('says so when nothing changed', () => {
		const doc = createBoard('kickoff');
		const id = startStatusUpdate(doc, {
			author: 'Tess',
			authorId: 'u',
			facts: [],
			basis: emptyBasis('2026-03-01')
		});
		publishStatusUpdate(doc, id, { author: 'Tess', authorId: 'u' });
		expect(updateMarkdown(readUpdateDocument(doc, id)!)).toContain('_Nothing on the board changed');
		expect(updateHtml(readUpdateDocument(doc, id)!)).toContain('Nothing on the board changed');
	});
});

describe('the board Markdown export', () => {
	it('lists published updates, not drafts', () => {
		const { doc } = boardWithUpdate();
		startStatusUpdate(doc, {
			author: 'Tess',
			authorId: 'u',
			facts: [{ kind: 'person-joined', text: 'Draft fact only' }],
			basis: emptyBasis('2026-03-01')
		});
		const markdown = boardMarkdown(doc, '2026-03-10');
		expect(markdown).toContain('## Status updates\n\n### Status update · ');
		expect(markdown).toContain('- Risk “Vendor” re-scored from 2×3 to 4×3');
		expect(markdown).not.toContain('Draft fact only');
		expect(boardMarkdown(createBoard('kickoff'), '2026-03-10')).not.toContain('Status updates');
	});
});
