import { expect, test, type Page } from './fixtures.ts';
import {
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	readCharterSection,
	setRaciCell
} from '../../src/lib/board/index.ts';
import { caretAtEndOf } from './charter-helpers.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { raciCell, seriousAxeViolations } from './raci-helpers.ts';
import { addRiskByForm, riskRow, writeAsPeer } from './risks-helpers.ts';

/** Goes to the Versions page through the board header. */
async function openVersions(page: Page): Promise<void> {
	await page
		.getByRole('navigation', { name: 'Board sections' })
		.getByRole('link', { name: 'Versions' })
		.click();
	await expect(page.getByRole('heading', { name: 'Versions', exact: true })).toBeVisible();
}

/** Saves a version with `label` from the Versions page. */
async function saveVersion(page: Page, label: string): Promise<void> {
	await page.getByLabel('Version label').fill(label);
	await page.getByRole('button', { name: 'Save version' }).click();
	await expect(page.getByRole('status').filter({ hasText: `Saved “${label}”.` })).toBeVisible();
}

/** The listed version labelled `label`. */
function versionRow(page: Page, label: string) {
	return page
		.getByRole('list', { name: 'Saved versions' })
		.getByRole('listitem')
		.filter({ has: page.getByText(label, { exact: true }) });
}

/** The items of the change list, each as one line of what a screen reader reads (no arrows). */
async function changeItems(page: Page): Promise<string[]> {
	return page.locator('.changes li').evaluateAll((items) =>
		items.map((item) => {
			const copy = item.cloneNode(true) as HTMLElement;
			for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
			return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
		})
	);
}

/** Types at the end of a charter section, as a person would. */
async function typeInCharter(page: Page, section: string, text: string): Promise<void> {
	await openSection(page, 'Charter');
	const field = page.getByRole('textbox', { name: section, exact: true });
	await caretAtEndOf(page, field);
	await page.keyboard.type(text);
	await expect(field).toContainText(text);
}

