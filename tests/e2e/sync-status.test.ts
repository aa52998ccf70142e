import { expect, test, type Page } from './fixtures.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { createKickoffBoardIn, newPerson } from './helpers.ts';
import { boardTitle, peopleOnBoard, recordStatuses, syncStatus } from './sync-helpers.ts';

// These tests kill or stop the server, so each runs its own instead of the shared one.
let server: TestServer;
test.beforeEach(async () => {
	server = await startServer();
});
test.afterEach(async () => {
	// A stopped process must be woken before it can be killed and reaped.
	if (server.exitCode() === null) {
		try {
			process.kill(server.pid, 'SIGCONT');
		} catch {
			// Already gone: the test killed it.
		}
	}
	await server.kill();
	removeDataDir(server.dataDir);
});

/** Ada and Grace on one board of the test's own server, both synced. */
async function twoPeople(browser: import('@playwright/test').Browser) {
	const ada = await newPerson(browser, 'Ada', { baseURL: server.httpUrl });
	const { editLink } = await createKickoffBoardIn(ada);
	const grace = await newPerson(browser, 'Grace', { baseURL: server.httpUrl });
	await grace.goto(editLink);
	await expect(syncStatus(ada)).toHaveText('Synced');
	await expect(syncStatus(grace)).toHaveText('Synced');
	await expect(peopleOnBoard(ada)).toContainText('Grace');
	return { ada, grace };
}

async function expectOfflineWithin2s(page: Page): Promise<void> {
	await expect(syncStatus(page)).toHaveText('Offline · saved on this device', { timeout: 2_000 });
}

test('the status turns offline within 2 s of the network going, shows the others as away, and is synced again when it is back', async ({
	browser
}) => {
	const { ada, grace } = await twoPeople(browser);

	await ada.context().setOffline(true);
	await expectOfflineWithin2s(ada);
	await expect(peopleOnBoard(ada)).toContainText('Grace (away)');

	await boardTitle(ada).fill('Planned on the train');
	await expect(syncStatus(ada)).toHaveText('Offline · saved on this device');
	await ada.context().setOffline(false);
	await expect(syncStatus(ada)).toHaveText('Synced');
	// The server greets a returning socket with everyone's presence, before its state: Grace is
	// back beside Ada's "Synced" (not after her next presence renewal, 15 s later).
	await expect(peopleOnBoard(ada)).not.toContainText('(away)', { timeout: 2_000 });
	await expect(peopleOnBoard(ada)).toContainText('Grace', { timeout: 2_000 });
	await expect(boardTitle(grace)).toHaveValue('Planned on the train');
});

test('the status turns offline within 2 s of the server being killed, and is synced again when it is back', async ({
	browser
}) => {
	const { ada, grace } = await twoPeople(browser);

	const { port } = server;
	await server.kill();
	await expectOfflineWithin2s(ada);
	await expectOfflineWithin2s(grace);
	await expect(peopleOnBoard(ada)).toContainText('Grace (away)');

	server = await startServer({ dataDir: server.dataDir, port });
	await expect(syncStatus(ada)).toHaveText('Synced', { timeout: 15_000 });
	await expect(syncStatus(grace)).toHaveText('Synced', { timeout: 15_000 });
	// Grace's presence, unchanged since before, is taken again at once (not 15 s later).
	await expect(peopleOnBoard(ada)).not.toContainText('(away)', { timeout: 3_000 });
	await expect(peopleOnBoard(ada)).toContainText('Grace', { timeout: 3_000 });
});

test('Saving… while a change is not acknowledged by a stalled server, offline once its heartbeat goes unanswered, Synced only after the server stored it', async ({
	browser
}) => {
	const { ada, grace } = await twoPeople(browser);
	const statuses = await recordStatuses(ada);

	process.kill(server.pid, 'SIGSTOP');
	const editedAt = Date.now();
	await boardTitle(ada).fill('Stored before it says so');
	await expect(syncStatus(ada)).toHaveText('Saving…');
	// No answer within a few seconds: the link is dead.
	await expect(syncStatus(ada)).toHaveText('Offline · saved on this device', { timeout: 8_000 });

	const resumedAt = Date.now();
	process.kill(server.pid, 'SIGCONT');
	await expect(syncStatus(ada)).toHaveText('Synced', { timeout: 15_000 });
	await expect(boardTitle(grace)).toHaveValue('Stored before it says so');
	const whileStalled = (await statuses()).filter(({ at }) => at > editedAt && at < resumedAt);
	expect(whileStalled.map(({ status }) => status)).toEqual(['saving', 'offline']);
});
