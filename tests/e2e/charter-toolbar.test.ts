import { expect, test, type Locator, type Page } from './fixtures.ts';
import {
	caretAtEnd,
	charterField,
	charterSection,
	formattingToolbar,
	openCharter
} from './charter-helpers.ts';
import {
	createKickoffBoard,
	createKickoffBoardIn,
	newPerson,
	openInNewBrowser
} from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';

// One floating toolbar per charter section, shown over the selection: by mouse, by keyboard
// (Alt+F10), never for a viewer, on screen on a phone, and steady while others type.

/** Types `text` into a charter section of `page`, from the end. */
async function write(page: Page, heading: string, text: string): Promise<void> {
	await caretAtEnd(page, heading);
	await page.keyboard.type(text);
}

/** The word `word` in a charter field, for the mouse. */
function wordIn(field: Locator, word: string): Locator {
	return field.getByText(word, { exact: false });
}

/** Double-clicks `word` in a field, selecting it as a person does, and returns its box. */
async function selectWord(page: Page, field: Locator, word: string) {
	const box = await field.evaluate((element, wanted) => {
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent?.indexOf(wanted) ?? -1;
			if (at < 0) continue;
			const range = document.createRange();
			range.setStart(node, at);
			range.setEnd(node, at + wanted.length);
			const rect = range.getBoundingClientRect();
			return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
		}
		return null;
	}, word);
	if (!box) throw new Error(`"${word}" is not in the field`);
	await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
	await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(word);
	return box;
}

/** The text selected in the page. */
function selectedText(page: Page): Promise<string | undefined> {
	return page.evaluate(() => getSelection()?.toString());
}

