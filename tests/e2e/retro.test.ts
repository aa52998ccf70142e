import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures.ts';
import { connectClient } from '../helpers/clients.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { newPerson, openSection } from './helpers.ts';
import {
	createRetroBoardIn,
	dragCardOnto,
	docText,
	draftTexts,
	joinRetro,
	localBoardCopy,
	retroCard,
	storedBoard,
	switchableNetwork,
	syncStatus,
	writeCard
} from './retro-helpers.ts';

// These tests read the server's stored document, so each runs its own server.
let server: TestServer;
test.beforeEach(async () => {
	server = await startServer();
});
test.afterEach(async () => {
	await server.kill();
	removeDataDir(server.dataDir);
});

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });

test('a whole retro: private writing, reveal, grouping, voting to the limit, timer, an action and the summary', async ({
	browser
}) => {
	const options = { baseURL: server.httpUrl };
	const ada = await newPerson(browser, 'Ada', options);
	const { editLink, viewLink, boardId } = await createRetroBoardIn(ada);
	const bob = await joinRetro(browser, editLink, 'Bob', options);
	// Cy's device clock runs 90 minutes fast: the timer must still agree with everyone's.
	const cy = await newPerson(browser, 'Cy', options);
	await cy.clock.install({ time: Date.now() + 90 * 60_000 });
	await cy.clock.resume();
	await cy.goto(editLink);
	await openSection(cy, 'Retrospective');
	const everyone = [ada, bob, cy];

	// Write privately.
	const drafts = {
		ada: 'Pair on the gnarly reviews',
		bobStart: 'Pairing on reviews helps',
		bobStop: 'Deploying on Fridays',
		cyContinue: 'Demo day every sprint',
		cyStart: 'More pairing please'
	};
	await writeCard(ada, 'Start', drafts.ada);
	await writeCard(bob, 'Start', drafts.bobStart);
	await writeCard(bob, 'Stop', drafts.bobStop);
	await writeCard(cy, 'Continue', drafts.cyContinue);
	await writeCard(cy, 'Start', drafts.cyStart);
	await button(cy, 'I’m done').click();

	// The facilitator sees how many cards each person wrote and who is done, not what.
	const writers = ada.getByRole('list', { name: 'Cards written so far' });
	await expect(writers.getByRole('listitem').filter({ hasText: 'Bob' })).toContainText('2 cards');
	await expect(writers.getByRole('listitem').filter({ hasText: 'Cy' })).toContainText(
		/2 cards\s*done/
	);
	await expect(ada.getByText('1 of 3 done')).toBeVisible();

	// The counts went through the server; no draft text did, anywhere but its author's browser.
	const viewer = connectClient(server, boardId, new URL(viewLink).hash.slice('#view='.length));
	await viewer.synced();
	expect(docText(viewer.doc)).toContain('"drafts":2');
	await expect.poll(() => viewer.provider.awareness.getStates().size).toBeGreaterThanOrEqual(3);
	const mine: Record<string, Page> = {
		[drafts.ada]: ada,
		[drafts.bobStart]: bob,
		[drafts.bobStop]: bob,
		[drafts.cyContinue]: cy,
		[drafts.cyStart]: cy
	};
	const stored = storedBoard(server.dataDir, boardId);
	const awareness = JSON.stringify([...viewer.provider.awareness.getStates().values()]);
	for (const [text, author] of Object.entries(mine)) {
		expect(stored.json).not.toContain(text);
		expect(stored.raw).not.toContain(text);
		expect(docText(viewer.doc)).not.toContain(text);
		expect(awareness).not.toContain(text);
		for (const page of everyone) {
			if (page === author) continue;
			await expect(page.locator('body')).not.toContainText(text);
			expect(await localBoardCopy(page, boardId)).not.toContain(text);
		}
		expect(await localBoardCopy(author, boardId)).not.toContain(text);
	}
	viewer.destroy();

	// Reveal: every client publishes its own drafts.
	await button(ada, 'Reveal the cards').click();
	for (const page of everyone)
		for (const text of Object.keys(mine)) await expect(retroCard(page, text)).toBeVisible();
	// The same checks do see the text once it is published.
	expect(storedBoard(server.dataDir, boardId).json).toContain(drafts.cyStart);
	expect(storedBoard(server.dataDir, boardId).raw).toContain(drafts.cyStart);
	expect(await localBoardCopy(ada, boardId)).toContain(drafts.cyStart);

	// Group by dragging, and with the keyboard-operable "Group with" select; name the group.
	await button(ada, 'Start grouping').click();
	await dragCardOnto(bob, drafts.bobStart, drafts.ada);
	await expect(cy.getByText('2 cards')).toBeVisible();
	const cyRegroup = cy.getByLabel(`Group “${drafts.cyStart}” with`);
	await cyRegroup.focus();
	await cyRegroup.selectOption({ label: `With “${drafts.ada}”` });
	await expect(ada.getByText('3 cards')).toBeVisible();
	const groupName = ada.getByRole('textbox', { name: `Name of the group “${drafts.ada}”` });
	await groupName.fill('Pairing');
	await groupName.press('Enter');
	await expect(bob.getByRole('textbox', { name: /^Name of the group/ })).toHaveValue('Pairing');

	// Vote, with a timer everyone sees.
	await button(ada, 'Start voting').click();
	await ada.getByLabel('Minutes').fill('5');
	await button(ada, 'Start timer').click();
	for (const page of everyone)
		await expect(page.getByRole('timer')).toHaveText(/Time left\s*[45]:\d\d/);

	const voteForPairing = button(bob, 'Vote for “Pairing”');
	for (let i = 0; i < 3; i++) await voteForPairing.click();
	await expect(bob.getByRole('group', { name: 'Your votes for “Pairing”' })).toContainText(
		'3 votes from you'
	);
	await expect(bob.getByText('You have used all your votes.')).toBeVisible();
	await expect(voteForPairing).toBeDisabled();
	await expect(button(bob, `Vote for “${drafts.bobStop}”`)).toBeDisabled();
	await voteForPairing.click({ force: true });
	await expect(bob.getByRole('group', { name: 'Your votes for “Pairing”' })).toContainText(
		'3 votes from you'
	);
	await button(cy, 'Vote for “Pairing”').click();
	await button(cy, `Vote for “${drafts.bobStop}”`).click();
	await button(ada, `Vote for “${drafts.cyContinue}”`).click();
	await expect(cy.getByText('You have 1 of 3 votes left.')).toBeVisible();

	// Totals appear when voting ends; discuss lists items by votes.
	await button(ada, 'End voting and discuss').click();
	for (const page of everyone) {
		const ranked = page.getByRole('list', { name: 'Groups and cards by votes' }).locator('> li');
		await expect(ranked.nth(0)).toContainText('4votes');
		await expect(ranked.nth(0)).toContainText('Pairing');
		await expect(ranked.nth(1)).toContainText('1vote');
	}

	// An action from the top item.
	await button(ada, 'Create an action').first().click();
	const form = ada.getByRole('form', { name: /New action from/ });
	await expect(form.getByRole('textbox', { name: 'Action title' })).toHaveValue('Pairing');
	await form.getByRole('textbox', { name: 'Action title' }).fill('Set up a pairing rota');
	await form.getByLabel('Due').fill('2030-03-01');
	await form.getByRole('button', { name: 'Add action' }).click();
	await expect(cy.getByRole('list', { name: 'Actions from this item' }).first()).toContainText(
		'Set up a pairing rota'
	);

	// The summary: shown as a page, and as Markdown to download, with cards, votes and actions.
	const shown = bob.getByRole('region', { name: 'Summary' });
	await expect(shown.getByRole('list', { name: 'Actions of this retro' })).toContainText(
		/Set up a pairing rota\s*No owner · due (Mar 1, 2030|1 Mar 2030) · To do\s*From “Pairing”/
	);
	await expect(shown.getByRole('region', { name: 'Start' })).toContainText(/Pairing\s*4 votes/);
	const [download] = await Promise.all([
		bob.waitForEvent('download'),
		button(bob, 'Download .md').click()
	]);
	const summary = await readFile((await download.path())!, 'utf8');
	expect(summary).toContain('- **Pairing** — 4 votes\n  - Pair on the gnarly reviews\n');
	expect(summary).toContain(`  - ${drafts.cyStart}`);
	expect(summary).toContain(`- ${drafts.bobStop} — 1 vote`);
	expect(summary).toContain(`- ${drafts.cyContinue} — 1 vote`);
	expect(summary).toContain(
		'- [ ] Set up a pairing rota (no owner, due 2030-03-01) — from “Pairing”'
	);

	await button(ada, 'Finish the retro').click();
	for (const page of everyone)
		await expect(
			page.getByRole('list', { name: 'Retro phases' }).locator('[aria-current="step"]')
		).toContainText('Done');

	// The action is one of the board's actions, like any other.
	await openSection(bob, 'Actions');
	await expect(bob.getByRole('textbox', { name: 'Action title' })).toHaveValue(
		'Set up a pairing rota'
	);
});

