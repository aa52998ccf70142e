import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { dragOnto } from './drag-helpers.ts';
import {
	addPeople,
	addTasks,
	collectPageErrors,
	columnHeaders,
	raciCell,
	raciGrid,
	seriousAxeViolations,
	taskHeader,
	taskOrder
} from './raci-helpers.ts';

const PLAN = 'Write the launch plan';
const BETA = 'Run the beta';

/** The check a row shows, as its header's accessible description says it. */
function expectCheck(page: Page, task: string, check: RegExp) {
	return expect(taskHeader(page, task)).toHaveAccessibleDescription(check);
}

test.describe('the RACI matrix', () => {
	test('two editors set cells by click and by keyboard, and both see the checks and totals update live', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		const aliceErrors = collectPageErrors(alice);
		await addPeople(alice, ['Ana', 'Ben', 'Cy']);
		await addTasks(alice, [PLAN, BETA]);

		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'RACI');
		await expect.poll(() => columnHeaders(bob)).toEqual(['Task', 'Ana', 'Ben', 'Cy']);
		for (const page of [alice, bob]) {
			await expectCheck(page, PLAN, /No Accountable.*No Responsible/);
		}

		// Alice clicks: once gives R, twice gives A.
		await (await raciCell(alice, PLAN, 'Ana')).click();
		const benCell = await raciCell(alice, PLAN, 'Ben');
		await benCell.click();
		await benCell.click();
		await expect(await raciCell(bob, PLAN, 'Ana')).toHaveAccessibleName('Responsible');
		await expect(await raciCell(bob, PLAN, 'Ben')).toHaveAccessibleName('Accountable');
		for (const page of [alice, bob]) await expectCheck(page, PLAN, /^OK/);

		// Bob uses the keyboard: arrows from the task's header to Cy, then letters and Backspace.
		await taskHeader(bob, PLAN).focus();
		await bob.keyboard.press('ArrowRight');
		await bob.keyboard.press('ArrowRight');
		await bob.keyboard.press('ArrowRight');
		await expect(await raciCell(bob, PLAN, 'Cy')).toBeFocused();
		await bob.keyboard.press('a');
		for (const page of [alice, bob]) await expectCheck(page, PLAN, /^More than one Accountable/);
		await bob.keyboard.press('Backspace');
		for (const page of [alice, bob]) await expectCheck(page, PLAN, /^OK/);
		await bob.keyboard.press('C');
		await expect(await raciCell(alice, PLAN, 'Cy')).toHaveAccessibleName('Consulted');

		// Down to the beta row, Home to its header, then along it.
		await bob.keyboard.press('ArrowDown');
		await bob.keyboard.press('r');
		await expectCheck(alice, BETA, /^No Accountable/);
		await expect(taskHeader(alice, BETA)).not.toHaveAccessibleDescription(/No Responsible/);
		await bob.keyboard.press('Home');
		await expect(taskHeader(bob, BETA)).toBeFocused();
		await bob.keyboard.press('End');
		await expect(await raciCell(bob, BETA, 'Cy')).toBeFocused();
		await bob.keyboard.press('ArrowLeft');
		await bob.keyboard.press('Enter');
		await bob.keyboard.press('Enter');
		await expect(await raciCell(alice, BETA, 'Ben')).toHaveAccessibleName('Accountable');
		for (const page of [alice, bob]) await expectCheck(page, BETA, /^OK/);

		// Totals per person, in the footer, in the other window.
		const totals = raciGrid(alice).locator('tfoot').getByRole('gridcell');
		await expect(totals).toHaveCount(3);
		await expect(totals.nth(0)).toHaveAccessibleName(
			'Ana: 1 Responsible, 0 Accountable, 0 Consulted, 0 Informed'
		);
		await expect(totals.nth(1)).toHaveAccessibleName(
			'Ben: 0 Responsible, 2 Accountable, 0 Consulted, 0 Informed'
		);
		await expect(totals.nth(2)).toHaveAccessibleName(
			'Cy: 1 Responsible, 0 Accountable, 1 Consulted, 0 Informed'
		);
		await expect(alice.getByRole('status').filter({ hasText: 'tasks' })).toHaveText(
			'All 2 tasks have one Accountable and a Responsible.'
		);
		expect(aliceErrors).toEqual([]);
	});

	test('the grid is one tab stop that remembers its cell', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await addPeople(page, ['Ana', 'Ben']);
		await addTasks(page, [PLAN, BETA]);
		const focusable = raciGrid(page).locator('[tabindex="0"]');
		await expect(focusable).toHaveCount(1);

		await taskHeader(page, PLAN).focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowRight');
		await expect(focusable).toHaveCount(1);
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('New task')).toBeFocused();
		await page.keyboard.press('Shift+Tab');
		await expect(await raciCell(page, BETA, 'Ana')).toBeFocused();
	});

	test('tasks are renamed in place, reordered by keyboard and by drag, and deleted with undo, for both editors', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await addPeople(alice, ['Ana']);
		await addTasks(alice, ['Design', 'Build', 'Launch']);
		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'RACI');
		await expect.poll(() => taskOrder(bob)).toEqual(['Design', 'Build', 'Launch']);

		// Rename: Enter on the task's header opens a field; Escape cancels, Enter saves.
		await taskHeader(alice, 'Build').focus();
		await alice.keyboard.press('Enter');
		const field = raciGrid(alice).getByRole('textbox', { name: 'Task name' });
		await field.fill('Nothing');
		await alice.keyboard.press('Escape');
		await expect(taskHeader(alice, 'Build')).toBeFocused();
		await alice.keyboard.press('Enter');
		await field.fill('Build the service');
		await alice.keyboard.press('Enter');
		await expect(taskHeader(alice, 'Build the service')).toBeFocused();
		await expect(taskHeader(bob, 'Build the service')).toBeVisible();

		// Keyboard: Alt+Up moves the focused task, and focus stays on it.
		await alice.keyboard.press('Alt+ArrowUp');
		await expect.poll(() => taskOrder(bob)).toEqual(['Build the service', 'Design', 'Launch']);
		await expect(taskHeader(alice, 'Build the service')).toBeFocused();
		await expect(alice.getByRole('status').filter({ hasText: 'moved' })).toHaveText(
			'Build the service moved to position 1 of 3.'
		);

		// Drag: Launch's grip onto the top row.
		await dragOnto(
			bob,
			raciGrid(bob).getByRole('button', { name: 'Move Launch' }),
			taskHeader(bob, 'Build the service')
		);
		await expect.poll(() => taskOrder(alice)).toEqual(['Launch', 'Build the service', 'Design']);

		// Delete from rename mode; the notice's Undo brings the row back for both editors.
		await taskHeader(alice, 'Design').focus();
		await alice.keyboard.press('Enter');
		await raciGrid(alice).getByRole('button', { name: 'Delete task' }).click();
		await expect.poll(() => taskOrder(bob)).toEqual(['Launch', 'Build the service']);
		await alice.getByRole('button', { name: 'Undo', exact: true }).last().click();
		await expect.poll(() => taskOrder(bob)).toEqual(['Launch', 'Build the service', 'Design']);
	});

	test('a viewer sees the matrix and its checks, and clicking or typing changes nothing', async ({
		browser
	}) => {
		const { page: owner, viewLink } = await createKickoffBoard(browser);
		await addPeople(owner, ['Ana', 'Ben']);
		await addTasks(owner, [PLAN]);
		await (await raciCell(owner, PLAN, 'Ana')).click();

		const viewer = await openInNewBrowser(browser, viewLink, 'Stakeholder');
		const viewerErrors = collectPageErrors(viewer);
		await openSection(viewer, 'RACI');
		await expect(raciGrid(viewer)).toHaveAttribute('aria-readonly', 'true');
		await expectCheck(viewer, PLAN, /^No Accountable/);
		await expect(viewer.getByRole('button', { name: 'Add task' })).toHaveCount(0);

		const anaCell = await raciCell(viewer, PLAN, 'Ana');
		const benCell = await raciCell(viewer, PLAN, 'Ben');
		await anaCell.click();
		await viewer.keyboard.press('Backspace');
		await viewer.keyboard.press('ArrowRight');
		await expect(benCell).toBeFocused();
		await viewer.keyboard.press('a');
		await viewer.keyboard.press('Enter');
		await taskHeader(viewer, PLAN).focus();
		await viewer.keyboard.press('Enter');
		await expect(raciGrid(viewer).getByRole('textbox')).toHaveCount(0);

		await expect(anaCell).toHaveAccessibleName('Responsible');
		await expect(benCell).toHaveAccessibleName('Empty');
		await expect(await raciCell(owner, PLAN, 'Ben')).toHaveAccessibleName('Empty');
		await expect(viewer.getByRole('alert')).toHaveCount(0);
		expect(viewerErrors).toEqual([]);
	});

	test('an empty matrix explains RACI and where to start', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await openSection(page, 'RACI');
		await expect(page.getByText('A RACI matrix says who does what.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Add people' })).toBeVisible();
		await expect(raciGrid(page)).toHaveCount(0);
	});

	test('others see which task an editor is on', async ({ browser }) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Ada');
		await addPeople(alice, ['Ana']);
		await addTasks(alice, [PLAN]);
		const bob = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(bob, 'RACI');
		await (await raciCell(alice, PLAN, 'Ana')).focus();
		await expect(taskHeader(bob, PLAN)).toContainText('Ada editing');
		await alice.getByLabel('New task').focus();
		await expect(taskHeader(bob, PLAN)).not.toContainText('Ada editing');
	});

	test('axe finds no serious or critical violation in a filled RACI section', async ({
		browser
	}) => {
		const { page } = await createKickoffBoard(browser);
		await addPeople(page, ['Ana', 'Ben', 'Cy']);
		await addTasks(page, [PLAN, BETA]);
		await (await raciCell(page, PLAN, 'Ana')).click();
		await (await raciCell(page, BETA, 'Ben')).click();
		await (await raciCell(page, BETA, 'Ben')).click();
		await expect(await raciCell(page, BETA, 'Ben')).toHaveAccessibleName('Accountable');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
});
