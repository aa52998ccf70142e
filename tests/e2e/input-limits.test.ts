import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoardIn, newPerson, openInNewBrowser, openSection } from './helpers.ts';
import { addRiskByForm, riskTitles } from './risks-helpers.ts';

// A field takes no more than the board keeps, and whatever is not kept is said, never dropped
// in silence: a paste longer than the limit, a name cleared and left.

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** Pastes `text` into the focused field through the system clipboard, as Ctrl+V does. */
async function paste(page: Page, text: string): Promise<void> {
	await page.evaluate((value) => navigator.clipboard.writeText(value), text);
	await page.keyboard.press('ControlOrMeta+V');
}

// 5,000 characters of words, as a long document pasted by mistake would be.
const LONG = Array.from({ length: 1000 }, (_, i) => `w${String(i).padStart(3, '0')}`).join(' ');

test('a pasted 5,000-character title keeps its first 200 characters, says so, and stays after leaving the field', async ({
	browser
}) => {
	expect(LONG.length).toBeGreaterThanOrEqual(4999);
	const ada = await newPerson(browser, 'Ada', CLIPBOARD);
	const { editLink } = await createKickoffBoardIn(ada);
	await openSection(ada, 'Risks');

	// The "New risk" field.
	await ada.getByLabel('New risk').focus();
	await paste(ada, LONG);
	await expect(ada.getByLabel('New risk')).toHaveValue(LONG.slice(0, 200));
	await expect(ada.getByRole('status').filter({ hasText: 'pasted' })).toHaveText(
		'A risk title has at most 200 characters: only the first 200 of the 4,999 characters you pasted were kept.'
	);
	await ada.getByRole('button', { name: 'Add risk' }).click();
	await expect.poll(() => riskTitles(ada)).toEqual([LONG.slice(0, 200).trim()]);

	// A risk's own title, in place: 190 characters typed, then the paste.
	await addRiskByForm(ada, 'Vendor delay');
	const title = ada.getByRole('textbox', { name: 'Risk title' }).nth(1);
	await title.click();
	await title.press('End');
	await title.pressSequentially(' and more');
	await paste(ada, LONG);
	const kept = `Vendor delay and more${LONG}`.slice(0, 200);
	await expect(title).toHaveValue(kept);
	await expect(ada.getByRole('status').filter({ hasText: 'pasted' })).toHaveText(
		'A risk title has at most 200 characters: only the first 179 of the 4,999 characters you pasted were kept.'
	);
	await title.press('Tab');
	await expect(title).toHaveValue(kept);

	// Another browser has what the field shows, whole.
	const bob = await openInNewBrowser(browser, editLink, 'Bob');
	await openSection(bob, 'Risks');
	await expect.poll(() => riskTitles(bob)).toEqual([LONG.slice(0, 200).trim(), kept]);
});

test('a name cleared and left is put back, and the field says why', async ({ browser }) => {
	const ada = await newPerson(browser, 'Ada');
	await createKickoffBoardIn(ada);
	await openSection(ada, 'People');
	await ada.getByLabel('New person').fill('Maria González');
	await ada.getByLabel('New person').press('Enter');
	const name = ada.getByRole('textbox', { name: 'Name', exact: true });
	await expect(name).toHaveValue('Maria González');

	await name.fill('');
	await expect(ada.getByRole('alert').filter({ hasText: 'needs a name' })).toHaveText(
		'A person needs a name.'
	);
	await name.press('Tab');
	await expect(name).toHaveValue('Maria González');
	await expect(ada.getByRole('status').filter({ hasText: 'put back' })).toHaveText(
		'A person needs a name. “Maria González” was put back.'
	);
});