test.describe('versions and the kickoff baseline', () => {
	test('save a version, change the board, mark it as baseline: Changes since baseline lists exactly those changes, for a viewer too', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink, viewLink } = await createKickoffBoard(browser, 'Ada');
		await writeAsPeer(baseURL!, editLink, (doc) => {
			const ana = addPerson(doc, { name: 'Ana' });
			const ben = addPerson(doc, { name: 'Ben' });
			addRisk(doc, { title: 'Vendor late', likelihood: 3, impact: 4, owner: ana });
			addRisk(doc, { title: 'Budget cut', likelihood: 2, impact: 5 });
			const design = addRaciTask(doc, { title: 'Design' });
			setRaciCell(doc, design, ana, 'A');
			addMilestone(doc, { title: 'Beta', due: '2026-03-01', owner: ben });
			expect(readCharterSection(doc, 'inScope')).not.toBeNull();
		});
		await typeInCharter(page, 'In scope', 'The web app and the API');

		await openVersions(page);
		await saveVersion(page, 'Kickoff');
		await versionRow(page, 'Kickoff').getByRole('button', { name: 'Mark as baseline' }).click();
		await expect(versionRow(page, 'Kickoff').getByText('Kickoff baseline')).toBeVisible();

		// The scripted changes, made in the UI.
		await openSection(page, 'Risks');
		await addRiskByForm(page, 'Cloud outage');
		await riskRow(page, 'Vendor late')
			.getByRole('combobox', { name: 'Likelihood of Vendor late', exact: true })
			.selectOption('5');
		await openSection(page, 'RACI');
		await (await raciCell(page, 'Design', 'Ben')).click();
		await expect(await raciCell(page, 'Design', 'Ben')).toHaveAccessibleName('Responsible');
		await openSection(page, 'Milestones');
		const beta = page.getByRole('list', { name: 'Milestones, by due date' }).getByRole('listitem');
		await beta.getByLabel('Due date').fill('2026-04-15');
		await beta.getByLabel('Due date').press('Enter');
		await typeInCharter(page, 'In scope', ' and reports');

		const expected = [
			'Added R-3 Cloud outage, score 9 (likelihood 3 × impact 3), owner Unassigned',
			// Vendor late and Budget cut were added in one millisecond: either may be.
			expect.stringMatching(
				/^Re-scored R-[12] Vendor late: score 12 \(likelihood 3 × impact 4\) changed to 20 \(likelihood 5 × impact 4\)$/
			),
			'Design × Ben: empty changed to R',
			'Moved Beta: from Mar 1, 2026 to Apr 15, 2026 (45 days later)'
		];
		const expectChanges = async (reader: Page) => {
			await reader.getByRole('link', { name: 'Changes since baseline' }).click();
			await expect(
				reader.getByRole('heading', { name: 'Changes since baseline “Kickoff”' })
			).toBeVisible();
			await expect(reader.getByRole('status').filter({ hasText: '5 changes.' })).toBeVisible();
			expect(await changeItems(reader)).toEqual(expected);
			const inScope = reader.getByRole('region', { name: 'In scope' });
			await expect(inScope.locator('ins')).toHaveText('[added: and reports]');
			await expect(inScope.locator('del')).toHaveCount(0);
			await expect(inScope).toContainText('The web app and the API');
		};
		await expectChanges(page);
		expect(await seriousAxeViolations(page)).toEqual([]);

		const viewer = await openInNewBrowser(browser, viewLink, 'Grace');
		await expect(viewer.getByText('View only')).toBeVisible();
		await expectChanges(viewer);

		// The list follows the board live: a further change shows up at once for the viewer.
		await openSection(page, 'Risks');
		await addRiskByForm(page, 'Scope creep');
		await expect(viewer.getByRole('status').filter({ hasText: '6 changes.' })).toBeVisible();

		await openVersions(viewer);
		await expect(viewer.getByRole('button', { name: 'Save version' })).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: 'Mark as baseline' })).toHaveCount(0);
		await expect(versionRow(viewer, 'Kickoff')).toContainText('Saved by Ada');
		expect(await seriousAxeViolations(viewer)).toEqual([]);

		// Offline, the baseline this browser has seen is still compared with the board.
		await viewer.context().setOffline(true);
		await viewer.getByRole('link', { name: 'Changes since baseline' }).click();
		await expect(viewer.getByRole('status').filter({ hasText: '6 changes.' })).toBeVisible();
		await viewer.emulateMedia({ colorScheme: 'dark' });
		expect(await seriousAxeViolations(viewer)).toEqual([]);
	});

	test('open a version read-only, and copy it into a new board that holds its content while the original stays', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink, boardPath } = await createKickoffBoard(browser, 'Ada');
		await writeAsPeer(baseURL!, editLink, (doc) => addRisk(doc, { title: 'Vendor late' }));
		await openVersions(page);
		await saveVersion(page, 'Kickoff');
		await writeAsPeer(baseURL!, editLink, (doc) => addRisk(doc, { title: 'After kickoff' }));

		await versionRow(page, 'Kickoff').getByRole('link', { name: 'Open' }).click();
		await expect(page).toHaveURL(new RegExp(`${boardPath}/versions/[A-Za-z0-9_-]{21}$`));
		await expect(page.getByRole('heading', { name: /Version “Kickoff”/ })).toContainText(
			'Read only'
		);
		const risks = page.getByRole('table', { name: /^Risks by score/ });
		await expect(risks.getByRole('rowheader')).toHaveText(['R-1 Vendor late']);
		const document = page.locator('.document');
		await expect(document.locator('input, textarea, select, [contenteditable="true"]')).toHaveCount(
			0
		);
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.getByRole('button', { name: 'Copy into a new board' }).click();
		await expect(page).not.toHaveURL(new RegExp(boardPath));
		await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
		await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Project kickoff (copy of “Kickoff”)'
		);
		await expect(page.getByText('View only')).toHaveCount(0);
		await openSection(page, 'Risks');
		await expect(riskRow(page, 'Vendor late')).toHaveCount(1);
		await expect(riskRow(page, 'After kickoff')).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Changes since baseline' })).toHaveCount(0);

		// The original is untouched, with both risks and its version.
		await page.goto(`${boardPath}/risks`);
		await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Project kickoff');
		await expect(riskRow(page, 'Vendor late')).toHaveCount(1);
		await expect(riskRow(page, 'After kickoff')).toHaveCount(1);
		await openVersions(page);
		await expect(versionRow(page, 'Kickoff')).toHaveCount(1);
	});

	test('saving without a connection says so and saves nothing', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser, 'Ada');
		await openVersions(page);
		await expect(page.getByRole('list', { name: 'Saved versions' })).toBeVisible();
		await page.context().setOffline(true);
		await page.getByLabel('Version label').fill('While offline');
		await page.getByRole('button', { name: 'Save version' }).click();
		await expect(page.getByRole('status').filter({ hasText: /You are offline/ })).toBeVisible();
		await page.context().setOffline(false);
		await page.reload();
		await expect(page.getByRole('list', { name: 'Saved versions' })).toBeVisible();
		await expect(versionRow(page, 'While offline')).toHaveCount(0);
	});
});
