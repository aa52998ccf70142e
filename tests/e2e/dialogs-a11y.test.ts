import { expect, test, type Page } from './fixtures.ts';
import { caretAtEnd, format, openCharter } from './charter-helpers.ts';
import { createKickoffBoardIn, newPerson, openInNewBrowser } from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';

// Every dialog and popover, open, has no serious or critical axe violation: light and dark on a
// laptop, dark on a phone (as in the accessibility sweep: the schemes' colours are the same on both
// screens, the phone adds its layout). One test per screen and scheme, so none uses much of its
// timeout.

const DEVICES = {
	laptop: { viewport: { width: 1280, height: 800 } },
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
} as const;

async function expectAccessible(page: Page, what: string): Promise<void> {
	expect(await seriousAxeViolations(page), what).toEqual([]);
}

for (const [device, options] of Object.entries(DEVICES)) {
	for (const colorScheme of device === 'phone'
		? (['dark'] as const)
		: (['light', 'dark'] as const)) {
		const as = `on a ${device}, ${colorScheme}`;

		test(`the profile, Share, Export and link dialogs have no serious accessibility violation ${as}`, async ({
			browser
		}) => {
			const ada = await newPerson(browser, 'Ada', { ...options, colorScheme });
			const { editLink } = await createKickoffBoardIn(ada);

			// Someone without a name opens the link: the profile dialog, then with its message.
			const page = await openInNewBrowser(browser, editLink, null);
			await page.emulateMedia({ colorScheme });
			await page.setViewportSize(options.viewport);
			const profile = page.getByRole('dialog', { name: 'Who are you?' });
			await expect(profile).toBeVisible();
			await expectAccessible(page, 'profile dialog');
			await profile.getByRole('button', { name: 'Save' }).click();
			await expect(profile.getByRole('alert')).toBeVisible();
			await expectAccessible(page, 'profile dialog with its message');
			await profile.getByLabel('Your name').fill('Grace');
			await profile.getByRole('button', { name: 'Save' }).click();
			await expect(profile).toBeHidden();

			await ada.getByText('Share', { exact: true }).click();
			await expect(ada.getByLabel(/Edit link/)).toBeVisible();
			await expectAccessible(ada, 'Share panel');
			await ada.keyboard.press('Escape');
			await ada.locator('summary', { hasText: 'Export' }).click();
			await expect(ada.getByRole('button', { name: /Markdown/ }).first()).toBeVisible();
			await expectAccessible(ada, 'Export menu');
			await ada.keyboard.press('Escape');

			await openCharter(ada);
			await caretAtEnd(ada, 'Objectives');
			await ada.keyboard.type('Plan');
			await ada.keyboard.press('Shift+Home');
			await format(ada, 'Objectives', 'Link');
			await expect(ada.getByRole('textbox', { name: 'Link address' })).toBeVisible();
			await expectAccessible(ada, 'link form');
		});

		test(`the import and remove-board dialogs have no serious accessibility violation ${as}`, async ({
			browser
		}) => {
			const page = await newPerson(browser, 'Ada', { ...options, colorScheme });
			await createKickoffBoardIn(page);
			await page.goto('/');
			await page.getByRole('button', { name: 'Import a board…' }).click();
			const dialog = page.getByRole('dialog', { name: 'Import a board' });
			await expect(dialog).toBeVisible();
			await expectAccessible(page, 'import dialog');
			await dialog.getByLabel('Charter JSON export').setInputFiles({
				name: 'not-a-board.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{"format":"something else"}')
			});
			await expect(dialog.getByRole('alert')).toBeVisible();
			await expectAccessible(page, 'import dialog listing what is wrong');
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();

			await page.getByRole('button', { name: /^Remove Project kickoff/ }).click();
			await expect(page.getByRole('dialog', { name: /^Remove “Project kickoff”/ })).toBeVisible();
			await expectAccessible(page, 'remove-board dialog');
		});
	}
}
