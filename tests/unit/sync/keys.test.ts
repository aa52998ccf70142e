import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	capabilityFor,
	deriveBoardId,
	deriveViewKey,
	fromBase64Url,
	generateBoardKeys,
	generateEditKey,
	isKeyShaped,
	keysFromEditKey,
	toBase64Url
} from '../../../src/lib/sync/keys.ts';

// Computed once with node:crypto from the formulas of DESIGN.md §4; they must never change,
// or every link ever shared stops working.
const VECTORS = [
	{
		editKey: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
		viewKey: 'ojydfFtSKJdRRdTBBhg6cE2eMKNzKm_j7QyK2IrHe3A',
		boardId: 'ScCEkrazVGjQLsqsNkbC2Y'
	},
	{
		editKey: '__________________________________________8',
		viewKey: 'h2psTox-cvfUvJ5_OXYqtp8c3pqIKbWZwK_amIwuX-Q',
		boardId: 'g2SI1w84IEOTKCAS6Okprd'
	}
];

function nodeDerive(label: string, key: string): string {
	const digest = createHash('sha256')
		.update(Buffer.concat([Buffer.from(label), Buffer.from(key, 'base64url')]))
		.digest();
	return digest.toString('base64url');
}

describe('capability keys', () => {
	it.each(VECTORS)('derives the fixed view key and board id of $editKey', async (vector) => {
		expect(await deriveViewKey(vector.editKey)).toBe(vector.viewKey);
		expect(await deriveBoardId(vector.viewKey)).toBe(vector.boardId);
		expect(await keysFromEditKey(vector.editKey)).toEqual(vector);
	});

	it('agrees with an independent node:crypto derivation for random keys', async () => {
		for (let i = 0; i < 20; i++) {
			const keys = await generateBoardKeys();
			expect(keys.viewKey).toBe(nodeDerive('charter/view\0', keys.editKey));
			expect(keys.boardId).toBe(nodeDerive('charter/board\0', keys.viewKey).slice(0, 22));
		}
	});

	it('generates 43-character base64url edit keys that differ every time', () => {
		const keys = new Set(Array.from({ length: 50 }, generateEditKey));
		expect(keys.size).toBe(50);
		for (const key of keys) expect(isKeyShaped(key)).toBe(true);
	});

	it('round-trips bytes through base64url without padding', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		const text = toBase64Url(bytes);
		expect(text).not.toMatch(/[+/=]/);
		expect(fromBase64Url(text)).toEqual(bytes);
	});

	it('grants edit to the edit key and view to the view key of the board only', async () => {
		const [a, b] = VECTORS as [(typeof VECTORS)[0], (typeof VECTORS)[0]];
		expect(await capabilityFor(a.boardId, a.editKey)).toBe('edit');
		expect(await capabilityFor(a.boardId, a.viewKey)).toBe('view');
		expect(await capabilityFor(a.boardId, b.editKey)).toBeNull();
		expect(await capabilityFor(a.boardId, b.viewKey)).toBeNull();
	});

	it('refuses malformed keys, board ids and non-canonical spellings', async () => {
		const [a] = VECTORS as [(typeof VECTORS)[0]];
		expect(await capabilityFor(a.boardId, '')).toBeNull();
		expect(await capabilityFor(a.boardId, a.editKey.slice(1))).toBeNull();
		expect(await capabilityFor(a.boardId, a.editKey.replace('A', '+'))).toBeNull();
		expect(await capabilityFor('short', a.editKey)).toBeNull();
		// The last character carries 2 unused bits: '9' decodes to the same bytes as the key's
		// final '8' with one of them set, which must not be a second valid spelling.
		const sibling = a.editKey.slice(0, -1) + '9';
		expect(fromBase64Url(sibling)).toEqual(fromBase64Url(a.editKey));
		expect(await capabilityFor(a.boardId, sibling)).toBeNull();
	});
});
