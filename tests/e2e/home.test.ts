import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { createKickoffBoard, newPerson } from './helpers.ts';

test.describe('home', () => {
	test('opens a board from a pasted link and refuses text that is not one', async ({ browser }) => {
		const { viewLink } = await createKickoffBoard(browser);
		const page = await newPerson(browser, 'Grace');
		await page.goto('/');
		await page.getByLabel('Board link').fill('not a link');
		await page.getByRole('button', { name: 'Open' }).click();
		await expect(page.getByRole('alert')).toContainText('Paste a whole board link');
		await page.getByLabel('Board link').fill(viewLink);
		await page.getByRole('button', { name: 'Open' }).click();
		await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Project kickoff');
		await expect(page.getByText('View only')).toBeVisible();
		await page.getByRole('link', { name: 'Charter home' }).click();
		await expect(page.getByRole('link', { name: 'Project kickoff' })).toBeVisible();
		await expect(page.getByText(/View only · opened/)).toBeVisible();
	});

	test('removes a board from this device only after confirmation', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await page.getByRole('textbox', { name: 'Board title' }).fill('Board to forget');
		await page.getByRole('link', { name: 'Charter home' }).click();
		const remove = page.getByRole('button', { name: 'Remove Board to forget from this device' });
		await remove.click();
		const dialog = page.getByRole('dialog', { name: /Remove “Board to forget”/ });
		await dialog.getByRole('button', { name: 'Keep it' }).click();
		await expect(page.getByRole('link', { name: 'Board to forget' })).toBeVisible();
		await remove.click();
		await dialog.getByRole('button', { name: 'Remove' }).click();
		await expect(page.getByRole('link', { name: 'Board to forget' })).toHaveCount(0);
		await page.reload();
		await expect(
			page.getByText('Boards you create or open on this device appear here.')
		).toBeVisible();
	});

	test('edits the profile, and keeps it across reloads', async ({ browser }) => {
		const page = await newPerson(browser, null);
		await page.goto('/');
		await page.getByRole('button', { name: 'Set your name' }).click();
		const dialog = page.getByRole('dialog', { name: 'Who are you?' });
		await dialog.getByLabel('Your name').fill('Margaret');
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Others see you as Margaret.')).toBeVisible();
		await page.reload();
		await expect(page.getByText('Others see you as Margaret.')).toBeVisible();
	});

	test('has no serious accessibility violation', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await page.getByRole('link', { name: 'Charter home' }).click();
		await expect(page.getByRole('link', { name: 'Project kickoff' })).toBeVisible();
		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter(
			(v) => v.impact === 'serious' || v.impact === 'critical'
		);
		expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});
