import { expect, test, type Browser, type Page } from './fixtures.ts';
import { addAction, addMilestone, addPerson, addRisk } from '../../src/lib/board/index.ts';
import { createKickoffBoardIn, newPerson, openInNewBrowser, openSection } from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';
import { openRowMenu, rowMenu, rowMenuButton } from './row-menu-helpers.ts';

/** Each section with a row menu, and the row whose menu the tests open. */
const SECTIONS = [
	{ section: 'Risks', row: 'Supplier insolvency' },
	{ section: 'Actions', row: 'Send the minutes' },
	{ section: 'Milestones', row: 'Beta release' },
	{ section: 'People', row: 'Priya Shah' }
] as const;

/** A board with a row in every section, opened by an editor on a screen `width` wide. */
async function boardWithRows(
	browser: Browser,
	baseURL: string | undefined,
	width: number
): Promise<{ page: Page; editLink: string; viewLink: string }> {
	const page = await newPerson(browser, 'Ada', { viewport: { width, height: 844 } });
	const { editLink, viewLink } = await createKickoffBoardIn(page);
	await writeAsPeer(baseURL ?? '', editLink, (doc) => {
		const owner = addPerson(doc, { name: 'Priya Shah' });
		addPerson(doc, { name: 'Tom Lee' });
		addRisk(doc, { title: 'Supplier insolvency', owner, likelihood: 4, impact: 4 });
		addRisk(doc, { title: 'Scope creep' });
		addAction(doc, { title: 'Send the minutes', owner, due: '2031-02-03' });
		addAction(doc, { title: 'Book the lab' });
		addMilestone(doc, { title: 'Beta release', due: '2031-03-01', owner });
	});
	return { page, editLink, viewLink };
}

/** Opens each section's row menu in `colorScheme`; `check` looks at the open menu. */
async function eachOpenMenu(
	page: Page,
	colorScheme: 'light' | 'dark',
	check: (section: string, row: string) => Promise<void>
): Promise<void> {
	await page.emulateMedia({ colorScheme });
	for (const { section, row } of SECTIONS) {
		await openSection(page, section);
		await openRowMenu(page, row);
		await check(section, row);
		await page.keyboard.press('Escape');
		await expect(rowMenuButton(page, row)).toBeFocused();
	}
}

test.describe('row menus: who sees them, and how they look to everyone', () => {
	test('a viewer sees no row menu in any section', async ({ browser, baseURL }) => {
		const { viewLink } = await boardWithRows(browser, baseURL, 1280);
		const viewer = await openInNewBrowser(browser, viewLink, 'Sam');
		for (const { section, row } of SECTIONS) {
			await openSection(viewer, section);
			const fields = viewer.getByRole('main').locator('input, textarea');
			await expect
				.poll(() =>
					fields.evaluateAll(
						(elements, title) =>
							elements.some((element) => (element as HTMLInputElement).value === title),
						row
					)
				)
				.toBe(true);
			await expect(viewer.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
		}
		// The mitigation still opens for a viewer, from its own button.
		await openSection(viewer, 'Risks');
		await viewer.getByRole('button', { name: 'Details of Supplier insolvency' }).click();
		await expect(
			viewer.getByRole('textbox', { name: 'Mitigation of Supplier insolvency' })
		).toBeVisible();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`on a laptop an open row menu has no serious accessibility violation (${colorScheme})`, async ({
			browser,
			baseURL
		}) => {
			const { page } = await boardWithRows(browser, baseURL, 1280);
			await eachOpenMenu(page, colorScheme, async (section) => {
				expect(await seriousAxeViolations(page), section).toEqual([]);
			});
		});

		test(`on a phone the row menu button is a 44px target and the open menu is on screen and accessible (${colorScheme})`, async ({
			browser,
			baseURL
		}) => {
			const { page } = await boardWithRows(browser, baseURL, 390);
			await eachOpenMenu(page, colorScheme, async (section, row) => {
				const button = await rowMenuButton(page, row).boundingBox();
				expect(button?.width, `${section} button`).toBeGreaterThanOrEqual(44);
				expect(button?.height, `${section} button`).toBeGreaterThanOrEqual(44);
				const menu = await rowMenu(page, row).boundingBox();
				const viewport = page.viewportSize() ?? { width: 0, height: 0 };
				expect(menu, `${section} menu`).not.toBeNull();
				if (!menu) return;
				expect(menu.x, `${section} menu`).toBeGreaterThanOrEqual(0);
				expect(menu.y, `${section} menu`).toBeGreaterThanOrEqual(0);
				expect(menu.x + menu.width, `${section} menu`).toBeLessThanOrEqual(viewport.width);
				expect(menu.y + menu.height, `${section} menu`).toBeLessThanOrEqual(viewport.height);
				expect(await seriousAxeViolations(page), section).toEqual([]);
			});
		});
	}
});
