import { expect, test } from './fixtures.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { dragOnto } from './drag-helpers.ts';
import { expectOwner, pickOwner } from './picker-helpers.ts';
import {
	addPeople,
	addTasks,
	HOSTILE_NAME,
	peopleList,
	peopleOrder,
	columnHeaders,
	raciCell,
	raciGrid,
	seriousAxeViolations,
	taskHeader,
	watchDialogs
} from './raci-helpers.ts';
import { deleteRow, rowMenuButton } from './row-menu-helpers.ts';

test.describe('people', () => {
	test('people added, renamed, recoloured and reordered by one editor appear for the other', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await addPeople(alice, ['Ana', 'Ben', 'Cy']);
		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'People');
		await expect.poll(() => peopleOrder(bob)).toEqual(['Ana', 'Ben', 'Cy']);

		const ana = peopleList(alice).getByRole('listitem').first();
		await ana.getByRole('textbox', { name: 'Name' }).fill('Ana Souza');
		await ana.getByRole('textbox', { name: 'Role' }).fill('Product owner');
		await ana.getByRole('button', { name: /^Colour of Ana Souza/ }).click();
		await ana.getByRole('button', { name: 'Green', exact: true }).click();
		await expect(ana.getByRole('button', { name: /^Colour of Ana Souza/ })).toHaveAccessibleName(
			'Colour of Ana Souza: Green'
		);
		const bobAna = peopleList(bob).getByRole('listitem').first();
		await expect(bobAna.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana Souza');
		await expect(bobAna.getByRole('textbox', { name: 'Role' })).toHaveValue('Product owner');
		await bobAna.getByRole('button', { name: /^Colour of Ana Souza/ }).click();
		await expect(bobAna.getByRole('button', { name: 'Green', exact: true })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await bob.keyboard.press('Escape');

		// An emptied name is refused with a message, and the saved name comes back on leaving.
		const name = ana.getByRole('textbox', { name: 'Name' });
		await name.fill('');
		await expect(ana.getByRole('alert')).toHaveText('A person needs a name.');
		await name.blur();
		await expect(name).toHaveValue('Ana Souza');
		await expect(bobAna.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana Souza');

		// Keyboard: Alt+Up on Cy's grip (a plain arrow key does nothing); drag: Ben's grip to the top.
		await alice.getByRole('button', { name: 'Move Cy', exact: true }).focus();
		await alice.keyboard.press('ArrowUp');
		await alice.keyboard.press('Alt+ArrowUp');
		await expect(alice.getByRole('button', { name: 'Move Cy', exact: true })).toBeFocused();
		await expect.poll(() => peopleOrder(bob)).toEqual(['Ana Souza', 'Cy', 'Ben']);
		await expect(alice.getByRole('status').filter({ hasText: 'moved' })).toHaveText(
			'Cy moved to position 2 of 3.'
		);
		await dragOnto(
			bob,
			bob.getByRole('button', { name: 'Move Ben', exact: true }),
			peopleList(bob).getByRole('listitem').first()
		);
		await expect.poll(() => peopleOrder(alice)).toEqual(['Ben', 'Ana Souza', 'Cy']);

		// The RACI columns follow the people's order.
		await openSection(bob, 'RACI');
		await expect(bob.getByText('A RACI matrix says who does what.')).toBeVisible();
		await addTasks(bob, ['Plan']);
		await expect
			.poll(() => columnHeaders(bob))
			.toEqual(['Task', 'Ben', 'Ana Souza Product owner', 'Cy']);
	});

	test('removing a person who owns things warns first, then takes their RACI cells and leaves "(removed person)" as owner', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await addPeople(alice, ['Ana', 'Ben']);
		await openSection(alice, 'Milestones');
		await alice.getByLabel('New milestone', { exact: true }).fill('Beta');
		await alice.getByRole('button', { name: 'Add milestone' }).click();
		await pickOwner(alice, 'Beta', 'Ana');
		await addTasks(alice, ['Plan']);
		await (await raciCell(alice, 'Plan', 'Ana')).click();
		await expect(taskHeader(alice, 'Plan')).not.toHaveAccessibleDescription(/No Responsible/);

		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'Milestones');
		await expectOwner(bob, 'Beta', 'Ana');

		await openSection(alice, 'People');
		await deleteRow(alice, 'Ana');
		const confirm = alice.getByRole('group', { name: 'Remove Ana?' });
		await expect(confirm).toContainText('owns or holds 1 milestone and 1 RACI cell');
		await expect(confirm.getByRole('button', { name: 'Remove anyway' })).toBeFocused();
		await confirm.getByRole('button', { name: 'Keep' }).click();
		await expect(peopleList(alice).getByRole('listitem')).toHaveCount(2);
		await expect(rowMenuButton(alice, 'Ana')).toBeFocused();

		await deleteRow(alice, 'Ana');
		await alice.getByRole('button', { name: 'Remove anyway' }).click();
		await expect.poll(() => peopleOrder(alice)).toEqual(['Ben']);
		await expect(rowMenuButton(alice, 'Ben')).toBeFocused();
		// The removal can be undone from its notice, for everyone; then it is done again.
		await alice.getByRole('button', { name: 'Undo', exact: true }).last().click();
		await expect.poll(() => peopleOrder(alice)).toEqual(['Ana', 'Ben']);
		await expectOwner(bob, 'Beta', 'Ana');
		await deleteRow(alice, 'Ana');
		await alice.getByRole('button', { name: 'Remove anyway' }).click();
		await expect.poll(() => peopleOrder(alice)).toEqual(['Ben']);

		// The other editor's owner field names a removed person; the RACI column and its cell are gone.
		await expectOwner(bob, 'Beta', '(removed person)');
		await openSection(bob, 'RACI');
		await expect.poll(() => columnHeaders(bob)).toEqual(['Task', 'Ben']);
		await expect(taskHeader(bob, 'Plan')).toHaveAccessibleDescription(/No Responsible/);

		// Someone who owns nothing goes at once.
		await deleteRow(alice, 'Ben');
		await expect(peopleList(alice)).toHaveCount(0);
		await expect(alice.getByLabel('New person')).toBeFocused();
	});

	test('others see who is editing a person', async ({ browser }) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await addPeople(alice, ['Ana']);
		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'People');
		await peopleList(alice).getByRole('textbox', { name: 'Role' }).focus();
		await expect(peopleList(bob).getByRole('listitem')).toContainText('Ada editing');
		await alice.getByLabel('New person').focus();
		await expect(peopleList(bob).getByRole('listitem')).not.toContainText('Ada editing');
	});

	test('a viewer sees the people and can change none of them', async ({ browser }) => {
		const { page: owner, viewLink } = await createKickoffBoard(browser);
		await addPeople(owner, ['Ana', 'Ben']);
		const viewer = await openInNewBrowser(browser, viewLink, 'Stakeholder');
		await openSection(viewer, 'People');
		await expect.poll(() => peopleOrder(viewer)).toEqual(['Ana', 'Ben']);
		const name = peopleList(viewer).getByRole('textbox', { name: 'Name' }).first();
		await expect(name).toHaveAttribute('readonly', '');
		await name.press('X');
		await expect(name).toHaveValue('Ana');
		await expect(viewer.getByRole('button', { name: 'Colour of Ana' })).toBeDisabled();
		await expect(viewer.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: 'Add person' })).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: /^Move/ })).toHaveCount(0);
	});

	test('a hostile name is shown as text in the list, the RACI header and the owner selects, and runs nothing', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		const aliceDialogs = watchDialogs(alice);
		await addPeople(alice, [HOSTILE_NAME]);
		await addTasks(alice, [HOSTILE_NAME]);
		await openSection(alice, 'Milestones');
		await alice.getByLabel('New milestone', { exact: true }).fill(HOSTILE_NAME);
		await alice.getByRole('button', { name: 'Add milestone' }).click();
		await pickOwner(alice, HOSTILE_NAME, HOSTILE_NAME);

		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		const bobDialogs = watchDialogs(bob);
		for (const page of [alice, bob]) {
			await openSection(page, 'People');
			await expect(peopleList(page).getByRole('textbox', { name: 'Name' })).toHaveValue(
				HOSTILE_NAME
			);
			await expect(rowMenuButton(page, HOSTILE_NAME)).toBeVisible();
			await openSection(page, 'RACI');
			await expect(raciGrid(page).getByRole('columnheader').nth(1)).toHaveText(HOSTILE_NAME);
			await expect(taskHeader(page, HOSTILE_NAME)).toContainText(HOSTILE_NAME);
			await openSection(page, 'Milestones');
			await expectOwner(page, HOSTILE_NAME, HOSTILE_NAME);
			await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
				HOSTILE_NAME
			);
			await expect(page.locator('img[src="x"]')).toHaveCount(0);
		}
		expect(aliceDialogs).toEqual([]);
		expect(bobDialogs).toEqual([]);
	});

	test('axe finds no serious or critical violation in the People section', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await addPeople(page, ['Ana', 'Ben']);
		await peopleList(page).getByRole('textbox', { name: 'Role' }).first().fill('Tech lead');
		await page.getByRole('button', { name: 'Colour of Ana' }).click();
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
});
