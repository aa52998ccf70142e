import { describe, expect, it } from 'vitest';
import { parseBoardLink } from '../../../src/lib/sync/board-link.ts';
import { keyFromFragment } from '../../../src/lib/sync/board-access.ts';

const boardId = 'ScCEkrazVGjQLsqsNkbC2Y';
const editKey = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

describe('parseBoardLink', () => {
	it('reads edit and view links of any host, with or without a section', () => {
		expect(parseBoardLink(`https://charter.example/b/${boardId}#edit=${editKey}`)).toEqual({
			boardId,
			fragment: `#edit=${editKey}`
		});
		expect(parseBoardLink(`  http://localhost:3000/b/${boardId}/risks#view=${editKey} `)).toEqual({
			boardId,
			fragment: `#view=${editKey}`
		});
		expect(parseBoardLink(`/b/${boardId}#edit=${editKey}`)?.boardId).toBe(boardId);
	});

	it('refuses links without a key, with a malformed key or board id, and other text', () => {
		expect(parseBoardLink(`https://charter.example/b/${boardId}`)).toBeNull();
		expect(parseBoardLink(`https://charter.example/b/${boardId}#edit=short`)).toBeNull();
		expect(parseBoardLink(`https://charter.example/b/not-a-board#edit=${editKey}`)).toBeNull();
		expect(parseBoardLink('hello')).toBeNull();
		expect(parseBoardLink('javascript:alert(1)')).toBeNull();
	});
});

describe('keyFromFragment', () => {
	it('reads the edit or view key of a fragment', () => {
		expect(keyFromFragment(`#edit=${editKey}`)).toBe(editKey);
		expect(keyFromFragment(`#view=${editKey}`)).toBe(editKey);
		expect(keyFromFragment('')).toBeNull();
	});
});
