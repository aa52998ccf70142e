import { expect, test } from './fixtures.ts';
import { caretAtEnd, charterField, charterSection, openCharter } from './charter-helpers.ts';
import { createKickoffBoard, openInNewBrowser } from './helpers.ts';

// Markdown typed in a charter section becomes its formats, for the writer and for everyone.

test('Markdown shortcuts make headings, lists, bold and italic, and the others see them', async ({
	browser
}) => {
	const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	for (const page of [ada, grace]) await openCharter(page);

	await caretAtEnd(ada, 'Objectives');
	await ada.keyboard.type('## Goals for Q3');
	await ada.keyboard.press('Enter');
	await ada.keyboard.type('- Cut running costs by **20%** this year');
	await ada.keyboard.press('Enter');
	await ada.keyboard.type('Move every merchant');
	await ada.keyboard.press('Enter');
	await ada.keyboard.press('Enter');
	await ada.keyboard.type('1. Pilot with *three* merchants');

	for (const page of [ada, grace]) {
		const field = charterField(page, 'Objectives');
		await expect(field.locator('h2')).toHaveText('Goals for Q3');
		await expect(field.locator('ul > li')).toHaveText([
			'Cut running costs by 20% this year',
			'Move every merchant'
		]);
		await expect(field.locator('ul strong')).toHaveText('20%');
		await expect(field.locator('ol > li')).toHaveText('Pilot with three merchants');
		await expect(field.locator('ol em')).toHaveText('three');
	}
	// The toolbar knows the formats the shortcuts made.
	await ada.keyboard.press('Home');
	await expect(
		charterSection(ada, 'Objectives').getByRole('button', { name: 'Numbered list' })
	).toHaveAttribute('aria-pressed', 'true');
});
