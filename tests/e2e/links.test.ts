import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoard, newPerson } from './helpers.ts';
import { boardTitle } from './sync-helpers.ts';

/** Marks the page, so that a later check can tell it was not reloaded since. */
async function markDocument(page: Page): Promise<() => Promise<boolean>> {
	await page.evaluate(() => {
		(window as unknown as { charterNotReloaded: boolean }).charterNotReloaded = true;
	});
	return () =>
		page.evaluate(
			() => (window as unknown as { charterNotReloaded?: boolean }).charterNotReloaded === true
		);
}

test.describe('links that survive real use', () => {
	test('a board address without its key opens the board in a browser that knows it', async ({
		browser
	}) => {
		const { page: ada, boardPath } = await createKickoffBoard(browser);
		await boardTitle(ada).fill('Remembered here');
		// What the address bar holds: the board's address, no key.
		// Once this browser has stored the board with its key (IndexedDB), a moment after it shows.
		await expect.poll(() => new URL(ada.url()).hash).toBe('');
		const bookmark = await ada.context().newPage();
		await bookmark.goto(boardPath);
		await expect(boardTitle(bookmark)).toHaveValue('Remembered here');
	});

	test('elsewhere the address says what happened, and the box opens the board from a pasted link or says what is wrong with it', async ({
		browser
	}) => {
		const { editLink, boardPath } = await createKickoffBoard(browser);
		const other = await createKickoffBoard(browser);
		const grace = await newPerson(browser, 'Grace');
		await grace.goto(boardPath);
		const problem = grace.getByRole('alert').filter({ hasText: 'You need a link' });
		await expect(problem).toContainText('this browser has not opened the board before');
		await expect(grace).toHaveTitle('You need a link to open this board · Charter');
		const notReloaded = await markDocument(grace);

		const box = grace.getByRole('textbox', { name: 'Board link' });
		const open = grace.getByRole('button', { name: 'Open' });
		await box.fill(new URL(boardPath, editLink).href);
		await open.click();
		await expect(
			grace.getByRole('alert').filter({ hasText: 'This link has no key' })
		).toBeVisible();
		await box.fill(new URL(boardPath, editLink).href + new URL(other.editLink).hash);
		await open.click();
		await expect(
			grace.getByRole('alert').filter({ hasText: 'does not belong to its board' })
		).toBeVisible();

		await box.fill(editLink);
		await open.click();
		await expect(boardTitle(grace)).toHaveValue('Project kickoff');
		await expect(grace.getByText('View only')).toBeHidden();
		expect(await notReloaded()).toBe(true);
	});

	test('the right link pasted into the address bar of the "you need a link" page opens the board, without a reload', async ({
		browser
	}) => {
		const { editLink, boardPath } = await createKickoffBoard(browser);
		const grace = await newPerson(browser, 'Grace');
		await grace.goto(boardPath);
		await expect(grace.getByRole('alert')).toContainText('You need a link to open this board');
		const notReloaded = await markDocument(grace);
		// Only the fragment differs: the browser navigates within the document, as from the address bar.
		await grace.goto(editLink);
		await expect(boardTitle(grace)).toHaveValue('Project kickoff');
		expect(await notReloaded()).toBe(true);
	});

	test('the right link pasted into the address bar of the wrong-key page opens the board, without a reload', async ({
		browser
	}) => {
		const { editLink, viewLink, boardPath } = await createKickoffBoard(browser);
		const other = await createKickoffBoard(browser);
		const grace = await newPerson(browser, 'Grace');
		await grace.goto(boardPath + new URL(other.editLink).hash);
		await expect(grace.getByRole('alert')).toContainText('This link does not open this board');
		const notReloaded = await markDocument(grace);
		await grace.goto(viewLink);
		await expect(boardTitle(grace)).toHaveValue('Project kickoff');
		await expect(grace.getByText('View only')).toBeVisible();
		// The edit link pasted over the open board: the same tab now edits.
		await grace.goto(editLink);
		await expect(grace.getByText('View only')).toBeHidden();
		await expect(boardTitle(grace)).not.toHaveAttribute('readonly');
		expect(await notReloaded()).toBe(true);
	});

	test('the Share panel says the address bar is not a link to send, and that links made on this computer open only here', async ({
		browser
	}) => {
		const { page } = await createKickoffBoard(browser);
		await page.getByText('Share', { exact: true }).click();
		await expect(page.getByText('The address bar is not a link to send.')).toBeVisible();
		// The tests' server is on 127.0.0.1: links made there reach no teammate.
		const warning = page
			.getByRole('note')
			.filter({ hasText: 'These links open only on this computer' });
		await expect(warning).toBeVisible();
		await expect(warning).toContainText('HOST=0.0.0.0');
		await expect(page.getByLabel(/Edit link/)).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/b\//);
	});

	test('a wrong address gets a page with a title, what happened and the way back', async ({
		browser
	}) => {
		const page = await newPerson(browser, 'Grace');
		await page.goto('/no-such-page');
		await expect(page).toHaveTitle('Page not found · Charter');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no page here');
		await page.getByRole('link', { name: 'Back to your boards' }).click();
		await expect(page.getByRole('button', { name: /New kickoff board/ })).toBeVisible();
	});
});
