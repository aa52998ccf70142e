import { describe, expect, it } from 'vitest';
import { ID_LENGTH, isId, newId } from '../../../src/lib/board/ids.ts';

describe('newId', () => {
	it('returns 16 base64url characters', () => {
		expect(newId()).toMatch(/^[A-Za-z0-9_-]{16}$/);
		expect(ID_LENGTH).toBe(16);
	});

	it('does not repeat across many calls', () => {
		const ids = new Set(Array.from({ length: 10_000 }, newId));
		expect(ids.size).toBe(10_000);
	});
});

describe('isId', () => {
	it('accepts ids made by newId', () => {
		expect(isId(newId())).toBe(true);
	});

	it('rejects strings of the wrong length, foreign characters and non-strings', () => {
		expect(isId('abc')).toBe(false);
		expect(isId('A'.repeat(17))).toBe(false);
		expect(isId('AAAAAAAA:AAAAAAA')).toBe(false);
		expect(isId('AAAAAAAA+AAAAAAA')).toBe(false);
		expect(isId(1234567890123456)).toBe(false);
		expect(isId(undefined)).toBe(false);
	});
});
