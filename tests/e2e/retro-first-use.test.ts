import { expect, test, type Page } from './fixtures.ts';
import { newPerson, openSection } from './helpers.ts';
import {
	advance,
	button,
	createRetroBoardIn,
	joinRetro,
	retroCard,
	writeCard
} from './retro-helpers.ts';

// What a new user met running their first retro: where the board opens, what it shows, and the
// facilitator's view of the phases.

const sectionNames = (page: Page) =>
	page.getByRole('navigation', { name: 'Board sections' }).getByRole('link').allTextContents();

test('a retro board opens on its Retrospective for everyone and shows only what a retro needs', async ({
	browser
}) => {
	const ada = await newPerson(browser, 'Ada');
	// createRetroBoardIn and joinRetro assert the landing on /retro without a click.
	const { editLink } = await createRetroBoardIn(ada);
	expect(await sectionNames(ada)).toEqual(['Retrospective', 'Actions', 'People', 'Versions']);
	const bob = await joinRetro(browser, editLink, 'Bob');
	expect(await sectionNames(bob)).toEqual(['Retrospective', 'Actions', 'People', 'Versions']);
	await expect(bob.getByLabel('New card in Start')).toBeVisible();
});

test('the facilitator sees who is still voting, revealed cards stay when writing resumes, and owners come from the retro', async ({
	browser
}) => {
	const ada = await newPerson(browser, 'Ada');
	const { editLink } = await createRetroBoardIn(ada);
	const bob = await joinRetro(browser, editLink, 'Bob');
	await writeCard(bob, 'Stop', 'Long release freezes');
	await writeCard(ada, 'Start', 'Pair on reviews');
	await advance(ada, 'reveal', bob);
	await expect(retroCard(bob, 'Pair on reviews')).toBeVisible();

	// Back to writing: what was revealed stays on the board, and new cards can be written.
	await button(ada, /Back to write/).click();
	for (const page of [ada, bob]) {
		const revealed = page.getByRole('region', { name: 'Cards already revealed' });
		await expect(revealed.getByText('Long release freezes', { exact: true })).toBeVisible();
		await expect(revealed.getByText('Pair on reviews', { exact: true })).toBeVisible();
	}
	await writeCard(bob, 'Continue', 'Demo on Fridays');
	await advance(ada, 'reveal', bob);
	await expect(retroCard(ada, 'Demo on Fridays')).toBeVisible();

	// Grouping says how: drag and drop.
	await advance(ada, 'group', bob);
	await expect(bob.getByText(/Drag a card onto another/)).toBeVisible();

	// Voting: the facilitator sees the progress, by name.
	await advance(ada, 'vote', bob);
	const progress = ada.getByText(/have used all their votes/);
	await expect(progress).toHaveText('0 of 2 have used all their votes · still voting: you, Bob');
	await expect(bob.getByText(/have used all their votes/)).toHaveCount(0);
	for (let i = 0; i < 3; i++) await button(bob, 'Vote for “Long release freezes”').click();
	await expect(progress).toHaveText('1 of 2 have used all their votes · still voting: you');

	// An action owned by Bob, who is a participant but not yet one of the board's People.
	await advance(ada, 'discuss', bob);
	await button(ada, 'Create an action').first().click();
	const form = ada.getByRole('form', { name: /New action from/ });
	await form.getByRole('textbox', { name: 'Action title' }).fill('Shorten the freeze to two days');
	const owner = form.getByRole('combobox', { name: 'Owner of the action' });
	await expect(owner.locator('optgroup[label^="In this retro"] option')).toHaveText(['Ada', 'Bob']);
	await owner.selectOption({ label: 'Bob' });
	await form.getByLabel('Due').fill('2030-03-01');
	await form.getByRole('button', { name: 'Add action' }).click();
	for (const page of [ada, bob])
		await expect(page.getByRole('list', { name: 'Actions from this item' })).toHaveText(
			/Action\s*Shorten the freeze to two days — Bob · due (Mar 1, 2030|1 Mar 2030)/
		);
	await openSection(bob, 'People');
	await expect(bob.getByRole('button', { name: /^Colour of / })).toHaveCount(1);
	await expect(bob.getByRole('button', { name: /^Colour of Bob/ })).toBeVisible();
});
