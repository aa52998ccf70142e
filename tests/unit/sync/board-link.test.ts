import { describe, expect, it } from 'vitest';
import {
	BOARD_LINK_PROBLEM_TEXT,
	BOARD_LINK_PROBLEMS,
	checkBoardLink,
	parseBoardLink,
	readBoardLink
} from '../../../src/lib/sync/board-link.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
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

describe('readBoardLink', () => {
	const problemOf = (text: string) => {
		const reading = readBoardLink(text);
		return reading.ok ? null : reading.problem;
	};

	it('says what is wrong with text that is not a working board link', () => {
		expect(problemOf('   ')).toBe('empty');
		expect(problemOf('hello')).toBe('not-a-link');
		expect(problemOf(`https://charter.example/b/short#edit=${editKey}`)).toBe('not-a-link');
		// The address bar of an open board: the key was taken out of it.
		expect(problemOf(`https://charter.example/b/${boardId}`)).toBe('no-key');
		expect(problemOf(`https://charter.example/b/${boardId}/risks`)).toBe('no-key');
		expect(problemOf(`https://charter.example/b/${boardId}#edit=${editKey.slice(0, 30)}`)).toBe(
			'bad-key'
		);
		expect(problemOf(`https://charter.example/b/${boardId}#view=`)).toBe('bad-key');
	});

	it('has words for every problem', () => {
		for (const problem of BOARD_LINK_PROBLEMS)
			expect(BOARD_LINK_PROBLEM_TEXT[problem]).toMatch(/\.$/);
	});
});

describe('checkBoardLink', () => {
	it('accepts an edit or view link whose key opens its board', async () => {
		const keys = await generateBoardKeys();
		for (const fragment of [`#edit=${keys.editKey}`, `#view=${keys.viewKey}`] as const) {
			expect(await checkBoardLink(`http://localhost:3000/b/${keys.boardId}${fragment}`)).toEqual({
				ok: true,
				link: { boardId: keys.boardId, fragment }
			});
		}
	});

	it('refuses a well-formed link whose key belongs to another board', async () => {
		const mine = await generateBoardKeys();
		const theirs = await generateBoardKeys();
		expect(await checkBoardLink(`/b/${mine.boardId}#edit=${theirs.editKey}`)).toEqual({
			ok: false,
			problem: 'wrong-key'
		});
		expect(await checkBoardLink(`/b/${mine.boardId}`)).toEqual({ ok: false, problem: 'no-key' });
	});
});

describe('keyFromFragment', () => {
	it('reads the edit or view key of a fragment', () => {
		expect(keyFromFragment(`#edit=${editKey}`)).toBe(editKey);
		expect(keyFromFragment(`#view=${editKey}`)).toBe(editKey);
		expect(keyFromFragment('')).toBeNull();
	});
});
