import { expect, test, type Page } from './fixtures.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { createKickoffBoardIn, newPerson, openSection } from './helpers.ts';

// These tests stop and restart the server, so each runs its own instead of the shared one.
let server: TestServer;
test.beforeEach(async () => {
	server = await startServer();
});
test.afterEach(async () => {
	await server.kill();
	removeDataDir(server.dataDir);
});

const title = (page: Page) => page.getByRole('textbox', { name: 'Board title' });
const riskTitles = (page: Page) =>
	page.getByRole('table', { name: 'Risk register' }).getByRole('textbox', { name: 'Risk title' });
const status = (page: Page) =>
	page.getByRole('status').filter({ hasText: /Synced|Offline|Connecting/ });

async function serviceWorkerReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

test('a board opens and edits with the server down, and the edit reaches the others when it is back', async ({
	browser
}) => {
	const alice = await newPerson(browser, 'Ada', { baseURL: server.httpUrl });
	const { editLink, boardPath } = await createKickoffBoardIn(alice);
	await serviceWorkerReady(alice);
	const bob = await newPerson(browser, 'Grace', { baseURL: server.httpUrl });
	await bob.goto(editLink);
	await expect(status(alice)).toHaveText('Synced');
	await expect(status(bob)).toHaveText('Synced');

	const port = server.port;
	await server.kill();
	await expect(status(alice)).toContainText('Offline');

	await title(alice).fill('Planned on the train');
	await openSection(alice, 'Risks');
	await alice.getByLabel('New risk').fill('No network at the venue');
	await alice.getByRole('button', { name: 'Add risk' }).click();

	// A reload with no server: the service worker serves the app, IndexedDB the board.
	await alice.reload();
	await expect(title(alice)).toHaveValue('Planned on the train');
	await expect(riskTitles(alice)).toHaveCount(1);
	await expect(riskTitles(alice).first()).toHaveValue('No network at the venue');

	// A second tab of the same browser opens the board offline and follows the first one.
	const aliceTab = await alice.context().newPage();
	await aliceTab.goto(boardPath);
	await expect(title(aliceTab)).toHaveValue('Planned on the train');
	await title(alice).fill('Planned on the train, twice');
	await expect(title(aliceTab)).toHaveValue('Planned on the train, twice');

	expect(await title(bob).inputValue()).toBe('Project kickoff');
	server = await startServer({ dataDir: server.dataDir, port });
	await expect(title(bob)).toHaveValue('Planned on the train, twice', { timeout: 20_000 });
	await openSection(bob, 'Risks');
	await expect(riskTitles(bob).first()).toHaveValue('No network at the venue');
	await expect(status(alice)).toHaveText('Synced', { timeout: 20_000 });
});
