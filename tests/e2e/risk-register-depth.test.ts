import { expect, test, type Page } from './fixtures.ts';
import { addRisk, readRisks } from '../../src/lib/board/index.ts';
import { expectStockClientToRead, keepRescoring, typeAtBothEnds } from './co-editing-helpers.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { addRiskByForm, heatMap, riskRow, writeAsPeer } from './risks-helpers.ts';
import { syncStatus } from './sync-helpers.ts';

/** The number shown in a risk's row: "R-3", or "R-?" while it is not numbered. */
function riskNumber(page: Page, title: string) {
	return riskRow(page, title).locator('.risk-ref');
}

/** Opens a risk's details row (mitigation and register fields). */
async function openDetails(page: Page, title: string): Promise<void> {
	await page.getByRole('button', { name: `Details of ${title}` }).click();
	await expect(page.getByRole('combobox', { name: `Residual impact of ${title}` })).toBeVisible();
}

test('two browsers that each add a risk offline get distinct numbers once they reconnect', async ({
	browser
}) => {
	const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	await openSection(ada, 'Risks');
	await openSection(grace, 'Risks');
	await expect(syncStatus(ada)).toHaveText('Synced');
	await expect(syncStatus(grace)).toHaveText('Synced');

	await ada.context().setOffline(true);
	await grace.context().setOffline(true);
	await expect(syncStatus(ada)).toHaveText('Offline · saved on this device');
	await expect(syncStatus(grace)).toHaveText('Offline · saved on this device');
	await addRiskByForm(ada, 'Vendor late');
	await addRiskByForm(grace, 'Budget cut');
	await expect(riskNumber(ada, 'Vendor late')).toHaveText('R-?');
	await expect(
		riskRow(grace, 'Budget cut').getByRole('img', {
			name: 'not numbered yet: numbered when this device syncs'
		})
	).toBeVisible();

	await ada.context().setOffline(false);
	await grace.context().setOffline(false);
	for (const page of [ada, grace]) {
		await expect(riskNumber(page, 'Vendor late')).toHaveText(/^R-[12]$/);
		await expect(riskNumber(page, 'Budget cut')).toHaveText(/^R-[12]$/);
	}
	const vendor = await riskNumber(ada, 'Vendor late').textContent();
	const budget = vendor === 'R-1' ? 'R-2' : 'R-1';
	for (const page of [ada, grace]) {
		await expect(riskNumber(page, 'Vendor late')).toHaveText(vendor!);
		await expect(riskNumber(page, 'Budget cut')).toHaveText(budget);
	}
});

test('register fields and the residual score edited in one browser show in the other, on the heat map too; two people typing into the trigger while a third re-scores another risk get exactly the same text', async ({
	browser,
	baseURL
}) => {
	// Three browsers on a two-core machine.
	test.slow();
	const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	await openSection(ada, 'Risks');
	await openSection(grace, 'Risks');
	await addRiskByForm(ada, 'Vendor late');
	await expect(riskNumber(ada, 'Vendor late')).toHaveText('R-1');
	await expect(riskNumber(grace, 'Vendor late')).toHaveText('R-1');

	await openDetails(ada, 'Vendor late');
	await ada.getByLabel('Category').selectOption('schedule');
	await ada.getByLabel('Response').selectOption('mitigate');
	await ada.getByRole('textbox', { name: 'Trigger of Vendor late' }).fill('No contract by Friday');
	await ada.getByRole('textbox', { name: 'Review date of Vendor late' }).fill('2020-01-15');
	await ada.getByRole('combobox', { name: 'Residual likelihood of Vendor late' }).selectOption('1');
	await ada.getByRole('combobox', { name: 'Residual impact of Vendor late' }).selectOption('2');
	await expect(ada.getByText('Review overdue since')).toBeVisible();

	await openDetails(grace, 'Vendor late');
	await expect(grace.getByLabel('Category')).toHaveValue('schedule');
	await expect(grace.getByLabel('Response')).toHaveValue('mitigate');
	await expect(grace.getByRole('textbox', { name: 'Trigger of Vendor late' })).toHaveValue(
		'No contract by Friday'
	);
	await expect(riskRow(grace, 'Vendor late')).toContainText('Review overdue');
	await expect(grace.getByText('1 × 2 = 2')).toBeVisible();

	const toggle = grace.getByRole('button', { name: 'Show residual' });
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await expect(grace.getByRole('list', { name: 'Residual scores, after the response' })).toHaveText(
		'R-1 Vendor late: from likelihood 3 × impact 3 (score 9) to likelihood 1 × impact 2 (score 2)'
	);
	await expect(grace.getByTestId('residual-arrows').locator('line')).toHaveCount(1);
	await expect(
		heatMap(grace).getByRole('button', { name: /^Likelihood 3, impact 3: 1 risk/ })
	).toHaveAttribute('title', /R-1$/);

	for (const colorScheme of ['light', 'dark'] as const) {
		await grace.emulateMedia({ colorScheme });
		expect(await seriousAxeViolations(grace)).toEqual([]);
	}

	// Ada and Grace type at both ends of the trigger while Cy keeps re-scoring another risk.
	const other = 'Other risk';
	await writeAsPeer(baseURL!, editLink, (doc) => addRisk(doc, { title: other }));
	const cy = await openInNewBrowser(browser, editLink, 'Cy');
	await openSection(cy, 'Risks');
	await expect(riskRow(cy, other)).toHaveCount(1);
	const trigger = (page: Page) => page.getByRole('textbox', { name: 'Trigger of Vendor late' });
	await trigger(ada).click();
	await trigger(grace).click();
	const stopRescoring = await keepRescoring(cy, other);
	await typeAtBothEnds(ada, grace);
	expect(await stopRescoring()).toBeGreaterThan(0);
	const expected = 'bbbb No contract by Friday AAAA';
	await openDetails(cy, 'Vendor late');
	for (const page of [ada, grace, cy]) await expect(trigger(page)).toHaveValue(expected);
	await expectStockClientToRead(
		baseURL!,
		editLink,
		(doc) => readRisks(doc).items.find((risk) => risk.title === 'Vendor late')?.trigger,
		expected
	);
});
