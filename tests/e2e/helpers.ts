import { expect, type Browser, type Page } from '@playwright/test';

/** Creates a kickoff board in a fresh browser context and returns its page and share links. */
export async function createKickoffBoard(
	browser: Browser
): Promise<{ page: Page; editLink: string; viewLink: string }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('button', { name: /New kickoff board/ }).click();
	await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
	await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Project kickoff');
	await page.getByText('Share', { exact: true }).click();
	const editLink = await page.getByLabel(/Edit link/).inputValue();
	const viewLink = await page.getByLabel(/View link/).inputValue();
	await page.getByText('Share', { exact: true }).click();
	return { page, editLink, viewLink };
}

/** Opens a link in a fresh browser context (another person's browser). */
export async function openInNewBrowser(browser: Browser, link: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	return page;
}
