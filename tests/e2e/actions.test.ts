import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';
import { addAction, addPerson } from '../../src/lib/board/index.ts';
import { touchDragOnto } from './drag-helpers.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';
import { expectOwner, expectStatus, ownerPicker, pickOwner, pickStatus } from './picker-helpers.ts';

/** The action items table. */
function actionTable(page: Page) {
	return page.getByRole('table', { name: 'Action items' });
}

/** Action titles top to bottom. */
function actionTitles(page: Page): Promise<string[]> {
	return actionTable(page)
		.getByRole('textbox', { name: 'Action title' })
		.evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
}

/** The row of the action whose controls are named after `title`. */
function actionRow(page: Page, title: string) {
	return actionTable(page)
		.getByRole('row')
		.filter({ has: page.getByRole('combobox', { name: `Status of ${title}`, exact: true }) });
}

test.describe('action items shared between two browsers', () => {
	test('one person adds an action and sets its owner, status and due date; the other sees it', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL ?? '', editLink, (doc) => addPerson(doc, { name: 'Priya Shah' }));
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'Actions');
		await openSection(bob, 'Actions');

		await alice.getByLabel('New action').fill('Book the certification lab');
		await alice.getByRole('button', { name: 'Add action' }).click();
		await expect(actionRow(bob, 'Book the certification lab')).toHaveCount(1);

		await pickOwner(alice, 'Book the certification lab', 'Priya Shah');
		await pickStatus(alice, 'Book the certification lab', 'Doing');
		await alice.getByLabel('Due date of Book the certification lab').fill('2031-02-03');

		await expectOwner(bob, 'Book the certification lab', 'Priya Shah');
		await expectStatus(bob, 'Book the certification lab', 'Doing');
		await expect(bob.getByLabel('Due date of Book the certification lab')).toHaveValue(
			'2031-02-03'
		);

		await expect(actionRow(bob, 'Book the certification lab')).toContainText('Alice editing');

		// Bob renames it and ticks it done; Alice follows.
		await actionRow(bob, 'Book the certification lab')
			.getByRole('textbox', { name: 'Action title' })
			.fill('Book the lab for March');
		await bob.getByRole('checkbox', { name: 'Done: Book the lab for March' }).check();
		await expectStatus(alice, 'Book the lab for March', 'Done');
		expect(await actionTitles(alice)).toEqual(['Book the lab for March']);
	});

	test('actions reorder by keyboard, by mouse and by touch, and the other person sees the new order', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			for (const title of ['Draft plan', 'Review plan', 'Ship plan']) addAction(doc, { title });
		});
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'Actions');
		await openSection(bob, 'Actions');
		await expect.poll(() => actionTitles(bob)).toEqual(['Draft plan', 'Review plan', 'Ship plan']);

		const handle = alice.getByRole('button', { name: 'Move Draft plan' });
		await handle.focus();
		await alice.keyboard.press('Alt+ArrowDown');
		await expect(handle).toBeFocused();
		await alice.keyboard.press('Alt+ArrowDown');
		await expect.poll(() => actionTitles(bob)).toEqual(['Review plan', 'Ship plan', 'Draft plan']);
		await alice.keyboard.press('Alt+ArrowUp');
		await expect.poll(() => actionTitles(bob)).toEqual(['Review plan', 'Draft plan', 'Ship plan']);

		await alice
			.getByRole('button', { name: 'Move Ship plan' })
			.dragTo(actionRow(alice, 'Review plan'), { targetPosition: { x: 40, y: 4 } });
		await expect.poll(() => actionTitles(bob)).toEqual(['Ship plan', 'Review plan', 'Draft plan']);

		// A finger on a touch screen drags the same grip (pointer events, not HTML drag and drop).
		await touchDragOnto(
			bob,
			bob.getByRole('button', { name: 'Move Draft plan' }),
			actionRow(bob, 'Ship plan')
		);
		await expect
			.poll(() => actionTitles(alice))
			.toEqual(['Draft plan', 'Ship plan', 'Review plan']);
	});

	test('overdue actions stand out, and the list filters by status and owner', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			const priya = addPerson(doc, { name: 'Priya Shah' });
			addAction(doc, { title: 'Late and open', due: '2020-01-01', owner: priya });
			addAction(doc, { title: 'Late but done', due: '2020-01-01', status: 'done' });
			addAction(doc, { title: 'Due later', due: '2099-01-01', owner: priya, status: 'doing' });
		});
		await openSection(page, 'Actions');
		await expect(actionTable(page).getByRole('textbox', { name: 'Action title' })).toHaveCount(3);

		await expect(actionRow(page, 'Late and open')).toContainText('Overdue');
		await expect(page.getByLabel('Due date of Late and open')).toHaveAccessibleDescription(
			'Overdue'
		);
		await expect(actionRow(page, 'Late but done')).not.toContainText('Overdue');
		await expect(actionRow(page, 'Due later')).not.toContainText('Overdue');
		await expect(page.getByText('1 overdue')).toBeVisible();

		const filters = page.getByRole('group', { name: 'Filter actions' });
		await filters.getByRole('combobox', { name: 'Filter by owner' }).selectOption({
			label: 'Priya Shah'
		});
		expect(await actionTitles(page)).toEqual(['Late and open', 'Due later']);
		await filters.getByRole('combobox', { name: 'Filter by status' }).selectOption('doing');
		expect(await actionTitles(page)).toEqual(['Due later']);
		await expect(page.getByText('1 of 3 actions')).toBeVisible();
		await filters.getByRole('button', { name: 'Clear filters' }).click();
		await expect(page.getByText('3 of 3 actions')).toBeVisible();
	});

	test('a viewer sees the actions but cannot change them', async ({ browser, baseURL }) => {
		const { editLink, viewLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			addAction(doc, { title: 'Send the minutes', status: 'doing' });
		});
		const viewer = await openInNewBrowser(browser, viewLink, 'Sam');
		const errors: string[] = [];
		viewer.on('pageerror', (error) => errors.push(error.message));
		await openSection(viewer, 'Actions');

		const title = actionTable(viewer).getByRole('textbox', { name: 'Action title' });
		await expect(title).toHaveValue('Send the minutes');
		await expect(title).not.toBeEditable();
		await expect(viewer.getByRole('checkbox', { name: 'Done: Send the minutes' })).toBeDisabled();
		await expect(ownerPicker(viewer, 'Send the minutes')).toBeDisabled();
		await expect(actionTable(viewer).getByText('Status of Send the minutes: Doing')).toBeVisible();
		await expect(actionTable(viewer).getByRole('combobox')).toHaveCount(0);
		await expect(viewer.getByLabel('Due date of Send the minutes')).toBeDisabled();
		await expect(viewer.getByLabel('New action')).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: /^(Move|Actions for) / })).toHaveCount(0);
		await expect(viewer.locator('[draggable="true"]')).toHaveCount(0);
		await title.click();
		await viewer.keyboard.type('changed');
		await expect(title).toHaveValue('Send the minutes');
		expect(errors).toEqual([]);
	});

	test('an impossible due date is named on the action’s date field and never clears it', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			addAction(doc, { title: 'Book the lab', due: '2031-02-03' });
		});
		await openSection(page, 'Actions');
		const due = page.getByLabel('Due date of Book the lab');
		await expect(due).toHaveValue('2031-02-03');

		// The day typed over 3 February makes it 31 February.
		await due.focus();
		await page.keyboard.type('0231');
		await expect(due).toHaveAttribute('aria-invalid', 'true');
		await expect(due).toHaveAccessibleDescription(
			'The due date is incomplete or not on the calendar (like 31 April).'
		);
		await expect(page.getByRole('textbox', { name: 'Action title' }).first()).not.toHaveAttribute(
			'aria-invalid'
		);
		await page.reload();
		await expect(page.getByLabel('Due date of Book the lab')).toHaveValue('2031-02-03');
	});

	test('the actions section with content has no serious or critical accessibility violation', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			const priya = addPerson(doc, { name: 'Priya Shah' });
			addAction(doc, { title: 'Late and open', due: '2020-01-01', owner: priya });
			addAction(doc, { title: 'In progress', status: 'doing' });
			addAction(doc, { title: 'Finished', status: 'done' });
		});
		await openSection(page, 'Actions');
		await expect(actionTable(page).getByRole('textbox', { name: 'Action title' })).toHaveCount(3);

		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const { violations } = await new AxeBuilder({ page }).analyze();
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(
				serious.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
			).toEqual([]);
		}
	});
});
