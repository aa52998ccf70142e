import { TEXT_LIMITS } from '../board/fields.ts';

/**
 * A title for a new board that "Your boards" can tell apart from the boards already there
 * (`taken`): `title` itself when it is free, else "title (2)", "title (3)" … — an import of a
 * board this browser has, or a second "next retro" on one day. Stays within the title limit.
 */
export function distinctTitle(title: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	if (!used.has(title)) return title;
	for (let n = 2; ; n++) {
		const suffix = ` (${n})`;
		const candidate = `${title.slice(0, TEXT_LIMITS.title - suffix.length).trimEnd()}${suffix}`;
		if (!used.has(candidate)) return candidate;
	}
}