test.describe('the floating formatting toolbar', () => {
	test('selecting a word with the mouse shows the toolbar above it, and Bold reaches the other person', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openCharter(ada);
		await openCharter(grace);
		const field = charterField(ada, 'Background');
		const toolbar = formattingToolbar(ada, 'Background');

		await write(ada, 'Background', 'Costs grow every quarter');
		// A caret alone brings no toolbar, in this section or any other.
		await expect(ada.getByRole('toolbar')).toHaveCount(0);

		const word = await selectWord(ada, field, 'grow');
		await expect(toolbar).toBeVisible();
		await expect(ada.getByRole('toolbar')).toHaveCount(1);
		// It appeared without taking focus from the text, just above the word and over it.
		await expect(field).toBeFocused();
		const box = (await toolbar.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(word.y);
		expect(word.y - (box.y + box.height)).toBeLessThan(24);
		expect(box.x).toBeLessThan(word.x + word.width);
		expect(box.x + box.width).toBeGreaterThan(word.x);

		const bold = toolbar.getByRole('button', { name: 'Bold', exact: true });
		await expect(bold).toHaveAttribute('aria-pressed', 'false');
		await bold.click();
		await expect(bold).toHaveAttribute('aria-pressed', 'true');
		await expect(field).toBeFocused();
		expect(await selectedText(ada)).toBe('grow');
		await expect(charterField(grace, 'Background').locator('strong')).toHaveText('grow');
		await expect(charterField(grace, 'Background')).toHaveText('Costs grow every quarter');

		// A click that collapses the selection hides it; so does leaving the field.
		await wordIn(field, 'quarter').click();
		await expect(toolbar).toBeHidden();
		await selectWord(ada, field, 'every');
		await expect(toolbar).toBeVisible();
		await ada.getByRole('textbox', { name: 'Board title' }).click();
		await expect(toolbar).toBeHidden();
	});

	test('Alt+F10 reaches the toolbar from the keyboard, arrows move, Enter applies a heading and Escape returns', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openCharter(ada);
		await openCharter(grace);
		const field = charterField(ada, 'Objectives');
		const toolbar = formattingToolbar(ada, 'Objectives');

		await expect(field).toHaveAccessibleDescription(
			'Select text for formatting, or type # for a heading, - for a list, 1. for a numbered list; Alt+F10 for the toolbar.'
		);
		await write(ada, 'Objectives', 'Why now');
		await expect(toolbar).toHaveCount(0);

		// With only a caret, Alt+F10 still brings the toolbar, for the current line.
		await ada.keyboard.press('Alt+F10');
		const text = toolbar.getByRole('button', { name: 'Text', exact: true });
		await expect(text).toBeFocused();
		await expect(text).toHaveAttribute('aria-pressed', 'true');
		await ada.keyboard.press('ArrowRight');
		const heading = toolbar.getByRole('button', { name: 'Heading', exact: true });
		await expect(heading).toBeFocused();
		await expect(heading).toHaveAttribute('tabindex', '0');
		await expect(text).toHaveAttribute('tabindex', '-1');
		await ada.keyboard.press('Enter');
		await expect(heading).toHaveAttribute('aria-pressed', 'true');
		await expect(heading).toBeFocused();
		await expect(field.locator('h2')).toHaveText('Why now');
		await expect(charterField(grace, 'Objectives').locator('h2')).toHaveText('Why now');

		// Escape hides it and gives the text its caret back, where it was.
		await ada.keyboard.press('Escape');
		await expect(toolbar).toBeHidden();
		await expect(field).toBeFocused();
		await ada.keyboard.type('?');
		await expect(charterField(grace, 'Objectives').locator('h2')).toHaveText('Why now?');

		// A selection made with the keyboard shows it; Escape keeps the selection.
		await ada.keyboard.press('Shift+Home');
		await expect(toolbar).toBeVisible();
		await expect(field).toBeFocused();
		await ada.keyboard.press('Escape');
		await expect(toolbar).toBeHidden();
		await expect(field).toBeFocused();
		expect(await selectedText(ada)).toBe('Why now?');
		// Alt+F10 again, now for the selection: End reaches Link, and the arrows wrap around.
		await ada.keyboard.press('Alt+F10');
		await expect(text).toBeFocused();
		await ada.keyboard.press('End');
		await expect(toolbar.getByRole('button', { name: 'Link', exact: true })).toBeFocused();
		await ada.keyboard.press('ArrowRight');
		await expect(text).toBeFocused();
		await ada.keyboard.press('ArrowLeft');
		await ada.keyboard.press('ArrowLeft');
		await ada.keyboard.press('ArrowLeft');
		await expect(toolbar.getByRole('button', { name: 'Bulleted list', exact: true })).toBeFocused();
		await ada.keyboard.press('ArrowLeft');
		await ada.keyboard.press('Space');
		await expect(field.locator('em')).toHaveText('Why now?');
		await expect(charterField(grace, 'Objectives').locator('h2 em')).toHaveText('Why now?');
	});

	test('a viewer never gets the toolbar', async ({ browser }) => {
		const { page: ada, viewLink } = await createKickoffBoard(browser, 'Ada');
		await openCharter(ada);
		await write(ada, 'In scope', 'Web checkout only');
		const viewer = await openInNewBrowser(browser, viewLink, 'Sam');
		await openCharter(viewer);
		const field = charterField(viewer, 'In scope');
		await expect(field).toHaveText('Web checkout only');
		await selectWord(viewer, field, 'checkout');
		await viewer.keyboard.press('Alt+F10');
		await viewer.keyboard.press('Control+k');
		await expect(viewer.getByRole('toolbar')).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: 'Bold' })).toHaveCount(0);
		await expect(field).not.toHaveAttribute('aria-describedby', /.*/);
	});

	test('on a 390px phone the toolbar stays on screen at either edge of the text', async ({
		browser
	}) => {
		const ada = await newPerson(browser, 'Ada', {
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		await createKickoffBoardIn(ada);
		await openCharter(ada);
		const field = charterField(ada, 'Constraints');
		const toolbar = formattingToolbar(ada, 'Constraints');
		await write(ada, 'Constraints', 'Budget fixed for the whole year, no extensions');
		for (const word of ['Budget', 'extensions']) {
			await selectWord(ada, field, word);
			await expect(toolbar).toBeVisible();
			await expect(toolbar).toBeInViewport({ ratio: 1 });
			const box = (await toolbar.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
		}
		// The link form opens inside the toolbar, also fully on screen.
		await toolbar.getByRole('button', { name: 'Link', exact: true }).click();
		const address = ada.getByRole('textbox', { name: 'Link address' });
		await expect(address).toBeFocused();
		const panel = ada.locator('[data-field-toolbar="charter:constraints"]');
		await expect(panel).toBeInViewport({ ratio: 1 });
		await address.fill('https://example.com/budget');
		await ada.getByRole('button', { name: 'Add link' }).click();
		await expect(field.getByRole('link', { name: 'extensions' })).toHaveAttribute(
			'href',
			'https://example.com/budget'
		);
		await expect(field).toBeFocused();
	});

	for (const [device, options] of Object.entries({
		laptop: { viewport: { width: 1280, height: 800 } },
		phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
	})) {
		test(`with the toolbar open the charter has no serious accessibility violation, on a ${device}, light and dark`, async ({
			browser
		}) => {
			const ada = await newPerson(browser, 'Ada', options);
			await createKickoffBoardIn(ada);
			await openCharter(ada);
			await write(ada, 'Background', 'Costs grow every quarter');
			await selectWord(ada, charterField(ada, 'Background'), 'grow');
			await formattingToolbar(ada, 'Background').getByRole('button', { name: 'Bold' }).click();
			for (const colorScheme of ['light', 'dark'] as const) {
				await ada.emulateMedia({ colorScheme });
				await expect(formattingToolbar(ada, 'Background')).toBeVisible();
				expect(await seriousAxeViolations(ada), colorScheme).toEqual([]);
			}
		});
	}

	test('another person typing in the same section leaves the toolbar open and the selection standing', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openCharter(ada);
		await openCharter(grace);
		await write(ada, 'Background', 'Costs grow every quarter.');
		await expect(charterField(grace, 'Background')).toHaveText('Costs grow every quarter.');

		const field = charterField(ada, 'Background');
		const toolbar = formattingToolbar(ada, 'Background');
		await selectWord(ada, field, 'every');
		await expect(toolbar).toBeVisible();
		const before = await toolbar.boundingBox();

		await write(grace, 'Background', ' Support load grows too.');
		await grace.keyboard.press('Enter');
		await grace.keyboard.type('The vendor raises prices in May.');
		const expected =
			'Costs grow every quarter. Support load grows too.The vendor raises prices in May.';
		await expect(field).toHaveText(expected);
		await expect(charterSection(ada, 'Background').getByText('Grace editing')).toBeAttached();
		await expect(toolbar).toBeVisible();
		expect(await toolbar.boundingBox()).toEqual(before);
		expect(await selectedText(ada)).toBe('every');

		// The selection still stands: Italic formats exactly the word, for both.
		await toolbar.getByRole('button', { name: 'Italic', exact: true }).click();
		for (const page of [ada, grace]) {
			await expect(charterField(page, 'Background').locator('em')).toHaveText('every');
			await expect(charterField(page, 'Background')).toHaveText(expected);
		}
	});
});
