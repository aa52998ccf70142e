import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { openSection } from './helpers.ts';

/** Text that would run script if a view ever rendered it as HTML. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/** Records (and dismisses) every alert, confirm or prompt: hostile text must never open one. */
export function watchDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	return dialogs;
}

/** Collects uncaught page errors, so a test can assert that none happened. */
export function collectPageErrors(page: Page): Error[] {
	const errors: Error[] = [];
	page.on('pageerror', (error) => errors.push(error));
	return errors;
}

/** The list of people in the People section. */
export function peopleList(page: Page): Locator {
	return page.getByRole('list', { name: 'People', exact: true });
}

/** Adds people by name from the People section. */
export async function addPeople(page: Page, names: readonly string[]): Promise<void> {
	await openSection(page, 'People');
	for (const name of names) {
		await page.getByLabel('New person').fill(name);
		await page.getByRole('button', { name: 'Add person' }).click();
	}
	await expect(peopleList(page).getByRole('listitem')).toHaveCount(names.length);
}

/** The names of the people, top to bottom, as their name fields hold them. */
export async function peopleOrder(page: Page): Promise<string[]> {
	const names = peopleList(page).getByRole('textbox', { name: 'Name' });
	return names.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** Runs axe on the page and lists the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}

/** The RACI grid. */
export function raciGrid(page: Page): Locator {
	return page.getByRole('grid', { name: 'RACI matrix' });
}

/** Adds RACI tasks from the RACI section. */
export async function addTasks(page: Page, titles: readonly string[]): Promise<void> {
	await openSection(page, 'RACI');
	for (const title of titles) {
		await page.getByLabel('New task').fill(title);
		await page.getByRole('button', { name: 'Add task' }).click();
	}
}

/** The column headers' texts, whitespace tidied: 'Task', then each person's name and role. */
export async function columnHeaders(page: Page): Promise<string[]> {
	const texts = await raciGrid(page).getByRole('columnheader').allTextContents();
	return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The header cell of a task's row. */
export function taskHeader(page: Page, task: string): Locator {
	return raciGrid(page).getByRole('rowheader', { name: task, exact: true });
}

/** The cell of `task` × `person`, found through the column headers as a user would read them. */
export async function raciCell(page: Page, task: string, person: string): Promise<Locator> {
	const headers = await raciGrid(page).getByRole('columnheader').allTextContents();
	const column = headers.findIndex((text) => text.trim().startsWith(person));
	expect(column, `no column for ${person}`).toBeGreaterThan(0);
	const row = raciGrid(page)
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: task, exact: true }) });
	return row.getByRole('gridcell').nth(column - 1);
}

/** The titles of the tasks, top to bottom. */
export async function taskOrder(page: Page): Promise<string[]> {
	const headers = raciGrid(page).locator('tbody').getByRole('rowheader');
	return headers.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
}
