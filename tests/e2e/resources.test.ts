import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { addPeople, collectPageErrors, seriousAxeViolations } from './raci-helpers.ts';

/** A month as the grid names it ("March 2027"), `offset` months from the current one. */
function monthName(offset: number): string {
	const date = new Date();
	date.setDate(1);
	date.setMonth(date.getMonth() + offset);
	return date.toLocaleDateString('en-US', { month: 'long', year: 'numeric' });
}

function resourceGrid(page: Page) {
	return page.getByRole('grid', { name: 'Resources' });
}

function problems(page: Page) {
	return page.getByRole('list', { name: 'Resource problems' }).getByRole('listitem');
}

/** Types a percent into a person's month by keyboard: from their name, right `offset + 1` cells. */
async function typeAllocation(page: Page, person: string, offset: number, percent: string) {
	await resourceGrid(page).getByRole('rowheader', { name: person }).focus();
	for (let step = 0; step <= offset; step++) await page.keyboard.press('ArrowRight');
	await page.keyboard.type(percent);
	await page.keyboard.press('Enter');
}

test.describe('the resource plan', () => {
	test('an over-allocation typed in one browser shows its check in another while a third fills another person’s month', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
		const errors = collectPageErrors(ada);
		await addPeople(ada, ['Maya', 'Theo']);
		await openSection(ada, 'Resources');
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(grace, 'Resources');
		const lin = await openInNewBrowser(browser, editLink, 'Lin');
		await openSection(lin, 'Resources');
		// No milestone has a date: six months from this one.
		await expect(resourceGrid(grace).getByRole('columnheader')).toHaveCount(7);

		const over = `Maya is over-allocated in ${monthName(0)}: 150%`;
		await Promise.all([
			typeAllocation(ada, 'Maya', 0, '150'),
			typeAllocation(lin, 'Theo', 1, '80')
		]);
		const mayaCell = `Maya, ${monthName(0)}: 150%, over-allocated`;
		await expect(resourceGrid(ada).getByRole('gridcell', { name: mayaCell })).toBeFocused();
		for (const page of [ada, grace, lin]) {
			await expect(problems(page)).toHaveText([over]);
			await expect(
				resourceGrid(page).getByRole('gridcell', { name: `Theo, ${monthName(1)}: 80%` })
			).toBeVisible();
			await expect(
				resourceGrid(page).getByRole('gridcell', { name: `${monthName(0)}: 1.5 person-months` })
			).toBeVisible();
		}

		// The check is a way to the cell.
		await problems(grace).getByRole('button', { name: over }).click();
		await expect(resourceGrid(grace).getByRole('gridcell', { name: mayaCell })).toBeFocused();

		for (const colorScheme of ['light', 'dark'] as const) {
			await grace.emulateMedia({ colorScheme });
			expect(await seriousAxeViolations(grace)).toEqual([]);
		}

		// Delete clears the cell, and the check goes everywhere.
		await grace.keyboard.press('Delete');
		for (const page of [ada, lin]) {
			await expect(
				resourceGrid(page).getByRole('gridcell', { name: `Maya, ${monthName(0)}: no allocation` })
			).toBeVisible();
			await expect(
				page.getByRole('status').filter({ hasText: 'No one is over-allocated' })
			).toBeVisible();
		}
		expect(errors).toEqual([]);
	});
});
