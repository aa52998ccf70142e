import * as Y from 'yjs';

/** Lexical element types that sit inside a line rather than making one of their own. */
const INLINE_ELEMENTS = new Set(['link', 'autolink']);

/**
 * The plain text of a rich-text field as Lexical's Yjs binding (V1) stores it: each block
 * (paragraph, heading, quote, list item) is a line; line breaks and tabs are kept; formatting
 * is dropped. Reads the Y types directly, so it needs no editor and no DOM.
 */
export function plainText(field: Y.XmlText): string {
	return linesOf(field).join('\n');
}

// An element is a nested Y.XmlText whose `__type` attribute names it; a text node is a Y.Map of
// its properties followed by its characters; decorators are Y.XmlElements and carry no text.
function linesOf(element: Y.XmlText): string[] {
	const lines: string[] = [];
	let line: string | null = null;
	const append = (text: string) => (line = (line ?? '') + text);
	for (const { insert } of element.toDelta() as Array<{ insert: unknown }>) {
		if (typeof insert === 'string') {
			append(insert);
		} else if (insert instanceof Y.Map) {
			const type = insert.get('__type');
			if (type === 'linebreak') append('\n');
			else if (type === 'tab') append('\t');
		} else if (insert instanceof Y.XmlText) {
			if (INLINE_ELEMENTS.has(String(insert.getAttribute('__type')))) {
				append(linesOf(insert).join(''));
				continue;
			}
			if (line !== null) lines.push(line);
			line = null;
			const inner = linesOf(insert);
			lines.push(...(inner.length > 0 ? inner : ['']));
		}
	}
	if (line !== null) lines.push(line);
	return lines;
}
