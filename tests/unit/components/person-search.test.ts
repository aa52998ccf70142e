import { describe, expect, it } from 'vitest';
import { nameMatch } from '../../../src/lib/components/ui/person-search.ts';

describe('nameMatch', () => {
	it('ranks a name that starts with the typed text above one with a word that does', () => {
		expect(nameMatch('Priya Shah', 'pri')).toBe(1);
		expect(nameMatch('Ana Prince', 'pri')).toBe(0.8);
		expect(nameMatch('Cyprien', 'pri')).toBe(0.5);
	});

	it('ignores case and accents on both sides', () => {
		expect(nameMatch('Maria González', 'GONZA')).toBe(0.8);
		expect(nameMatch('María', 'maria')).toBe(1);
		expect(nameMatch('Maria', 'Marí')).toBe(1);
	});

	it('hides names that do not contain the typed text', () => {
		expect(nameMatch('Ben Okafor', 'pri')).toBe(0);
	});

	it('shows every name while nothing is typed', () => {
		expect(nameMatch('Ben Okafor', '  ')).toBe(1);
	});
});
