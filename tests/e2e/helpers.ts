import {
	expect,
	type Browser,
	type BrowserContextOptions,
	type Locator,
	type Page
} from '@playwright/test';
import { SECTION_GROUPS, sectionLabel } from '../../src/lib/components/board/sections.ts';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed'];
let people = 0;

/**
 * A new browser (context) for one person, with a profile already chosen so the "Who are you?"
 * dialog stays away. Pass `name: null` for a browser whose user has not named themselves.
 */
export async function newPerson(
	browser: Browser,
	name: string | null = 'Ada',
	options: BrowserContextOptions = {}
): Promise<Page> {
	const context = await browser.newContext(options);
	if (name !== null) {
		const profile = {
			id: `e2e-user-${process.pid}-${++people}`,
			name,
			color: COLORS[people % COLORS.length]
		};
		await context.addInitScript((stored) => {
			if (!localStorage.getItem('charter.profile')) localStorage.setItem('charter.profile', stored);
		}, JSON.stringify(profile));
	}
	return context.newPage();
}

/** Creates a kickoff board from the home page of `page` and returns its share links. */
export async function createKickoffBoardIn(
	page: Page
): Promise<{ editLink: string; viewLink: string; boardPath: string }> {
	await page.goto('/');
	await page.getByRole('button', { name: /New kickoff board/ }).click();
	await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
	await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Project kickoff');
	await page.getByText('Share', { exact: true }).click();
	const editLink = await page.getByLabel(/Edit link/).inputValue();
	const viewLink = await page.getByLabel(/View link/).inputValue();
	await page.getByText('Share', { exact: true }).click();
	return { editLink, viewLink, boardPath: new URL(page.url()).pathname };
}

/** Creates a kickoff board in a new person's browser and returns the page and share links. */
export async function createKickoffBoard(
	browser: Browser,
	name = 'Ada'
): Promise<{ page: Page; editLink: string; viewLink: string; boardPath: string }> {
	const page = await newPerson(browser, name);
	return { page, ...(await createKickoffBoardIn(page)) };
}

/** Opens a link in a new person's browser. */
export async function openInNewBrowser(
	browser: Browser,
	link: string,
	name: string | null = 'Grace'
): Promise<Page> {
	const page = await newPerson(browser, name);
	await page.goto(link);
	return page;
}

/**
 * Follows the board's navigation link to one of its sections; a section that shares a tab with
 * others (see SECTION_GROUPS) is reached through its group's tab first.
 */
export async function openSection(page: Page, name: string): Promise<void> {
	const nav = page.getByRole('navigation', { name: 'Board sections' });
	const link = nav.getByRole('link', { name });
	if (!(await link.isVisible())) {
		const group = SECTION_GROUPS.find(({ members }) =>
			members.some((segment) => sectionLabel(segment) === name)
		);
		if (group) await nav.getByRole('link', { name: group.label, exact: true }).click();
	}
	await link.click();
	await expect(link).toHaveAttribute('aria-current', 'page');
}

/** The milestone row titled `title` on the milestones page. */
export function milestoneRow(page: Page, title: string): Locator {
	return page
		.getByRole('list', { name: 'Milestones, by due date' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('button', { name: `Actions for ${title}`, exact: true }) });
}

/** Moves a milestone's due date from its row, as a person would. */
export async function moveMilestone(page: Page, title: string, due: string): Promise<void> {
	const field = milestoneRow(page, title).getByLabel('Due date');
	await field.fill(due);
	await field.press('Enter');
	await expect(field).toHaveValue(due);
}
