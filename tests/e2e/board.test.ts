import { expect, test } from './fixtures.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';

test.describe('a board shared between two browsers', () => {
	test('a title and a risk typed in one browser appear in the other, and survive a reload', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser);
		const bob = await openInNewBrowser(browser, editLink);

		// The key leaves the address bar once it is remembered.
		await expect(bob.getByRole('textbox', { name: 'Board title' })).toHaveValue('Project kickoff');
		// Once this browser has stored the board with its key (IndexedDB), a moment after it shows.
		await expect.poll(() => new URL(bob.url()).hash).toBe('');

		await alice.getByRole('textbox', { name: 'Board title' }).fill('Payments migration kickoff');
		await expect(bob.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Payments migration kickoff'
		);

		await openSection(alice, 'Risks');
		await openSection(bob, 'Risks');
		await alice.getByLabel('New risk').fill('Card network certification slips');
		await alice.getByRole('button', { name: 'Add risk' }).click();
		const bobRisks = bob
			.getByRole('table', { name: 'Risk register' })
			.getByRole('textbox', { name: 'Risk title' });
		await expect(bobRisks).toHaveCount(1);
		await expect(bobRisks.first()).toHaveValue('Card network certification slips');

		await bobRisks.first().fill('Card network certification slips by a month');
		const aliceRisks = alice
			.getByRole('table', { name: 'Risk register' })
			.getByRole('textbox', { name: 'Risk title' });
		await expect(aliceRisks.first()).toHaveValue('Card network certification slips by a month');

		await bob.reload();
		await expect(bob.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Payments migration kickoff'
		);
		await expect(
			bob
				.getByRole('table', { name: 'Risk register' })
				.getByRole('textbox', { name: 'Risk title' })
				.first()
		).toHaveValue('Card network certification slips by a month');
		await expect(bob.getByRole('status')).toHaveText('Synced');
	});

	test('a view link shows the board read-only', async ({ browser }) => {
		const { page: owner, viewLink } = await createKickoffBoard(browser);
		await openSection(owner, 'Risks');
		await owner.getByLabel('New risk').fill('Scope creep');
		await owner.getByRole('button', { name: 'Add risk' }).click();

		const stakeholder = await openInNewBrowser(browser, viewLink);
		const title = stakeholder.getByRole('textbox', { name: 'Board title' });
		await expect(title).toHaveValue('Project kickoff');
		await expect(title).toHaveAttribute('readonly', '');
		await expect(stakeholder.getByText('View only')).toBeVisible();
		await openSection(stakeholder, 'Risks');
		await expect(stakeholder.getByRole('button', { name: 'Add risk' })).toHaveCount(0);
		await expect(
			stakeholder
				.getByRole('table', { name: 'Risk register' })
				.getByRole('textbox', { name: 'Risk title' })
				.first()
		).toHaveValue('Scope creep');
	});

	test('a link whose key belongs to another board is refused with a clear message', async ({
		browser
	}) => {
		const first = await createKickoffBoard(browser);
		const second = await createKickoffBoard(browser);
		const boardId = new URL(first.editLink).pathname;
		const foreignKey = new URL(second.editLink).hash;
		const page = await openInNewBrowser(browser, `${boardId}${foreignKey}`);
		await expect(page.getByRole('alert')).toContainText('This link does not open this board');
	});

	test('the home page lists the boards this browser knows', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await page.getByRole('textbox', { name: 'Board title' }).fill('Data platform kickoff');
		await page.getByRole('link', { name: 'Charter home' }).click();
		await expect(page.getByRole('link', { name: 'Data platform kickoff' })).toBeVisible();
	});
});

test.describe('profile', () => {
	test('an editor is asked for a name once, and the others see it', async ({ browser }) => {
		const { editLink } = await createKickoffBoard(browser, 'Ada');
		const page = await openInNewBrowser(browser, editLink, null);
		const dialog = page.getByRole('dialog', { name: 'Who are you?' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect(dialog.getByRole('alert')).toHaveText('Enter the name your team knows you by.');
		await dialog.getByLabel('Your name').fill('Linus');
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect(dialog).toBeHidden();
		await page.reload();
		await expect(page.getByRole('textbox', { name: 'Board title' })).toBeVisible();
		await expect(page.getByRole('dialog')).toBeHidden();
		await expect(page.getByRole('list', { name: 'People on this board' })).toContainText(
			'Linus (you)'
		);
	});
});
