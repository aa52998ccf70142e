import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';
import {
	caretAtEnd,
	charterField,
	charterSection,
	format,
	openCharter,
	peerCaret,
	writeLinkAsPeer
} from './charter-helpers.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';

/** Records every dialog (alert, confirm, prompt) the pages open; the test expects none. */
function recordDialogs(...pages: Page[]): string[] {
	const dialogs: string[] = [];
	for (const page of pages) {
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
	}
	return dialogs;
}

test.describe('the charter, co-edited', () => {
	test('two people write a section both ways, with a bullet list and a link, and see each other there', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openCharter(ada);
		await openCharter(grace);

		await caretAtEnd(ada, 'Background');
		await ada.keyboard.type('We replace the legacy billing system.');
		await expect(charterField(grace, 'Background')).toHaveText(
			'We replace the legacy billing system.'
		);
		await caretAtEnd(grace, 'Background');
		await grace.keyboard.type(' It costs too much to run.');
		await expect(charterField(ada, 'Background')).toHaveText(
			'We replace the legacy billing system. It costs too much to run.'
		);

		await caretAtEnd(grace, 'Objectives');
		await format(grace, 'Objectives', 'Bulleted list');
		await grace.keyboard.type('Cut running costs by 20%');
		await expect(charterField(grace, 'Objectives').getByRole('listitem')).toHaveText(
			'Cut running costs by 20%'
		);
		await grace.keyboard.press('Enter');
		await grace.keyboard.type('Plan: ');
		await format(grace, 'Objectives', 'Link');
		await grace.getByRole('textbox', { name: 'Link address' }).fill('https://example.com/plan');
		await grace.getByRole('button', { name: 'Add link' }).click();

		const adaObjectives = charterField(ada, 'Objectives');
		await expect(adaObjectives.getByRole('listitem')).toHaveText([
			'Cut running costs by 20%',
			'Plan: https://example.com/plan'
		]);
		await expect(
			adaObjectives.getByRole('link', { name: 'https://example.com/plan' })
		).toHaveAttribute('href', 'https://example.com/plan');

		// Grace is still in Objectives: Ada sees her marker and her caret there, and only there.
		await expect(charterSection(ada, 'Objectives').getByText('Grace editing')).toBeAttached();
		await expect(peerCaret(ada, 'Objectives', 'Grace')).toBeVisible();
		await expect(peerCaret(ada, 'Background', 'Grace')).toHaveCount(0);

		await caretAtEnd(ada, 'Objectives');
		await ada.keyboard.press('Enter');
		await ada.keyboard.press('Control+b');
		await ada.keyboard.type('Keep support load flat');
		const graceObjectives = charterField(grace, 'Objectives');
		await expect(graceObjectives.getByRole('listitem')).toHaveCount(3);
		await expect(graceObjectives.getByRole('listitem').nth(2)).toHaveText('Keep support load flat');
		await expect(graceObjectives.locator('.rt-bold')).toHaveText('Keep support load flat');
		await expect(peerCaret(grace, 'Objectives', 'Ada')).toBeVisible();

		// Leaving the field, then closing the tab, takes the caret and the marker away.
		await grace.getByRole('textbox', { name: 'Board title' }).click();
		await expect(peerCaret(ada, 'Objectives', 'Grace')).toHaveCount(0);
		await expect(charterSection(ada, 'Objectives').getByText('Grace editing')).toHaveCount(0);
		await caretAtEnd(grace, 'Constraints');
		await grace.keyboard.type('Fixed budget');
		await expect(peerCaret(ada, 'Constraints', 'Grace')).toBeVisible();
		await grace.context().close();
		await expect(peerCaret(ada, 'Constraints', 'Grace')).toHaveCount(0);
	});

	test('a section shows its content once after navigating away and back, and editing goes on', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		await openCharter(ada);
		await caretAtEnd(ada, 'In scope');
		await format(ada, 'In scope', 'Bulleted list');
		await ada.keyboard.type('Web checkout');
		await ada.keyboard.press('Enter');
		await ada.keyboard.type('Mobile app');

		// Opened after the content exists: the field is loaded, not empty.
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openCharter(grace);
		await expect(charterField(grace, 'In scope').getByRole('listitem')).toHaveText([
			'Web checkout',
			'Mobile app'
		]);

		await openSection(ada, 'Risks');
		await openCharter(ada);
		const adaScope = charterField(ada, 'In scope');
		await expect(adaScope.getByRole('listitem')).toHaveText(['Web checkout', 'Mobile app']);

		await caretAtEnd(ada, 'In scope');
		await ada.keyboard.press('Enter');
		await ada.keyboard.type('Admin console');
		const expected = ['Web checkout', 'Mobile app', 'Admin console'];
		await expect(adaScope.getByRole('listitem')).toHaveText(expected);
		await expect(charterField(grace, 'In scope').getByRole('listitem')).toHaveText(expected);

		await ada.reload();
		await openCharter(ada);
		await expect(charterField(ada, 'In scope').getByRole('listitem')).toHaveText(expected);
	});

	test('Ctrl+Z in a section undoes only your own typing, and Ctrl+Shift+Z brings it back', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openCharter(ada);
		await openCharter(grace);

		await caretAtEnd(grace, 'Assumptions');
		await grace.keyboard.type('Vendors deliver on time.');
		await expect(charterField(ada, 'Assumptions')).toHaveText('Vendors deliver on time.');
		await caretAtEnd(ada, 'Assumptions');
		await ada.keyboard.type(' Legal signs off in May.');
		await expect(charterField(grace, 'Assumptions')).toHaveText(
			'Vendors deliver on time. Legal signs off in May.'
		);

		await ada.keyboard.press('Control+z');
		await expect(charterField(grace, 'Assumptions')).toHaveText('Vendors deliver on time.');
		await expect(charterField(ada, 'Assumptions')).toHaveText('Vendors deliver on time.');
		await ada.keyboard.press('Control+Shift+z');
		await expect(charterField(grace, 'Assumptions')).toHaveText(
			'Vendors deliver on time. Legal signs off in May.'
		);
	});

	test('a viewer reads the charter but cannot change it', async ({ browser }) => {
		const { page: owner, viewLink } = await createKickoffBoard(browser, 'Ada');
		await openCharter(owner);
		await caretAtEnd(owner, 'Success criteria');
		await owner.keyboard.type('Checkout conversion stays above 3%');

		const viewer = await openInNewBrowser(browser, viewLink, 'Sam');
		const errors: string[] = [];
		viewer.on('pageerror', (error) => errors.push(error.message));
		await openCharter(viewer);
		const field = charterField(viewer, 'Success criteria');
		await expect(field).toHaveText('Checkout conversion stays above 3%');
		await expect(field).toHaveAttribute('contenteditable', 'false');
		await expect(field).toHaveAttribute('aria-readonly', 'true');
		await expect(viewer.getByRole('toolbar')).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: 'Bold' })).toHaveCount(0);

		await field.click();
		await viewer.keyboard.type('Hijacked');
		await viewer.keyboard.press('Control+z');
		await viewer.keyboard.press('Enter');
		await expect(field).toHaveText('Checkout conversion stays above 3%');
		await expect(charterField(owner, 'Success criteria')).toHaveText(
			'Checkout conversion stays above 3%'
		);
		expect(errors).toEqual([]);
	});

	test('hostile text and links are shown as text and run nothing', async ({ browser, baseURL }) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		const dialogs = recordDialogs(ada, grace);
		await openCharter(ada);
		await openCharter(grace);

		const hostile = '<img src=x onerror=alert(1)>';
		await caretAtEnd(ada, 'Assumptions');
		await ada.keyboard.type(hostile);
		await expect(charterField(grace, 'Assumptions')).toHaveText(hostile);
		await expect(charterField(grace, 'Assumptions').locator('img')).toHaveCount(0);

		// The link form refuses a javascript: address and says what it accepts.
		await format(ada, 'Assumptions', 'Link');
		await ada.getByRole('textbox', { name: 'Link address' }).fill('javascript:alert(1)');
		await ada.getByRole('button', { name: 'Add link' }).click();
		await expect(charterSection(ada, 'Assumptions').getByRole('alert')).toContainText(
			'https://, http:// or mailto:'
		);
		await ada.getByRole('button', { name: 'Cancel' }).click();
		await expect(charterField(ada, 'Assumptions').locator('a')).toHaveCount(0);

		// Pasted HTML keeps no unsafe link and no image: the link's text stays, as text.
		await caretAtEnd(ada, 'Constraints');
		await charterField(ada, 'Constraints').evaluate((element) => {
			const data = new DataTransfer();
			data.setData(
				'text/html',
				'<a href="javascript:alert(1)">Budget</a><img src=x onerror=alert(1)>'
			);
			data.setData('text/plain', 'Budget is fixed');
			element.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
			);
		});
		await expect(charterField(grace, 'Constraints')).toHaveText('Budget');
		await expect(charterField(grace, 'Constraints').locator('a, img')).toHaveCount(0);

		// A modified client writes a javascript: link straight into the shared document.
		await writeLinkAsPeer(baseURL ?? '', editLink, 'background', 'javascript:alert(1)');
		const planLink = charterField(grace, 'Background').locator('a', { hasText: 'Open the plan' });
		await expect(planLink).toBeVisible();
		await expect(planLink).not.toHaveAttribute('href', /.*/);
		await planLink.click();
		await charterField(ada, 'Background').locator('a', { hasText: 'Open the plan' }).click();
		await expect(grace).toHaveURL(/\/charter$/);
		await expect(ada).toHaveURL(/\/charter$/);
		expect(dialogs).toEqual([]);
	});

	// One test for each of the two people, so each runs one axe scan after the same set-up.
	for (const [index, who] of ['the writer', 'a co-editor beside them'].entries()) {
		test(`the charter with content has no serious or critical accessibility violation, for ${who}`, async ({
			browser
		}) => {
			const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
			const grace = await openInNewBrowser(browser, editLink, 'Grace');
			await openCharter(ada);
			await openCharter(grace);
			await caretAtEnd(ada, 'Background');
			await format(ada, 'Background', 'Heading');
			await ada.keyboard.type('Why now');
			await ada.keyboard.press('Enter');
			await ada.keyboard.type('Costs grow every quarter.');
			await caretAtEnd(ada, 'Objectives');
			await format(ada, 'Objectives', 'Numbered list');
			await ada.keyboard.type('Move every customer');
			await format(ada, 'Objectives', 'Link');
			await ada.getByRole('textbox', { name: 'Link address' }).fill('example.com/migration');
			await ada.getByRole('button', { name: 'Add link' }).click();
			await caretAtEnd(grace, 'Objectives');
			await expect(peerCaret(ada, 'Objectives', 'Grace')).toBeVisible();

			const results = await new AxeBuilder({ page: [ada, grace][index]! }).analyze();
			const severe = results.violations.filter(
				(violation) => violation.impact === 'serious' || violation.impact === 'critical'
			);
			expect(severe.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
		});
	}
});