test('a participant offline at the reveal publishes their drafts when back', async ({
	browser
}) => {
	const options = { baseURL: server.httpUrl };
	const ada = await newPerson(browser, 'Ada', options);
	const { editLink, boardId } = await createRetroBoardIn(ada);
	const bob = await newPerson(browser, 'Bob', options);
	const network = await switchableNetwork(bob.context());
	await bob.goto(editLink);
	await bob.getByRole('link', { name: 'Retrospective' }).click();
	const draft = 'Written on the train, published at the next station';
	await writeCard(bob, 'Stop', draft);
	await expect(
		ada
			.getByRole('list', { name: 'Cards written so far' })
			.getByRole('listitem')
			.filter({ hasText: 'Bob' })
	).toContainText('1 card');

	await network.goOffline();
	await expect(syncStatus(bob)).toContainText('Offline');
	await button(ada, 'Reveal the cards').click();
	await expect(
		ada.getByRole('list', { name: 'Retro phases' }).locator('[aria-current="step"]')
	).toContainText('Reveal');

	// Bob's drafts survive a reload while offline, and stay his alone.
	await bob.reload();
	await expect.poll(() => draftTexts(bob, 'Stop')).toEqual([draft]);
	// Bob's reloaded page is up and knows it is offline: what it could have leaked, it would have.
	await expect(syncStatus(bob)).toContainText('Offline');
	await expect(retroCard(ada, draft)).toHaveCount(0);
	expect(storedBoard(server.dataDir, boardId).raw).not.toContain(draft);

	network.goOnline();
	await expect(retroCard(ada, draft)).toBeVisible({ timeout: 20_000 });
	await expect(retroCard(bob, draft)).toBeVisible();
	await expect(retroCard(bob, draft)).toContainText('You');
	expect(storedBoard(server.dataDir, boardId).json).toContain(draft);
});

