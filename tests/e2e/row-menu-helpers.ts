import { expect, type Locator, type Page } from '@playwright/test';

/** The "⋯" button that opens the menu of the row (risk, action, milestone, person) named `title`. */
export function rowMenuButton(page: Page, title: string): Locator {
	return page.getByRole('button', { name: `Actions for ${title}`, exact: true });
}

/** The open menu of the row named `title`. */
export function rowMenu(page: Page, title: string): Locator {
	return page.getByRole('menu', { name: `Actions for ${title}`, exact: true });
}

/** Opens the menu of the row named `title` with the mouse, and returns it. */
export async function openRowMenu(page: Page, title: string): Promise<Locator> {
	await rowMenuButton(page, title).click();
	const menu = rowMenu(page, title);
	await expect(menu).toBeVisible();
	return menu;
}

/** Chooses `item` ("Move up", "Show details"…) in the menu of the row named `title`. */
export async function chooseInRowMenu(page: Page, title: string, item: string): Promise<void> {
	const menu = await openRowMenu(page, title);
	await menu.getByRole('menuitem', { name: item, exact: true }).click();
	await expect(menu).toHaveCount(0);
}

/**
 * Deletes the row named `title` through its menu (a person's menu says Remove, and "Remove…" when
 * it asks first). The row goes at once; the list's notice offers Undo.
 */
export async function deleteRow(page: Page, title: string): Promise<void> {
	const menu = await openRowMenu(page, title);
	await menu.getByRole('menuitem', { name: /^(Delete|Remove…?)$/ }).click();
	await expect(menu).toHaveCount(0);
}

/** The notice after a deletion ("Deleted “X”."), with its Undo. */
export function deletionNotice(page: Page): Locator {
	return page
		.getByRole('status')
		.filter({ has: page.getByRole('button', { name: 'Undo', exact: true }) });
}
