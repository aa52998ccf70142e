/** A file name for a board's export: its title made safe for any file system, and the extension. */
export function exportFileName(title: string, suffix: string): string {
	const base =
		title
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.toLowerCase()
			.slice(0, 60) || 'board';
	return `${base}${suffix}`;
}
