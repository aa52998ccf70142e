import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoardIn, newPerson, openInNewBrowser } from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';

// The bar on every page: the product mark, a switcher of the boards this browser knows, help and
// the profile menu; and the board header's tools, tabs with icons and undo/redo as icon buttons.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

function appBar(page: Page) {
	return page.getByRole('banner').first();
}

async function renameBoard(page: Page, title: string): Promise<void> {
	const field = page.getByRole('textbox', { name: 'Board title' });
	await field.fill(title);
	await field.press('Enter');
	await expect(field).toHaveValue(title);
}

test.describe('the app bar', () => {
	test('the board switcher lists this browser’s boards, marks the open one and opens another by keyboard', async ({
		browser
	}) => {
		const ada = await newPerson(browser, 'Ada');
		await createKickoffBoardIn(ada);
		await renameBoard(ada, 'Payments migration');
		const { boardPath: second } = await createKickoffBoardIn(ada);
		await renameBoard(ada, 'Data centre exit');

		await appBar(ada).getByRole('button', { name: 'Boards' }).click();
		const menu = ada.getByRole('menu');
		await expect(menu.getByRole('menuitem', { name: /Payments migration/ })).toBeVisible();
		const open = menu.getByRole('menuitem', { name: /Data centre exit/ });
		await expect(open).toHaveAttribute('aria-current', 'page');
		await expect(open).toContainText('(open)');
		await ada.keyboard.press('Escape');
		await expect(menu).toBeHidden();
		await expect(appBar(ada).getByRole('button', { name: 'Boards' })).toBeFocused();

		// Keyboard only: open, go to the other board, Enter.
		await ada.keyboard.press('Enter');
		await expect(menu).toBeVisible();
		await ada.keyboard.press('ArrowDown');
		await expect(menu.getByRole('menuitem', { name: /Payments migration/ })).toBeFocused();
		await ada.keyboard.press('Enter');
		await expect(ada.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Payments migration'
		);
		expect(new URL(ada.url()).pathname).not.toBe(second);

		await appBar(ada).getByRole('button', { name: 'Boards' }).click();
		await ada.getByRole('menuitem', { name: 'All boards, or a new one' }).click();
		await expect(ada.getByRole('button', { name: /New kickoff board/ })).toBeVisible();
	});

	test('the profile menu renames you, and the others see the new name at once', async ({
		browser
	}) => {
		const ada = await newPerson(browser, 'Ada Lovelace');
		const { editLink } = await createKickoffBoardIn(ada);
		const grace = await openInNewBrowser(browser, editLink, 'Grace Hopper');
		const others = grace.getByRole('list', { name: 'People on this board' });
		await expect(others).toContainText('Ada Lovelace');

		const profile = appBar(ada).getByRole('button', { name: 'Your profile: Ada Lovelace' });
		await expect(profile).toHaveText('AL');
		await profile.click();
		await expect(ada.getByRole('menu')).toContainText('Others see you as Ada Lovelace.');
		// Escape from the dialog, then the menu opens it again (a closed dialog was left mounted).
		await ada.getByRole('menuitem', { name: 'Edit profile…' }).click();
		const dialog = ada.getByRole('dialog', { name: 'Your profile' });
		await expect(dialog).toBeVisible();
		await ada.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await profile.click();
		await ada.getByRole('menuitem', { name: 'Edit profile…' }).click();
		await expect(dialog).toBeVisible();
		await dialog.getByLabel('Your name').fill('Ada King');
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect(dialog).toBeHidden();

		await expect(appBar(ada).getByRole('button', { name: 'Your profile: Ada King' })).toHaveText(
			'AK'
		);
		await expect(others).toContainText('Ada King');
		await expect(others).not.toContainText('Ada Lovelace');
	});

	test('help explains the meeting and the keyboard, closes on Escape and gives focus back', async ({
		browser
	}) => {
		const ada = await newPerson(browser, 'Ada');
		await createKickoffBoardIn(ada);
		const help = appBar(ada).getByRole('button', { name: 'Help' });
		await help.click();
		const dialog = ada.getByRole('dialog', { name: 'Using Charter' });
		await expect(dialog.getByRole('heading', { name: 'Keyboard' })).toBeVisible();
		await expect(dialog).toContainText('Undo your last change');
		await expect(dialog).toContainText('Formatting toolbar');
		await ada.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(help).toBeFocused();
		// Closed, its words are not in the page (they would stand in for the page's own).
		await expect(ada.getByText('Using Charter')).toHaveCount(0);
	});

	test('tabs carry an icon beside their name and group related sections; undo and redo are named icon buttons', async ({
		browser
	}) => {
		const ada = await newPerson(browser, 'Ada');
		await createKickoffBoardIn(ada);
		const nav = ada.getByRole('navigation', { name: 'Board sections' });
		const names = async () => (await nav.getByRole('link').allInnerTexts()).map((n) => n.trim());
		expect(await names()).toEqual(['Overview', 'Charter', 'Plan', 'Team', 'Follow-up', 'Versions']);
		for (const tab of await nav.getByRole('link').all())
			await expect(tab.locator('svg')).toHaveCount(1);

		// A group's tab opens its first section and shows its sections in a second row.
		await nav.getByRole('link', { name: 'Team' }).click();
		await expect(ada).toHaveURL(/\/people$/);
		const team = nav.getByRole('list', { name: 'Team' });
		expect((await team.getByRole('link').allInnerTexts()).slice(0, 1)).toEqual(['People']);
		await expect(team.getByRole('link', { name: 'RACI' })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Team' })).toHaveAttribute('aria-current', 'true');
		await team.getByRole('link', { name: 'RACI' }).click();
		await expect(team.getByRole('link', { name: 'RACI' })).toHaveAttribute('aria-current', 'page');
		// Away and back: the group's tab returns to the section last open in it.
		await nav.getByRole('link', { name: 'Overview' }).click();
		await expect(nav.getByRole('list', { name: 'Team' })).toHaveCount(0);
		await nav.getByRole('link', { name: 'Team' }).click();
		await expect(ada).toHaveURL(/\/raci$/);

		const undo = ada.getByRole('button', { name: 'Undo' });
		await expect(undo.locator('svg')).toHaveCount(1);
		await expect(undo).toBeDisabled();
		await renameBoard(ada, 'Renamed');
		await expect(undo).toBeEnabled();
		await undo.click();
		await expect(ada.getByRole('textbox', { name: 'Board title' })).toHaveValue('Project kickoff');
		await ada.getByRole('button', { name: 'Redo' }).click();
		await expect(ada.getByRole('textbox', { name: 'Board title' })).toHaveValue('Renamed');
	});

	test('on a phone the app bar and the board’s tools each fit on one line', async ({ browser }) => {
		const ada = await newPerson(browser, 'Ada', PHONE);
		const { editLink } = await createKickoffBoardIn(ada);
		// Three more people here: the avatars take their room too.
		for (const name of ['Grace', 'Tom Okafor', 'Priya Nair'])
			await openInNewBrowser(browser, editLink, name);
		await expect(ada.getByRole('list', { name: 'People on this board' }).locator('li')).toHaveCount(
			4
		);
		const top = async (selector: string) => (await ada.locator(selector).first().boundingBox())!.y;
		const share = await top('summary:has-text("Share")');
		expect(await top('summary:has-text("Export")')).toBe(share);
		expect(
			Math.abs((await ada.getByRole('button', { name: 'Undo' }).boundingBox())!.y - share)
		).toBeLessThan(8);
		const bar = (await appBar(ada).boundingBox())!;
		for (const control of [
			appBar(ada).getByRole('button', { name: 'Boards' }),
			appBar(ada).getByRole('button', { name: 'Help' }),
			appBar(ada).getByRole('button', { name: /Your profile/ })
		]) {
			const box = (await control.boundingBox())!;
			expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
		}
		expect(await ada.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	});

	for (const [device, options] of [
		['laptop', { viewport: { width: 1280, height: 800 } }],
		['phone', PHONE]
	] as const) {
		// Both schemes on a laptop, the dark one on a phone, as in the accessibility sweep.
		for (const colorScheme of device === 'phone'
			? (['dark'] as const)
			: (['light', 'dark'] as const)) {
			test(`its menus and help have no serious accessibility violation on a ${device}, ${colorScheme}`, async ({
				browser
			}) => {
				const ada = await newPerson(browser, 'Ada', { ...options, colorScheme });
				await createKickoffBoardIn(ada);
				await appBar(ada).getByRole('button', { name: 'Boards' }).click();
				await expect(ada.getByRole('menu')).toBeVisible();
				// Each run checks the whole page: the board behind the menu too.
				expect(await seriousAxeViolations(ada), 'board switcher').toEqual([]);
				await ada.keyboard.press('Escape');
				await appBar(ada)
					.getByRole('button', { name: /Your profile/ })
					.click();
				await expect(ada.getByRole('menu')).toBeVisible();
				expect(await seriousAxeViolations(ada), 'profile menu').toEqual([]);
				await ada.keyboard.press('Escape');
				await appBar(ada).getByRole('button', { name: 'Help' }).click();
				await expect(ada.getByRole('dialog', { name: 'Using Charter' })).toBeVisible();
				expect(await seriousAxeViolations(ada), 'help').toEqual([]);
			});
		}
	}
});
