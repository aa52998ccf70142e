import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';
import { addPerson, addRisk } from '../../src/lib/board/index.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import {
	addRiskByForm,
	heatCell,
	heatMap,
	register,
	riskRow,
	riskTitles,
	writeAsPeer
} from './risks-helpers.ts';
import { deleteRow } from './row-menu-helpers.ts';
import { expectOwner, expectStatus, ownerPicker, pickOwner, pickStatus } from './picker-helpers.ts';

/** Fails the test on any dialog: user text must never run as script. */
function failOnDialog(page: Page): void {
	page.on('dialog', (dialog) => {
		throw new Error(`a dialog opened: ${dialog.type()} ${dialog.message()}`);
	});
}

test.describe('the risk register shared between two browsers', () => {
	test('one person adds and edits a risk, the other sees every change and where they work', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL ?? '', editLink, (doc) => addPerson(doc, { name: 'Priya Shah' }));
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'Risks');
		await openSection(bob, 'Risks');

		await addRiskByForm(alice, 'Vendor API freeze');
		await expect(riskRow(bob, 'Vendor API freeze')).toHaveCount(1);
		await expect(bob.getByText('1 of 1 risk')).toBeVisible();

		await alice
			.getByRole('combobox', { name: 'Likelihood of Vendor API freeze' })
			.selectOption('4');
		await alice.getByRole('combobox', { name: 'Impact of Vendor API freeze' }).selectOption('5');
		await pickOwner(alice, 'Vendor API freeze', 'Priya Shah');
		await pickStatus(alice, 'Vendor API freeze', 'Mitigating');
		await alice.getByLabel('Due date of Vendor API freeze').fill('2031-05-20');

		const row = riskRow(bob, 'Vendor API freeze');
		await expect(
			bob.getByRole('combobox', { name: 'Likelihood of Vendor API freeze' })
		).toHaveValue('4');
		await expect(row).toContainText('20');
		await expect(row).toContainText('Critical');
		await expectOwner(bob, 'Vendor API freeze', 'Priya Shah');
		await expectStatus(bob, 'Vendor API freeze', 'Mitigating');
		await expect(bob.getByLabel('Due date of Vendor API freeze')).toHaveValue('2031-05-20');

		// Presence: where Alice is working shows on Bob's row.
		await alice.getByRole('combobox', { name: 'Impact of Vendor API freeze' }).focus();
		await expect(row).toContainText('Alice editing');

		await row.getByRole('textbox', { name: 'Risk title' }).fill('Vendor API freeze in Q3');
		await expect(riskRow(alice, 'Vendor API freeze in Q3')).toHaveCount(1);
		expect(await riskTitles(alice)).toEqual(['Vendor API freeze in Q3']);
	});

	test('a risk dropped on a heat-map cell is re-scored, by mouse and by keyboard, for both people', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'Risks');
		await openSection(bob, 'Risks');
		await addRiskByForm(alice, 'Payment provider outage');
		await expect(heatCell(bob, 3, 3)).toHaveAccessibleName('Likelihood 3, impact 3: 1 risk');

		// Mouse: drag the row's handle onto likelihood 5 × impact 4.
		await alice
			.getByRole('button', { name: 'Move Payment provider outage' })
			.dragTo(heatCell(alice, 5, 4));
		await expect(
			bob.getByRole('combobox', { name: 'Likelihood of Payment provider outage' })
		).toHaveValue('5');
		await expect(
			bob.getByRole('combobox', { name: 'Impact of Payment provider outage' })
		).toHaveValue('4');
		await expect(riskRow(bob, 'Payment provider outage')).toContainText('Critical');
		await expect(heatCell(bob, 5, 4)).toHaveAccessibleName('Likelihood 5, impact 4: 1 risk');
		await expect(heatCell(bob, 3, 3)).toHaveAccessibleName('Likelihood 3, impact 3: 0 risks');
		// The mouse's click on release ends the drag; it does not pick the risk up again.
		await expect(alice.getByText(/^Placing Payment provider outage$/)).toHaveCount(0);

		// Keyboard: pick it up from its handle, walk to likelihood 2 × impact 3, drop with Enter.
		await alice.getByRole('button', { name: 'Move Payment provider outage' }).focus();
		await alice.keyboard.press('Enter');
		await expect(heatCell(alice, 5, 4)).toBeFocused();
		await expect(alice.getByText(/Placing Payment provider outage/).first()).toBeVisible();
		for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowLeft']) {
			await alice.keyboard.press(key);
		}
		await expect(heatCell(alice, 2, 3)).toBeFocused();
		await alice.keyboard.press('Enter');
		await expect(alice.getByRole('button', { name: 'Move Payment provider outage' })).toBeFocused();

		await expect(
			bob.getByRole('combobox', { name: 'Likelihood of Payment provider outage' })
		).toHaveValue('2');
		await expect(
			bob.getByRole('combobox', { name: 'Impact of Payment provider outage' })
		).toHaveValue('3');
		await expect(riskRow(bob, 'Payment provider outage')).toContainText('Medium');
		await expect(heatCell(bob, 2, 3)).toHaveAccessibleName('Likelihood 2, impact 3: 1 risk');
		await expect(heatCell(bob, 5, 4)).toHaveAccessibleName('Likelihood 5, impact 4: 0 risks');

		// Escape puts a picked-up risk back unchanged.
		await alice.getByRole('button', { name: 'Move Payment provider outage' }).press('Enter');
		await alice.keyboard.press('ArrowUp');
		await alice.keyboard.press('Escape');
		await expect(
			alice.getByRole('combobox', { name: 'Likelihood of Payment provider outage' })
		).toHaveValue('2');
	});

	test('clicking a heat-map cell filters the register to it, and clicking it again clears the filter', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			addRisk(doc, { title: 'Auditor unavailable', likelihood: 4, impact: 5 });
			addRisk(doc, { title: 'Budget cut', likelihood: 2, impact: 2 });
			addRisk(doc, { title: 'Scope creep', likelihood: 4, impact: 5 });
		});
		await openSection(page, 'Risks');
		await expect(page.getByText('3 of 3 risks')).toBeVisible();

		const cell = heatCell(page, 4, 5);
		await expect(cell).toHaveAccessibleName('Likelihood 4, impact 5: 2 risks');
		await cell.click();
		await expect(cell).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByText('2 of 3 risks')).toBeVisible();
		expect(await riskTitles(page)).toEqual(['Auditor unavailable', 'Scope creep']);

		await cell.click();
		await expect(cell).toHaveAttribute('aria-pressed', 'false');
		await expect(page.getByText('3 of 3 risks')).toBeVisible();

		await heatCell(page, 2, 2).click();
		expect(await riskTitles(page)).toEqual(['Budget cut']);
		await page.getByRole('button', { name: 'Clear filters' }).click();
		await expect(page.getByText('3 of 3 risks')).toBeVisible();
	});

	test('sorting by score puts the highest first, then the lowest, then back to board order', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			addRisk(doc, { title: 'Medium one', likelihood: 3, impact: 2 });
			addRisk(doc, { title: 'Critical one', likelihood: 5, impact: 4 });
			addRisk(doc, { title: 'Low one', likelihood: 1, impact: 1 });
		});
		await openSection(page, 'Risks');
		await expect(register(page).getByRole('textbox', { name: 'Risk title' })).toHaveCount(3);
		const scoreHeader = register(page).getByRole('columnheader', { name: 'Score' });

		await scoreHeader.getByRole('button').click();
		await expect(scoreHeader).toHaveAttribute('aria-sort', 'descending');
		expect(await riskTitles(page)).toEqual(['Critical one', 'Medium one', 'Low one']);
		// Hand reordering is off while sorted, and the page says why.
		await expect(page.getByText('Sorted by score: return to board order')).toBeVisible();

		await scoreHeader.getByRole('button').click();
		await expect(scoreHeader).toHaveAttribute('aria-sort', 'ascending');
		expect(await riskTitles(page)).toEqual(['Low one', 'Medium one', 'Critical one']);

		await scoreHeader.getByRole('button').click();
		await expect(scoreHeader).not.toHaveAttribute('aria-sort');
		expect(await riskTitles(page)).toEqual(['Medium one', 'Critical one', 'Low one']);
	});

	test('rows reorder by keyboard and by dragging, for both people; a deletion can be undone', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			for (const title of ['First', 'Second', 'Third']) addRisk(doc, { title });
		});
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'Risks');
		await openSection(bob, 'Risks');
		await expect(register(bob).getByRole('textbox', { name: 'Risk title' })).toHaveCount(3);

		const thirdHandle = alice.getByRole('button', { name: 'Move Third' });
		await thirdHandle.focus();
		await alice.keyboard.press('Alt+ArrowUp');
		await expect(thirdHandle).toBeFocused();
		await alice.keyboard.press('Alt+ArrowUp');
		await expect.poll(() => riskTitles(bob)).toEqual(['Third', 'First', 'Second']);

		// Dropped on the lower part of Second's row: after it.
		const second = (await riskRow(alice, 'Second').boundingBox())!;
		await alice
			.getByRole('button', { name: 'Move Third' })
			.dragTo(riskRow(alice, 'Second'), { targetPosition: { x: 40, y: second.height - 8 } });
		await expect.poll(() => riskTitles(bob)).toEqual(['First', 'Second', 'Third']);

		await deleteRow(alice, 'Second');
		await expect.poll(() => riskTitles(bob)).toEqual(['First', 'Third']);
		await alice.getByRole('button', { name: 'Undo', exact: true }).last().click();
		await expect.poll(() => riskTitles(bob)).toEqual(['First', 'Second', 'Third']);
	});

	test('the mitigation is rich text that both people edit, keeping the caret while typing', async ({
		browser
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		await openSection(alice, 'Risks');
		await openSection(bob, 'Risks');
		await addRiskByForm(alice, 'Supplier insolvency');
		for (const page of [alice, bob]) {
			await page.getByRole('button', { name: 'Details of Supplier insolvency' }).click();
		}
		const aliceField = alice.getByRole('textbox', { name: 'Mitigation of Supplier insolvency' });
		const bobField = bob.getByRole('textbox', { name: 'Mitigation of Supplier insolvency' });
		await expect(aliceField).toHaveAttribute('contenteditable', 'true');

		await aliceField.click();
		await alice.keyboard.type('Second supplier on standby');
		await expect(bobField).toContainText('Second supplier on standby');
		// Each keystroke re-renders the register; the caret must stay in the field.
		await alice.keyboard.type(', contract signed');
		await expect(bobField).toContainText('Second supplier on standby, contract signed');
		await expect(riskRow(bob, 'Supplier insolvency')).toContainText('Alice editing');
	});

	test('a viewer sees the register and the heat map but cannot change anything', async ({
		browser,
		baseURL
	}) => {
		const { page: owner, editLink, viewLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			addRisk(doc, { title: 'Regulator delays approval', likelihood: 4, impact: 4 });
		});
		const viewer = await openInNewBrowser(browser, viewLink, 'Sam');
		const errors: string[] = [];
		viewer.on('pageerror', (error) => errors.push(error.message));
		await openSection(viewer, 'Risks');

		const title = register(viewer).getByRole('textbox', { name: 'Risk title' });
		await expect(title).toHaveValue('Regulator delays approval');
		await expect(title).not.toBeEditable();
		// Likelihood and impact are the only selects, and they are disabled.
		await expect(register(viewer).getByRole('combobox')).toHaveCount(2);
		for (const field of await register(viewer).getByRole('combobox').all()) {
			await expect(field).toBeDisabled();
		}
		await expect(ownerPicker(viewer, 'Regulator delays approval')).toBeDisabled();
		await expect(
			register(viewer).getByText('Status of Regulator delays approval: Open')
		).toBeVisible();
		await expect(viewer.getByLabel('Due date of Regulator delays approval')).toBeDisabled();
		await expect(viewer.getByLabel('New risk')).toHaveCount(0);
		await expect(viewer.getByRole('button', { name: /^(Move|Actions for) / })).toHaveCount(0);
		await expect(viewer.locator('[draggable="true"]')).toHaveCount(0);

		// Typing into the read-only title changes nothing and raises nothing.
		await title.click();
		await viewer.keyboard.type('hacked');
		await expect(title).toHaveValue('Regulator delays approval');
		// The heat map still filters, which changes nothing on the board.
		await heatCell(viewer, 4, 4).click();
		await expect(viewer.getByText('1 of 1 risk')).toBeVisible();
		await openSection(owner, 'Risks');
		await expect(riskRow(owner, 'Regulator delays approval')).toHaveCount(1);
		expect(errors).toEqual([]);
	});

	test('hostile text as a risk title is shown as text and runs nothing', async ({ browser }) => {
		const hostile = '<img src=x onerror=alert(1)>';
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		failOnDialog(alice);
		failOnDialog(bob);
		await openSection(alice, 'Risks');
		await openSection(bob, 'Risks');

		await addRiskByForm(alice, hostile);
		await expect(register(bob).getByRole('textbox', { name: 'Risk title' })).toHaveValue(hostile);
		await expect(bob.getByRole('button', { name: `Move ${hostile}` })).toBeVisible();
		await expect(bob.locator('main img')).toHaveCount(0);

		await deleteRow(alice, hostile);
		await expect(alice.getByText(`Deleted “${hostile}”.`)).toBeVisible();
		await expect(alice.locator('main img')).toHaveCount(0);
		await expect(register(bob).getByRole('textbox', { name: 'Risk title' })).toHaveCount(0);
	});

	test('the risks section with content has no serious or critical accessibility violation', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			const owner = addPerson(doc, { name: 'Priya Shah' });
			addRisk(doc, {
				title: 'Auditor unavailable',
				likelihood: 4,
				impact: 5,
				owner,
				due: '2020-01-01'
			});
			addRisk(doc, { title: 'Budget cut', likelihood: 2, impact: 2, status: 'closed' });
			addRisk(doc, { title: 'Scope creep', likelihood: 3, impact: 3, status: 'mitigating' });
		});
		await openSection(page, 'Risks');
		await expect(register(page).getByRole('textbox', { name: 'Risk title' })).toHaveCount(3);
		await page.getByRole('button', { name: 'Details of Scope creep' }).click();
		await heatCell(page, 4, 5).click();
		await expect(heatMap(page)).toBeVisible();

		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const { violations } = await new AxeBuilder({ page }).analyze();
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(
				serious.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
			).toEqual([]);
		}
	});

	test('an impossible due date is named on the risk’s date field and never clears it', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			addRisk(doc, { title: 'Vendor slips', due: '2031-04-03' });
		});
		await openSection(page, 'Risks');
		const due = page.getByLabel('Due date of Vendor slips');
		await expect(due).toHaveValue('2031-04-03');

		// The day typed over 3 April makes it 31 April.
		await due.focus();
		await page.keyboard.type('0431');
		await expect(due).toHaveAttribute('aria-invalid', 'true');
		await expect(due).toHaveAccessibleDescription(
			'The due date is incomplete or not on the calendar (like 31 April).'
		);
		await page.reload();
		await expect(page.getByLabel('Due date of Vendor slips')).toHaveValue('2031-04-03');
	});
});

test.describe('a long risk register', () => {
	test('renders only the rows near the viewport, and every risk is reached by scrolling', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL ?? '', editLink, (doc) => {
			doc.transact(() => {
				for (let i = 1; i <= 300; i++) addRisk(doc, { title: `Risk ${i}` });
			});
		});
		await openSection(page, 'Risks');
		await expect(page.getByText('300 of 300 risks')).toBeVisible();
		const titles = register(page).getByRole('textbox', { name: 'Risk title' });
		await expect(titles.first()).toHaveValue('Risk 1');
		expect(await titles.count()).toBeLessThan(100);

		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await expect(titles.last()).toHaveValue('Risk 300');
		await expect(page.getByRole('button', { name: 'Move Risk 300' })).toBeInViewport();
		expect(await titles.count()).toBeLessThan(100);
	});
});
