import { expect, test, type Page } from './fixtures.ts';
import { format } from './charter-helpers.ts';
import { exportFile } from './export-helpers.ts';
import { createKickoffBoardIn, newPerson, openSection } from './helpers.ts';
import { createRetroBoardIn, writeCard } from './retro-helpers.ts';
import { addRiskByForm } from './risks-helpers.ts';

/**
 * Collects every Content-Security-Policy violation the page reports, from the document's
 * `securitypolicyviolation` events (set up before any script of the app runs) and from the
 * console, where Chromium also reports what a policy blocked.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	const fromConsole: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`)
		);
	});
	return async () => [
		...fromConsole,
		...(await page.evaluate(
			() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []
		))
	];
}

test.describe('security headers and the Content-Security-Policy', () => {
	test('the app is sent with a CSP that allows only its own scripts, and the headers that keep the key private', async ({
		request
	}) => {
		for (const path of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA']) {
			const response = await request.get(path);
			const headers = response.headers();
			const csp = headers['content-security-policy'] ?? '';
			expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
			expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
			expect(csp).toContain("connect-src 'self'");
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("object-src 'none'");
			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(headers['referrer-policy']).toBe('no-referrer');
			expect(headers['x-frame-options']).toBe('DENY');
			expect(headers['permissions-policy']).toContain('camera=()');
		}
	});

	test('a kickoff board works under its CSP in every section, with no violation', async ({
		browser
	}) => {
		const page = await newPerson(browser);
		const violations = await watchViolations(page);
		await createKickoffBoardIn(page);
		await expect(page.getByText('Synced')).toBeVisible();

		await openSection(page, 'Charter');
		const background = page.getByRole('textbox', { name: 'Background', exact: true });
		await background.click();
		await page.keyboard.type('Why we start');
		await format(page, 'Background', 'Bold');
		await page.keyboard.type(' now');
		await expect(background).toContainText('Why we start now');

		await openSection(page, 'People');
		await page.getByLabel('New person').fill('Ada Lovelace');
		await page.getByRole('button', { name: 'Add person' }).click();
		await openSection(page, 'Milestones');
		await page.getByLabel('New milestone', { exact: true }).fill('Beta');
		await page.getByRole('button', { name: 'Add milestone' }).click();
		await openSection(page, 'Risks');
		await addRiskByForm(page, 'Vendor slips the date');
		await openSection(page, 'RACI');
		await page.getByLabel('New task').fill('Approve the budget');
		await page.getByRole('button', { name: 'Add task' }).click();
		await openSection(page, 'Actions');
		await page.getByLabel('New action').fill('Book the kickoff room');
		await page.getByRole('button', { name: 'Add action' }).click();
		await expect(page.getByRole('textbox', { name: 'Action title' })).toHaveValue(
			'Book the kickoff room'
		);
		await openSection(page, 'Overview');
		expect(await violations()).toEqual([]);
	});

	test('versions, export and the print view work under the CSP, with no violation', async ({
		browser
	}) => {
		const page = await newPerson(browser);
		const violations = await watchViolations(page);
		const { boardPath } = await createKickoffBoardIn(page);
		await expect(page.getByText('Synced')).toBeVisible();
		await openSection(page, 'Versions');
		await page.getByLabel('Version label').fill('Kickoff');
		await page.getByRole('button', { name: 'Save version' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Saved “Kickoff”.' })).toBeVisible();

		const markdown = await exportFile(page, 'Markdown (.md)');
		expect(markdown.text).toMatch(/^# Project kickoff\n/);
		await exportFile(page, 'JSON (.json)');
		await page.goto(`${boardPath}/print`);
		await expect(page.getByRole('heading', { name: 'Charter', level: 2 })).toBeVisible();
		expect(await violations()).toEqual([]);
	});

	test('a retrospective works under its CSP, with no violation', async ({ browser }) => {
		const page = await newPerson(browser);
		const violations = await watchViolations(page);
		await createRetroBoardIn(page);
		await writeCard(page, 'Start', 'Pairing on migrations');
		await expect(page.getByText('Synced')).toBeVisible();
		expect(await violations()).toEqual([]);
	});
});
