import { addPerson } from '../../src/lib/board/index.ts';
import { expect, test, type Page } from './fixtures.ts';
import { newPerson, openInNewBrowser } from './helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';

// "New blank board" makes a board with nothing on it, not a kickoff: its parts are added by
// the people using it, and a part that holds anything shows for everyone.

const sectionNames = (page: Page) =>
	page.getByRole('navigation', { name: 'Board sections' }).getByRole('link').allTextContents();

test('a blank board starts with no sections; one added, or one that holds anything, shows for everyone', async ({
	browser,
	baseURL
}) => {
	const ada = await newPerson(browser, 'Ada');
	await ada.goto('/');
	await ada.getByRole('button', { name: /New blank board/ }).click();
	await expect(ada.getByRole('textbox', { name: 'Board title' })).toHaveValue('Untitled board');
	expect(await sectionNames(ada)).toEqual(['Overview', 'Versions']);
	const parts = ada.getByRole('region', { name: 'A blank board: add the parts it needs' });
	await expect(parts.getByRole('button')).toHaveCount(11);

	await parts.getByRole('button', { name: /^Risks/ }).click();
	await expect(ada).toHaveURL(/\/risks$/);
	await expect(ada.getByLabel('New risk')).toBeVisible();
	expect(await sectionNames(ada)).toEqual(['Overview', 'Risks', 'Versions']);

	await ada.getByText('Share', { exact: true }).click();
	const editLink = await ada.getByLabel(/Edit link/).inputValue();
	const bob = await openInNewBrowser(browser, editLink, 'Bob');
	await expect.poll(() => sectionNames(bob)).toEqual(['Overview', 'Risks', 'Versions']);
	await expect(
		bob.getByRole('region', { name: 'Add a part to this board' }).getByRole('button')
	).toHaveCount(10);

	// Someone (here a peer without the page) adds a person: People shows, for both.
	await writeAsPeer(baseURL!, editLink, (doc) => addPerson(doc, { name: 'Grace' }));
	for (const page of [ada, bob])
		await expect
			.poll(() => sectionNames(page))
			.toEqual(['Overview', 'Risks', 'People', 'Versions']);
});
