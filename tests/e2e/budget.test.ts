import { expect, test, type Page } from './fixtures.ts';
import { addBudgetLine, addMilestone, readList } from '../../src/lib/board/index.ts';
import { expectStockClientToRead, typeAtBothEnds } from './co-editing-helpers.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';

/** The row of the budget line whose controls are named after `title`. */
function lineRow(page: Page, title: string) {
	return page
		.getByRole('table', { name: 'Budget lines' })
		.getByRole('row')
		.filter({ has: page.getByRole('textbox', { name: `Planned for ${title}`, exact: true }) });
}

/** The title field of a line, found by its id (its title changes while people type). */
function lineTitle(page: Page, id: string) {
	return page.locator(`[data-row-id="${id}"]`).getByRole('textbox', { name: 'Budget line title' });
}

/** The notes field of a line, found by its id. */
function lineNotes(page: Page, id: string) {
	return page.locator(`[data-row-id="${id}"]`).getByRole('textbox', { name: /^Notes on / });
}

/** Types an amount into a line's Planned or Actual field and saves it with Enter. */
async function enterAmount(page: Page, label: string, amount: string) {
	const field = page.getByRole('textbox', { name: label, exact: true });
	await field.click();
	await field.fill(amount);
	await field.press('Enter');
}

/** A row of a totals table, by its first cell. */
function totalsRow(page: Page, table: 'category' | 'milestone', label: string) {
	return page
		.getByTestId(`budget-totals-${table}`)
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

test('budget lines entered in one browser appear in another with totals and the burn chart; axe light and dark', async ({
	browser,
	baseURL
}) => {
	const { page: ada, editLink, viewLink } = await createKickoffBoard(browser, 'Ada');
	await writeAsPeer(baseURL!, editLink, (doc) => {
		addMilestone(doc, { title: 'Beta', due: '2026-05-01' });
	});
	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	await Promise.all([ada, grace].map((page) => openSection(page, 'Budget')));

	await ada.getByLabel('New budget line').fill('Contractors');
	await ada.getByRole('button', { name: 'Add budget line' }).click();
	await enterAmount(ada, 'Planned for Contractors', '1,000.10');
	await enterAmount(ada, 'Actual for Contractors', '0.1');
	await ada.getByLabel('New budget line').fill('Laptops');
	await ada.getByRole('button', { name: 'Add budget line' }).click();
	await lineRow(ada, 'Laptops')
		.getByRole('combobox', { name: 'Category of Laptops' })
		.selectOption('Hardware');
	await lineRow(ada, 'Laptops')
		.getByRole('combobox', { name: 'Milestone of Laptops' })
		.selectOption({ label: 'Beta (2026-05-01)' });
	await enterAmount(ada, 'Planned for Laptops', '200');
	await enterAmount(ada, 'Actual for Laptops', '250.2');
	// A refused amount is said beside the field and writes nothing.
	await enterAmount(ada, 'Planned for Laptops', '12.345');
	await expect(ada.getByRole('alert')).toHaveText(
		'Planned for Laptops EUR has at most 2 decimals.'
	);
	await ada.keyboard.press('Escape');

	for (const page of [ada, grace]) {
		const summary = page.getByTestId('budget-summary');
		await expect(summary).toContainText('Planned €1,200.10');
		await expect(summary).toContainText('Actual €250.30');
		await expect(summary).toContainText('Variance €949.80');
		await expect(summary).toContainText('Spent 20.9%');
		await expect(page.getByText('1 over budget', { exact: true })).toBeVisible();
		await expect(lineRow(page, 'Laptops').getByText('Over budget')).toBeVisible();
		await expect(totalsRow(page, 'category', 'Hardware').getByRole('cell')).toHaveText([
			'€200.00',
			'€250.20',
			'-€50.20',
			'125.1%',
			'Over budget'
		]);
		await expect(totalsRow(page, 'milestone', 'No milestone').getByRole('cell')).toHaveText([
			'€1,000.10',
			'€0.10',
			'€1,000.00',
			'0%',
			'Within budget'
		]);
		const chart = page.getByRole('img', { name: 'Budget burn: planned against actual' });
		await expect(chart).toHaveAccessibleDescription(
			'Cumulative spend at each milestone date. 2026-05-01 (Beta): planned €200.00, actual €250.20; Without a dated milestone: planned €1,200.10, actual €250.30.'
		);
	}
	await grace.getByText('Show as table').click();
	await expect(grace.getByRole('row', { name: /^2026-05-01 Beta/ }).getByRole('cell')).toHaveText([
		'Beta',
		'€200.00',
		'€250.20 (over plan)'
	]);

	// The other browser changes the currency; the first shows every amount in it.
	await grace.getByRole('combobox', { name: 'Currency' }).selectOption('JPY');
	await expect(ada.getByTestId('budget-summary')).toContainText('Planned ¥120,010');

	for (const colorScheme of ['light', 'dark'] as const) {
		await ada.emulateMedia({ colorScheme });
		expect(await seriousAxeViolations(ada), colorScheme).toEqual([]);
	}

	const viewer = await openInNewBrowser(browser, viewLink, 'Vic');
	await openSection(viewer, 'Budget');
	await expect(viewer.getByTestId('budget-summary')).toContainText('Actual ¥25,030');
	await expect(viewer.getByRole('button', { name: 'Add budget line' })).toHaveCount(0);
	await expect(viewer.getByRole('button', { name: 'Import lines from CSV' })).toHaveCount(0);
	await expect(viewer.getByRole('textbox', { name: 'Planned for Laptops' })).toHaveAttribute(
		'readonly'
	);
	await expect(viewer.getByRole('combobox', { name: 'Currency' })).toBeDisabled();
});

test('two people typing into one line’s title, then its notes, while a third changes another line’s amount get exactly the same text; a bad CSV adds nothing', async ({
	browser,
	baseURL
}) => {
	test.slow();
	const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
	const id = await writeAsPeer(baseURL!, editLink, (doc) => {
		const shared = addBudgetLine(doc, {
			title: 'Cloud hosting',
			planned: 100_00,
			notes: 'Second test'
		});
		addBudgetLine(doc, { title: 'Travel', planned: 50_00 });
		return shared;
	});
	const [grace, cy] = await Promise.all([
		openInNewBrowser(browser, editLink, 'Grace'),
		openInNewBrowser(browser, editLink, 'Cy')
	]);
	await Promise.all([ada, grace, cy].map((page) => openSection(page, 'Budget')));
	const fields = [ada, grace].map((page) => lineTitle(page, id));
	for (const field of fields) await expect(field).toHaveValue('Cloud hosting');
	await fields[0]!.click();
	await fields[1]!.click();

	await Promise.all([
		typeAtBothEnds(ada, grace),
		(async () => {
			for (const amount of ['75', '80.5']) await enterAmount(cy, 'Actual for Travel', amount);
		})()
	]);
	const expected = 'bbbb Cloud hosting AAAA';
	for (const page of [ada, grace, cy]) {
		await expect(lineTitle(page, id)).toHaveValue(expected);
		await expect(page.getByRole('textbox', { name: 'Actual for Travel' })).toHaveValue('€80.50');
	}

	// The notes too, while the third person changes the other line again.
	const notes = [ada, grace].map((page) => lineNotes(page, id));
	await notes[0]!.click();
	await notes[1]!.click();
	await Promise.all([typeAtBothEnds(ada, grace), enterAmount(cy, 'Actual for Travel', '90')]);
	for (const page of [ada, grace, cy])
		await expect(lineNotes(page, id)).toHaveValue('bbbb Second test AAAA');
	await expectStockClientToRead(
		baseURL!,
		editLink,
		(doc) => {
			const line = readList(doc, 'budgetLines').items.find((item) => item.id === id);
			return line && [line.title, line.notes];
		},
		[expected, 'bbbb Second test AAAA']
	);

	// A CSV with a bad row adds nothing and says where each problem is.
	await cy.getByTestId('budget-csv-file').setInputFiles({
		name: 'lines.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Line,Category,Planned\nDesks,hardware,300\n,food,1.234\n')
	});
	const status = cy.getByRole('status').filter({ hasText: 'lines.csv' });
	await expect(status).toContainText(
		'lines.csv was not imported: 3 problems. No lines were added.'
	);
	await expect(status.getByRole('listitem')).toHaveText([
		'Row 3, Line: is empty',
		'Row 3, Category: "food" is not one of labour, licences, hardware, services, travel, other',
		'Row 3, Planned: "1.234" EUR has at most 2 decimals'
	]);
	await expect(cy.getByRole('table', { name: 'Budget lines' }).getByRole('row')).toHaveCount(3);
	await cy.getByTestId('budget-csv-file').setInputFiles({
		name: 'good.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Line,Category,Planned\nDesks,hardware,"1,300"\n')
	});
	await expect(
		lineRow(ada, 'Desks').getByRole('textbox', { name: 'Planned for Desks' })
	).toHaveValue('€1,300.00');
});
