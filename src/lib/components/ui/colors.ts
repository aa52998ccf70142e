/** What screen readers and tooltips call the colours Charter hands out (PERSON_COLORS). */
const COLOR_NAMES: Readonly<Record<string, string>> = {
	'#e11d48': 'Red',
	'#2563eb': 'Blue',
	'#16a34a': 'Green',
	'#d97706': 'Amber',
	'#7c3aed': 'Purple',
	'#0891b2': 'Teal',
	'#db2777': 'Pink',
	'#65a30d': 'Lime'
};

/** A colour's name for people: "Lime", or "Custom colour" for one picked by hand. */
export function colorName(hex: string): string {
	return COLOR_NAMES[hex.toLowerCase()] ?? 'Custom colour';
}

/** Near-black and white: the text colours an avatar or a label on a person's colour chooses from. */
const DARK_TEXT = '#111827';
const LIGHT_TEXT = '#ffffff';

/**
 * The text colour that reads best on `background` (#rrggbb): white or near-black, whichever has
 * the higher WCAG contrast ratio, so initials on the lime or amber avatar stay readable.
 */
export function textColorOn(background: string): string {
	const luminance = relativeLuminance(background);
	if (luminance === null) return LIGHT_TEXT;
	const onWhite = 1.05 / (luminance + 0.05);
	const onDark = (luminance + 0.05) / (relativeLuminance(DARK_TEXT)! + 0.05);
	return onDark > onWhite ? DARK_TEXT : LIGHT_TEXT;
}

/** WCAG 2 relative luminance of a #rrggbb colour, or null when it is not one. */
export function relativeLuminance(hex: string): number | null {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!match) return null;
	const [r, g, b] = match.slice(1).map((part) => {
		const channel = parseInt(part, 16) / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [relativeLuminance(a)!, relativeLuminance(b)!].sort((x, y) => y - x) as [
		number,
		number
	];
	return (light + 0.05) / (dark + 0.05);
}
