/** `text` as a CSS string: quotes and backslashes escaped, line breaks and `<` as escapes. */
export function cssString(text: string): string {
	const escaped = text
		.replace(/[\\"]/g, '\\$&')
		.replace(/[\n\r\f]/g, ' ')
		.replace(/</g, '\\3c ');
	return `"${escaped}"`;
}

/**
 * The printed page's margins and running header and footer: the board's title at the top left,
 * the day it was printed at the top right, "Page 2 of 5" at the bottom right.
 */
export function printPageRules(title: string, printedAt: Date): string {
	const day = printedAt.toLocaleDateString(undefined, { dateStyle: 'long' });
	const box = 'font: 9pt system-ui, sans-serif; color: #333;';
	return `@page {
	margin: 18mm 14mm;
	@top-left { content: ${cssString(title)}; ${box} }
	@top-right { content: ${cssString(`Printed ${day}`)}; ${box} }
	@bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }
}`;
}
