import { describe, expect, it } from 'vitest';
import { titleSchema } from '../../../src/lib/board/schema.ts';
import { copyTitle } from '../../../src/lib/versions/copy-version.ts';

describe('copyTitle', () => {
	it('names the version a copy was made from', () => {
		expect(copyTitle('Apollo kickoff', 'Kickoff')).toBe('Apollo kickoff (copy of “Kickoff”)');
	});

	it('shortens a long board title so the copy’s title stays a valid title of 200 characters', () => {
		const title = copyTitle('T'.repeat(200), 'L'.repeat(100));
		expect(title).toHaveLength(200);
		expect(title.startsWith('T')).toBe(true);
		expect(title.endsWith(`(copy of “${'L'.repeat(100)}”)`)).toBe(true);
		expect(titleSchema.safeParse(title).success).toBe(true);
	});
});