test('a writer who left before the reveal is named at the reveal, and their card appears when they are back', async ({
	browser
}) => {
	// Three browsers, like the whole retro above.
	const options = { baseURL: server.httpUrl };
	const ada = await newPerson(browser, 'Ada', options);
	const { editLink } = await createRetroBoardIn(ada);
	const grace = await joinRetro(browser, editLink, 'Grace', options);
	const omar = await joinRetro(browser, editLink, 'Omar', options);
	const draft = 'The release checklist lives in three places';
	await writeCard(omar, 'Stop', draft);
	const omarChip = ada
		.getByRole('list', { name: 'Cards written so far' })
		.getByRole('listitem')
		.filter({ hasText: 'Omar' });
	await expect(omarChip).toContainText('1 card');

	// Omar closes his laptop: his tab is gone, his draft stays on his device.
	const omarsDevice = omar.context();
	await omar.close();
	const notice = 'Omar has 1 card and is offline — it will appear when Omar is back.';
	await expect(ada.getByRole('status').filter({ hasText: notice })).toBeVisible();
	await expect(omarChip).toContainText('offline');
	// Before the reveal only the facilitator is told.
	await expect(grace.getByText(notice)).toHaveCount(0);

	await button(ada, 'Reveal the cards').click();
	for (const page of [ada, grace]) {
		await expect(
			page.getByRole('status').filter({ hasText: 'Not every card is here yet' })
		).toContainText(notice);
	}

	const omarBack = await omarsDevice.newPage();
	await omarBack.goto(editLink);
	for (const page of [ada, grace]) {
		await expect(retroCard(page, draft)).toBeVisible();
		await expect(page.getByText(notice)).toHaveCount(0);
	}
});
