import { expect, test, type Page } from './fixtures.ts';
import { encodeAwarenessUpdate } from '../../server/sync/awareness.ts';
import { encodeAwareness } from '../../server/sync/protocol.ts';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { largeBoardState, storeBoard } from '../helpers/large-stored-board.ts';
import { ProtocolSocket } from '../helpers/protocol-client.ts';
import { newPerson, openSection } from './helpers.ts';

function dataDir(): string {
	const dir = process.env.CHARTER_E2E_DATA_DIR;
	if (!dir) throw new Error('CHARTER_E2E_DATA_DIR is not set (run through playwright.config.ts)');
	return dir;
}

const synced = (page: Page) => page.getByRole('status').filter({ hasText: 'Synced' });

async function openFresh(page: Page, keys: BoardKeys): Promise<void> {
	await page.goto(`/b/${keys.boardId}#view=${keys.viewKey}`);
	// A fresh browser receives the whole board before it is synced: allow for its size.
	await expect(synced(page)).toBeVisible({ timeout: 30_000 });
}

test.describe('newcomers are not locked out', () => {
	test('a fresh browser opens a 12 MiB board and stays synced', async ({ browser }) => {
		const keys = await generateBoardKeys();
		await storeBoard(dataDir(), keys.boardId, largeBoardState(12, 'Years of history'));
		const page = await newPerson(browser, 'Grace');
		await openFresh(page, keys);
		await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Years of history'
		);
		await openSection(page, 'Risks');
		await expect(synced(page)).toBeVisible();
	});

	test('a fresh browser gets in during a presence flood of 150 view links × 8 states × 8 KB', async ({
		browser,
		baseURL
	}) => {
		const keys = await generateBoardKeys();
		const syncUrl = `${baseURL!.replace(/^http/, 'ws')}/sync`;
		const state = JSON.stringify({ user: { name: 'Flood', padding: 'x'.repeat(8_000) } });
		const flooders = await Promise.all(
			Array.from({ length: 150 }, () => ProtocolSocket.open(syncUrl, keys.boardId, keys.viewKey))
		);
		try {
			let clientId = 2_000_000;
			for (const flooder of flooders) {
				await flooder.greeted();
				const entries = Array.from({ length: 8 }, () => ({
					clientId: clientId++,
					clock: 1,
					state
				}));
				flooder.send(encodeAwareness(encodeAwarenessUpdate(entries)));
			}
			// Each flooder's own round trip comes after its flood was handled.
			await Promise.all(flooders.map((flooder) => flooder.roundTrip(20_000)));

			const page = await newPerson(browser, 'Grace');
			await openFresh(page, keys);
			await expect(page.getByRole('list', { name: 'People on this board' })).toBeVisible();
			await openSection(page, 'Charter');
			await expect(synced(page)).toBeVisible();
			expect(flooders.every((flooder) => flooder.open)).toBe(true);
		} finally {
			for (const flooder of flooders) flooder.terminate();
		}
	});
});
