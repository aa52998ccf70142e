import { expect, test, type Page } from './fixtures.ts';
import { addAction, addPerson, addRisk } from '../../src/lib/board/index.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { peopleOrder } from './raci-helpers.ts';
import { register, riskTitles, writeAsPeer } from './risks-helpers.ts';
import {
	chooseInRowMenu,
	deleteRow,
	deletionNotice,
	openRowMenu,
	rowMenu,
	rowMenuButton
} from './row-menu-helpers.ts';

/** The action titles, top to bottom. */
function actionTitles(page: Page): Promise<string[]> {
	return page
		.getByRole('table', { name: 'Action items' })
		.getByRole('textbox', { name: 'Action title' })
		.evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
}

/** Presses Tab until `title`'s row menu button has the focus (a row has a handful of fields). */
async function tabToRowMenu(page: Page, title: string): Promise<void> {
	const button = rowMenuButton(page, title);
	for (let presses = 0; presses < 12; presses++) {
		if (await button.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(button).toBeFocused();
}

/** Presses Tab until the deletion notice's Undo has the focus. */
async function tabToUndo(page: Page): Promise<void> {
	const undo = deletionNotice(page).getByRole('button', { name: 'Undo' });
	for (let presses = 0; presses < 30; presses++) {
		if (await undo.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(undo).toBeFocused();
}

test.describe('row menus', () => {
	test('a risk deleted from its menu goes for everyone, and Undo brings it back whole and in place while a third person types in another row', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			addRisk(doc, { title: 'Supplier insolvency' });
			addRisk(doc, { title: 'Key engineer leaves', likelihood: 4, impact: 5, due: '2031-05-06' });
			addRisk(doc, { title: 'Scope creep' });
		});
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		const carol = await openInNewBrowser(browser, editLink, 'Carol');
		for (const page of [alice, bob, carol]) await openSection(page, 'Risks');
		const order = ['Supplier insolvency', 'Key engineer leaves', 'Scope creep'];
		await expect.poll(() => riskTitles(carol)).toEqual(order);

		// The menu shows the mitigation, which Alice writes.
		await chooseInRowMenu(alice, 'Key engineer leaves', 'Show details');
		const mitigation = alice.getByRole('textbox', { name: 'Mitigation of Key engineer leaves' });
		await mitigation.click();
		await alice.keyboard.type('Pair on every release');
		await expect(mitigation).toContainText('Pair on every release');

		// Carol types into another row's title while Alice deletes and undoes.
		const carolTitle = register(carol).getByRole('textbox', { name: 'Risk title' }).first();
		await carolTitle.focus();
		await carol.keyboard.press('Control+End');
		const typing = carolTitle.pressSequentially(' at our main vendor', { delay: 60 });

		await deleteRow(alice, 'Key engineer leaves');
		await expect(deletionNotice(alice)).toContainText('Deleted “Key engineer leaves”.');
		for (const page of [alice, bob]) {
			await expect(rowMenuButton(page, 'Key engineer leaves')).toHaveCount(0);
		}
		// The focus is on the row that took its place, and the deletion was said.
		await expect(rowMenuButton(alice, 'Scope creep')).toBeFocused();
		await expect(alice.getByText('Deleted risk Key engineer leaves.')).toBeAttached();

		await deletionNotice(alice).getByRole('button', { name: 'Undo' }).click();
		await typing;
		const typed = 'Supplier insolvency at our main vendor';
		for (const page of [alice, bob, carol]) {
			await expect.poll(() => riskTitles(page)).toEqual([typed, ...order.slice(1)]);
			await expect(page.getByLabel('Likelihood of Key engineer leaves')).toHaveValue('4');
			await expect(page.getByLabel('Impact of Key engineer leaves')).toHaveValue('5');
			await expect(page.getByLabel('Due date of Key engineer leaves')).toHaveValue('2031-05-06');
		}
		await expect(rowMenuButton(alice, 'Key engineer leaves')).toBeFocused();
		await chooseInRowMenu(bob, 'Key engineer leaves', 'Show details');
		await expect(
			bob.getByRole('textbox', { name: 'Mitigation of Key engineer leaves' })
		).toContainText('Pair on every release');
	});

	test('an action is deleted with the keyboard alone; the focus follows, and Undo by keyboard puts it on the restored row', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			for (const title of ['Book the lab', 'Send the minutes', 'Order badges']) {
				addAction(doc, { title });
			}
		});
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'Actions');
		await openSection(bob, 'Actions');
		await expect.poll(() => actionTitles(bob)).toHaveLength(3);

		await bob.getByRole('textbox', { name: 'Action title' }).nth(1).focus();
		await tabToRowMenu(bob, 'Send the minutes');
		await bob.keyboard.press('Enter');
		const menu = rowMenu(bob, 'Send the minutes');
		// The row's own item first (linking a decision), then Move up, Move down and Delete.
		await expect(menu.getByRole('menuitem', { name: 'Link a decision…' })).toBeFocused();
		for (let step = 0; step < 3; step++) await bob.keyboard.press('ArrowDown');
		await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
		await bob.keyboard.press('Enter');

		await expect.poll(() => actionTitles(alice)).toEqual(['Book the lab', 'Order badges']);
		await expect(rowMenuButton(bob, 'Order badges')).toBeFocused();
		await expect(bob.getByText('Deleted action Send the minutes.')).toBeAttached();

		await tabToUndo(bob);
		await bob.keyboard.press('Enter');
		const all = ['Book the lab', 'Send the minutes', 'Order badges'];
		await expect.poll(() => actionTitles(alice)).toEqual(all);
		await expect(rowMenuButton(bob, 'Send the minutes')).toBeFocused();

		// The last row: the focus goes to the row before it (ArrowUp wraps round to Delete).
		await tabToRowMenu(bob, 'Order badges');
		await bob.keyboard.press('Enter');
		await expect(rowMenu(bob, 'Order badges').getByRole('menuitem').first()).toBeFocused();
		await bob.keyboard.press('ArrowUp');
		await bob.keyboard.press('Enter');
		await expect.poll(() => actionTitles(alice)).toEqual(all.slice(0, 2));
		await expect(rowMenuButton(bob, 'Send the minutes')).toBeFocused();
	});

	test('Move up and Move down in the menu reorder rows for everyone and keep the focus on the row', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			for (const name of ['Ana', 'Ben', 'Cy']) addPerson(doc, { name });
			for (const title of ['Book the lab', 'Send the minutes']) addAction(doc, { title });
			for (const title of ['Supplier insolvency', 'Scope creep']) addRisk(doc, { title });
		});
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'People');
		await openSection(bob, 'People');

		await chooseInRowMenu(alice, 'Cy', 'Move up');
		await expect.poll(() => peopleOrder(bob)).toEqual(['Ana', 'Cy', 'Ben']);
		await expect(rowMenuButton(alice, 'Cy')).toBeFocused();
		await chooseInRowMenu(alice, 'Cy', 'Move up');
		await expect.poll(() => peopleOrder(bob)).toEqual(['Cy', 'Ana', 'Ben']);
		// At the top, Move up is off; Move down still moves.
		const menu = await openRowMenu(alice, 'Cy');
		await expect(menu.getByRole('menuitem', { name: 'Move up' })).toHaveAttribute(
			'aria-disabled',
			'true'
		);
		await menu.getByRole('menuitem', { name: 'Move down' }).click();
		await expect.poll(() => peopleOrder(bob)).toEqual(['Ana', 'Cy', 'Ben']);

		// Bob moves an action down with the keyboard; Alice sees it.
		await openSection(alice, 'Actions');
		await openSection(bob, 'Actions');
		await rowMenuButton(bob, 'Book the lab').focus();
		await bob.keyboard.press('Enter');
		// The menu starts on the row's own item; the first row cannot move up, so the next is Move down.
		await expect(
			rowMenu(bob, 'Book the lab').getByRole('menuitem', { name: 'Link a decision…' })
		).toBeFocused();
		await bob.keyboard.press('ArrowDown');
		await expect(
			rowMenu(bob, 'Book the lab').getByRole('menuitem', { name: 'Move down' })
		).toBeFocused();
		await bob.keyboard.press('Enter');
		await expect.poll(() => actionTitles(alice)).toEqual(['Send the minutes', 'Book the lab']);
		await expect(rowMenuButton(bob, 'Book the lab')).toBeFocused();

		// A register sorted by a column cannot be reordered by hand, from the menu either.
		await openSection(alice, 'Risks');
		await register(alice).getByRole('button', { name: 'Score' }).click();
		const riskMenu = await openRowMenu(alice, 'Scope creep');
		for (const item of ['Move up', 'Move down']) {
			await expect(riskMenu.getByRole('menuitem', { name: item })).toHaveAttribute(
				'aria-disabled',
				'true'
			);
		}
	});
});
