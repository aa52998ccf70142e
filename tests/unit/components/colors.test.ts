import { describe, expect, it } from 'vitest';
import { PERSON_COLORS } from '../../../src/lib/board/index.ts';
import { colorName, contrastRatio, textColorOn } from '../../../src/lib/components/ui/colors.ts';

describe('person colours', () => {
	it('each has a name people say, distinct from the others', () => {
		const names = PERSON_COLORS.map(colorName);
		expect(names).not.toContain('Custom colour');
		expect(new Set(names).size).toBe(PERSON_COLORS.length);
		expect(colorName('#65A30D')).toBe('Lime');
		expect(colorName('#123456')).toBe('Custom colour');
	});

	it('carry initials with at least 4.5:1 contrast (WCAG AA for small text)', () => {
		for (const color of PERSON_COLORS) {
			expect(contrastRatio(textColorOn(color), color), color).toBeGreaterThanOrEqual(4.5);
		}
		expect(textColorOn('#65a30d')).toBe('#111827');
		expect(textColorOn('#2563eb')).toBe('#ffffff');
	});
});
