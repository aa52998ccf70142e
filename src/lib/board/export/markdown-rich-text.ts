import {
	RICH_TEXT_LIMITS,
	type RichTextBlock,
	type RichTextList,
	type RichTextRun
} from './rich-text.ts';

/**
 * Rich text as Markdown. User text is escaped so it can never become markup it did not hold
 * (a heading, a list, a link, raw HTML); marks and safe links become Markdown's own.
 * `headingLevel` is the `#` count a field's first-level heading gets.
 */
export function richTextMarkdown(blocks: readonly RichTextBlock[], headingLevel = 4): string {
	return blocks
		.map((block) => {
			switch (block.type) {
				case 'list':
					return listLines(block, 0).join('\n');
				case 'heading': {
					const level = Math.min(6, headingLevel + ((block.level ?? 2) <= 2 ? 0 : 1));
					return `${'#'.repeat(level)} ${runsMarkdown(block.children).replaceAll('\n', ' ')}`;
				}
				case 'quote':
					return prefixLines(runsMarkdown(block.children), '> ');
				default:
					return runsMarkdown(block.children);
			}
		})
		.filter((text) => text.trim() !== '')
		.join('\n\n');
}

/** Rich text flattened to one line of plain text (for table cells and CSV). */
export function richTextPlain(blocks: readonly RichTextBlock[]): string {
	const texts: string[] = [];
	const fromList = (list: RichTextList, depth: number) => {
		for (const item of list.items) {
			if (!('list' in item)) texts.push(item.children.map((run) => run.text).join(''));
			else if (depth < RICH_TEXT_LIMITS.depth) fromList(item.list, depth + 1);
		}
	};
	for (const block of blocks) {
		if (block.type === 'list') fromList(block, 1);
		else texts.push(block.children.map((run) => run.text).join(''));
	}
	return texts
		.map((text) => text.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join(' · ');
}

function listLines(list: RichTextList, depth: number): string[] {
	const lines: string[] = [];
	let number = 0;
	for (const item of list.items) {
		if ('list' in item) {
			// Readers never make lists deeper than this (rich-text-read.ts); nor is it walked deeper.
			if (depth + 1 < RICH_TEXT_LIMITS.depth) lines.push(...listLines(item.list, depth + 1));
			continue;
		}
		number++;
		const marker = list.ordered ? `${number}. ` : '- ';
		const indent = '   '.repeat(depth);
		const text = runsMarkdown(item.children).replaceAll('\n', `  \n${indent}   `);
		lines.push(`${indent}${marker}${text}`);
	}
	return lines;
}

function prefixLines(text: string, prefix: string): string {
	return text
		.split('\n')
		.map((line) => `${prefix}${line}`)
		.join('\n');
}

/** Runs as inline Markdown; a line break inside a block becomes a hard break. */
export function runsMarkdown(runs: readonly RichTextRun[]): string {
	const text = runs.map(runMarkdown).join('');
	return text.split('\n').map(escapeLineStart).join('  \n').trim();
}

function runMarkdown(run: RichTextRun): string {
	return run.text
		.split('\n')
		.map((line) => markLine(line, run))
		.join('\n');
}

// Markers must hug the text: `** bold**` is not bold, so edge spaces move outside them.
function markLine(line: string, run: RichTextRun): string {
	const match = /^(\s*)(.*?)(\s*)$/s.exec(line)!;
	const [, before, core, after] = match as unknown as [string, string, string, string];
	if (core === '') return line;
	let text = run.code ? codeSpan(core) : escapeInline(core);
	if (run.strikethrough) text = `~~${text}~~`;
	if (run.italic) text = `_${text}_`;
	if (run.bold) text = `**${text}**`;
	if (run.link) text = `[${text}](${run.link.replace(/[()\s]/g, percentEncode)})`;
	return `${before}${text}${after}`;
}

// Parentheses and spaces would end a Markdown link address early.
function percentEncode(character: string): string {
	return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Characters that would otherwise be Markdown or HTML, escaped with a backslash. */
export function escapeInline(text: string): string {
	return text.replace(/[\\`*_[\]<>#|~!]/g, '\\$&');
}

function codeSpan(text: string): string {
	const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
	return fence.length > 1 || text.startsWith(' ')
		? `${fence} ${text} ${fence}`
		: `${fence}${text}${fence}`;
}

// At the start of a line, `-`, `+`, `=`, `1.` or `>` would start a list, heading or quote.
function escapeLineStart(line: string): string {
	return line.replace(
		/^(\s*)([-+=>]|\d+[.)])/,
		(_, space: string, marker: string) =>
			`${space}${marker.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([-+=>])$/, '\\$1')}`
	);
}
