import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { addPeople, seriousAxeViolations } from './raci-helpers.ts';
import { deleteRow } from './row-menu-helpers.ts';
import {
	expectOwner,
	expectStatus,
	ownerPicker,
	pickOwner,
	pickStatus,
	statusMenu
} from './picker-helpers.ts';

/** A date `days` from today, as a date input holds it (local calendar). */
function dayFromToday(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function milestoneItems(page: Page) {
	return page.getByRole('list', { name: 'Milestones, by due date' }).getByRole('listitem');
}

/** The titles of the milestones, top to bottom. */
async function milestoneOrder(page: Page): Promise<string[]> {
	const titles = milestoneItems(page).getByRole('textbox', { name: 'Title', exact: true });
	return titles.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

async function addMilestone(page: Page, title: string, due = ''): Promise<void> {
	await page.getByLabel('New milestone', { exact: true }).fill(title);
	await page.getByLabel('Due date of the new milestone').fill(due);
	await page.getByRole('button', { name: 'Add milestone' }).click();
	await expect(page.getByLabel('New milestone', { exact: true })).toHaveValue('');
}

test.describe('milestones', () => {
	test('milestones stay sorted by date, and an edit in one window re-sorts the other', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await addPeople(alice, ['Ana', 'Ben']);
		await openSection(alice, 'Milestones');
		await addMilestone(alice, 'Launch', dayFromToday(60));
		await addMilestone(alice, 'Someday');
		await addMilestone(alice, 'Beta', dayFromToday(30));
		await addMilestone(alice, 'Kickoff', dayFromToday(1));
		await expect
			.poll(() => milestoneOrder(alice))
			.toEqual(['Kickoff', 'Beta', 'Launch', 'Someday']);

		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'Milestones');
		await expect.poll(() => milestoneOrder(bob)).toEqual(['Kickoff', 'Beta', 'Launch', 'Someday']);
		await expect(milestoneItems(bob).first()).toContainText('Due tomorrow');

		// Bob moves Launch before Beta; the date is saved when he leaves the field.
		const launch = milestoneItems(bob).nth(2);
		await launch.getByRole('textbox', { name: 'Title', exact: true }).fill('Launch to everyone');
		await launch.getByLabel('Due date').fill(dayFromToday(10));
		await launch.getByLabel('Due date').press('Enter');
		await expect
			.poll(() => milestoneOrder(alice))
			.toEqual(['Kickoff', 'Launch to everyone', 'Beta', 'Someday']);

		// Owner and status, seen by the other.
		const beta = milestoneItems(alice).nth(2);
		await pickOwner(alice, 'Beta', 'Ben', beta);
		await pickStatus(alice, 'Beta', 'At risk', beta);
		const bobBeta = milestoneItems(bob).nth(2);
		await expectOwner(bobBeta, 'Beta', 'Ben');
		await expectStatus(bobBeta, 'Beta', 'At risk');

		// Delete, undo from the notice (the milestone comes back for both), delete again.
		await deleteRow(alice, 'Someday');
		await expect.poll(() => milestoneOrder(bob)).toEqual(['Kickoff', 'Launch to everyone', 'Beta']);
		await expect(alice.getByText('Deleted “Someday”.')).toBeVisible();
		await alice.getByRole('button', { name: 'Undo', exact: true }).last().click();
		await expect
			.poll(() => milestoneOrder(bob))
			.toEqual(['Kickoff', 'Launch to everyone', 'Beta', 'Someday']);
		await deleteRow(alice, 'Someday');
		await expect.poll(() => milestoneOrder(bob)).toEqual(['Kickoff', 'Launch to everyone', 'Beta']);
	});

	test('an overdue milestone stands out with an Overdue badge until it is done', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await openSection(alice, 'Milestones');
		await addMilestone(alice, 'Architecture review', dayFromToday(-3));
		await addMilestone(alice, 'Beta', dayFromToday(5));
		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'Milestones');

		for (const page of [alice, bob]) {
			const [late, onTime] = [milestoneItems(page).nth(0), milestoneItems(page).nth(1)];
			await expect(late.getByText('Overdue', { exact: true })).toBeVisible();
			await expect(late.getByLabel('Due date')).toHaveAccessibleDescription(
				/Overdue\s+3 days late/
			);
			await expect(onTime.getByText('Overdue', { exact: true })).toHaveCount(0);
			await expect(page.getByText('1 milestone is overdue')).toBeVisible();
		}

		await pickStatus(alice, 'Architecture review', 'Done');
		await expect(milestoneItems(bob).nth(0).getByText('Overdue', { exact: true })).toHaveCount(0);
		await expect(bob.getByText('1 milestone is overdue')).toHaveCount(0);
	});

	test('an impossible due date is named on the date field, never blamed on the title nor saved', async ({
		browser
	}) => {
		const { page } = await createKickoffBoard(browser);
		await openSection(page, 'Milestones');
		const title = page.getByLabel('New milestone', { exact: true });
		const newDue = page.getByLabel('Due date of the new milestone');
		const impossible = 'The due date is incomplete or not on the calendar (like 31 April).';

		// 31 February, typed into the new milestone's date (month, day, year).
		await title.fill('Beta');
		await newDue.focus();
		await page.keyboard.type('02312030');
		await page.getByRole('button', { name: 'Add milestone' }).click();
		await expect(newDue).toHaveAttribute('aria-invalid', 'true');
		await expect(newDue).toHaveAccessibleDescription(impossible);
		await expect(page.getByRole('alert').filter({ hasText: impossible })).toBeVisible();
		await expect(title).not.toHaveAttribute('aria-invalid');
		await expect(title).toHaveValue('Beta');
		await expect(milestoneItems(page)).toHaveCount(0);

		// A real date takes the message away, and the milestone is added with it.
		await newDue.fill(dayFromToday(5));
		await expect(newDue).not.toHaveAttribute('aria-invalid');
		await page.getByRole('button', { name: 'Add milestone' }).click();
		await expect(milestoneItems(page)).toHaveCount(1);
		await expect(milestoneItems(page).first()).toContainText('In 5 days');

		// The same date typed over the row's: the row says so, and keeps its date.
		const rowDue = milestoneItems(page).first().getByLabel('Due date');
		await rowDue.focus();
		await page.keyboard.type('0231');
		await rowDue.press('Enter');
		await expect(rowDue).toHaveAttribute('aria-invalid', 'true');
		await expect(rowDue).toHaveAccessibleDescription(`In 5 days ${impossible}`);
		await page.reload();
		await expect(milestoneItems(page).first().getByLabel('Due date')).toHaveValue(dayFromToday(5));
	});

	test('a year past 9999 is refused on the date field, not blamed on the title', async ({
		browser
	}) => {
		const { page } = await createKickoffBoard(browser);
		await openSection(page, 'Milestones');
		const title = page.getByLabel('New milestone', { exact: true });
		const newDue = page.getByLabel('Due date of the new milestone');
		await title.fill('Far future');

		// A date input can hold a five-digit year (set by a script or an extension, or typed
		// in a browser that ignores the field's max); the board keeps four.
		await newDue.evaluate((input: HTMLInputElement) => {
			input.value = '99999-01-01';
			input.dispatchEvent(new Event('input', { bubbles: true }));
		});
		await page.getByRole('button', { name: 'Add milestone' }).click();
		await expect(newDue).toHaveAttribute('aria-invalid', 'true');
		await expect(newDue).toHaveAccessibleDescription(
			'The due date is too far ahead: the last year it can be is 9999.'
		);
		await expect(title).not.toHaveAttribute('aria-invalid');
		await expect(milestoneItems(page)).toHaveCount(0);

		// Typed, the year stops at four digits, and the milestone is added.
		await newDue.focus();
		await page.keyboard.type('010199999');
		await expect(newDue).toHaveValue('9999-01-01');
		await expect(newDue).not.toHaveAttribute('aria-invalid');
		await page.getByRole('button', { name: 'Add milestone' }).click();
		await expect(milestoneItems(page)).toHaveCount(1);
		await expect(title).not.toHaveAttribute('aria-invalid');
	});

	test('a viewer sees the milestones and can change none of them', async ({ browser }) => {
		const { page: owner, viewLink } = await createKickoffBoard(browser);
		await openSection(owner, 'Milestones');
		await addMilestone(owner, 'Beta', dayFromToday(5));
		const viewer = await openInNewBrowser(browser, viewLink, 'Stakeholder');
		await openSection(viewer, 'Milestones');
		const beta = milestoneItems(viewer).first();
		await expect(beta.getByRole('textbox', { name: 'Title', exact: true })).toHaveAttribute(
			'readonly',
			''
		);
		await expect(beta.getByLabel('Due date')).toHaveAttribute('readonly', '');
		await expect(ownerPicker(beta, 'Beta')).toBeDisabled();
		await expect(beta.getByText('Status of Beta: Planned')).toBeVisible();
		await expect(beta.getByRole('combobox')).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: 'Add milestone' })).toHaveCount(0);
	});

	test('others see who is editing a milestone', async ({ browser }) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await openSection(alice, 'Milestones');
		await addMilestone(alice, 'Beta', dayFromToday(5));
		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'Milestones');
		await statusMenu(milestoneItems(alice).first(), 'Beta').focus();
		await expect(milestoneItems(bob).first()).toContainText('Ada editing');
	});

	test('axe finds no serious or critical violation in the Milestones section', async ({
		browser
	}) => {
		const { page } = await createKickoffBoard(browser);
		await addPeople(page, ['Ana']);
		await openSection(page, 'Milestones');
		await addMilestone(page, 'Kickoff', dayFromToday(-10));
		await addMilestone(page, 'Beta', dayFromToday(5));
		await addMilestone(page, 'Retro');
		await pickStatus(page, 'Kickoff', 'Done');
		await pickStatus(page, 'Beta', 'At risk');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
});
