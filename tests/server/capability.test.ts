import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capabilityOf } from '../../server/capability.ts';
import { capabilityFor, generateBoardKeys, generateEditKey } from '../../src/lib/sync/keys.ts';

describe('capabilityOf (node:crypto)', () => {
	it('grants edit to the edit key and view to the view key of a board, nothing to others', async () => {
		for (let i = 0; i < 50; i++) {
			const keys = await generateBoardKeys();
			const other = await generateBoardKeys();
			expect(capabilityOf(keys.boardId, keys.editKey)).toBe('edit');
			expect(capabilityOf(keys.boardId, keys.viewKey)).toBe('view');
			expect(capabilityOf(keys.boardId, other.editKey)).toBeNull();
			expect(capabilityOf(keys.boardId, other.viewKey)).toBeNull();
		}
	});

	it('answers exactly as keys.ts’s WebCrypto capabilityFor, for any input', async () => {
		const keys = await generateBoardKeys();
		const candidate = fc.oneof(
			fc.constantFrom(keys.editKey, keys.viewKey, generateEditKey()),
			fc.string({ maxLength: 50 }),
			fc.base64String({ minLength: 43, maxLength: 44 }).map((text) => text.replace(/=+$/, '')),
			fc.constant(`${keys.editKey.slice(0, 42)}B`)
		);
		const boardId = fc.oneof(fc.constant(keys.boardId), fc.string({ maxLength: 30 }));
		await fc.assert(
			fc.asyncProperty(boardId, candidate, async (board, key) => {
				expect(capabilityOf(board, key)).toBe(await capabilityFor(board, key));
			}),
			{ numRuns: 500 }
		);
	});
});
