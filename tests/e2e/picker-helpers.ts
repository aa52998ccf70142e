import { expect, type Locator, type Page } from '@playwright/test';

/*
 * The owner picker and the status pill of an entry (a risk, an action, a milestone), found by the
 * entry's title as their names say it: "Owner of Pilot live: Maria González", "Status of Pilot
 * live". Their lists open in a layer at the end of the page, so they are looked up in the page.
 */

/** The owner button of the entry titled `subject`, whoever owns it. */
export function ownerPicker(scope: Page | Locator, subject: string): Locator {
	return scope.getByRole('button', { name: new RegExp(`^Owner of ${escaped(subject)}: `) });
}

/** The open owner list of the entry titled `subject`. */
export function ownerList(page: Page, subject: string): Locator {
	return page.getByRole('dialog', { name: `Owner of ${subject}`, exact: true });
}

/** Makes `name` (or "Unassigned") the owner with the mouse: opens the list and clicks them. */
export async function pickOwner(
	page: Page,
	subject: string,
	name: string,
	scope: Page | Locator = page
): Promise<void> {
	await ownerPicker(scope, subject).click();
	await ownerList(page, subject).getByRole('option', { name, exact: true }).click();
	await expectOwner(scope, subject, name);
}

/**
 * Makes someone the owner with the keyboard alone: focuses the owner button, types the start of
 * their name (which opens the list filtered by it) and presses Enter on the first match.
 */
export async function pickOwnerByKeyboard(
	page: Page,
	subject: string,
	typed: string,
	scope: Page | Locator = page
): Promise<void> {
	await ownerPicker(scope, subject).focus();
	await page.keyboard.type(typed);
	const list = ownerList(page, subject);
	await expect(list.getByRole('combobox')).toHaveValue(typed);
	await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('Enter');
	await expect(list).toHaveCount(0);
}

/** Expects the owner button of `subject` to name `name` ("Unassigned", "(removed person)"). */
export async function expectOwner(
	scope: Page | Locator,
	subject: string,
	name: string
): Promise<void> {
	const picker = ownerPicker(scope, subject);
	await expect(picker).toHaveAccessibleName(`Owner of ${subject}: ${name}`);
	await expect(picker).toContainText(name);
}

/** The status pill of the entry titled `subject`, as a control (an editor's). */
export function statusMenu(scope: Page | Locator, subject: string): Locator {
	return scope.getByRole('combobox', { name: `Status of ${subject}`, exact: true });
}

/** Sets the status of `subject` with the mouse: opens its pill and clicks the status. */
export async function pickStatus(
	page: Page,
	subject: string,
	label: string,
	scope: Page | Locator = page
): Promise<void> {
	await statusMenu(scope, subject).click();
	await page.getByRole('listbox').getByRole('option', { name: label, exact: true }).click();
	await expect(statusMenu(scope, subject)).toHaveText(label);
}

/**
 * Sets the status of `subject` with the keyboard alone: focuses the pill, opens it with Enter,
 * goes to the first status with Home and down with the arrow keys to `label`, chooses it with
 * Enter; the focus is back on the pill.
 */
export async function pickStatusByKeyboard(
	page: Page,
	subject: string,
	label: string,
	scope: Page | Locator = page
): Promise<void> {
	const menu = statusMenu(scope, subject);
	await menu.focus();
	await page.keyboard.press('Enter');
	const options = page.getByRole('listbox').getByRole('option');
	await expect(options.first()).toBeVisible();
	const labels = (await options.allTextContents()).map((text) => text.trim());
	const steps = labels.indexOf(label);
	if (steps < 0) throw new Error(`no status ${label} among ${labels.join(', ')}`);
	await page.keyboard.press('Home');
	for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowDown');
	await expect(options.nth(steps)).toHaveAttribute('data-highlighted');
	await page.keyboard.press('Enter');
	await expect(options).toHaveCount(0);
	await expect(menu).toHaveText(label);
	await expect(menu).toBeFocused();
}

/** Expects the status of `subject` to read `label`, as a control or (for a viewer) a pill. */
export async function expectStatus(
	scope: Page | Locator,
	subject: string,
	label: string
): Promise<void> {
	await expect(statusMenu(scope, subject)).toHaveText(label);
}

function escaped(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
