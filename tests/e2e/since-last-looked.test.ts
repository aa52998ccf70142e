import { expect, test, type Locator, type Page } from './fixtures.ts';
import { openAsTeammate, storeDemoKickoff } from './demo-boards.ts';
import { newPerson, openSection } from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { riskRow } from './risks-helpers.ts';
import { syncStatus } from './sync-helpers.ts';
import { deriveViewKey } from '../../src/lib/sync/keys.ts';

const RISK = 'Fraud rules do not carry over one to one';
const MILESTONE = 'Security review';
const NEWCOMER = 'Ravi Patel';

function sinceLastLooked(page: Page): Locator {
	return page.getByRole('region', { name: 'Since you last looked' });
}

function changedMarker(scope: Locator): Locator {
	return scope.getByText('Changed since you last looked');
}

/** Waits until the browser has kept the board as shown (IndexedDB), as it does once it is live. */
async function expectShownKept(page: Page, boardId: string): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(async (name) => {
				// Opened only once it exists, so the app's own upgrade still makes its store.
				if (!(await indexedDB.databases()).some((db) => db.name === name)) return false;
				return new Promise<boolean>((resolve, reject) => {
					const request = indexedDB.open(name);
					request.onerror = () => reject(request.error);
					request.onsuccess = () => {
						const db = request.result;
						const get = db.transaction('shown').objectStore('shown').get('board');
						get.onsuccess = () => {
							db.close();
							resolve(get.result !== undefined);
						};
						get.onerror = () => reject(get.error);
					};
				});
			}, `charter-shown-${boardId}`)
		)
		.toBe(true);
}

/** A date input's `YYYY-MM-DD` moved by `days`. */
function laterBy(date: string, days: number): string {
	const moved = new Date(`${date}T12:00:00Z`);
	moved.setUTCDate(moved.getUTCDate() + days);
	return moved.toISOString().slice(0, 10);
}

test('a returning editor and a stakeholder see what changed since they last looked, and by whom', async ({
	browser
}) => {
	const demo = await storeDemoKickoff();
	const [, boardId, editKey] = /^\/b\/([^#]+)#edit=(.+)$/.exec(demo.link)!;
	const viewLink = `/b/${boardId}#view=${await deriveViewKey(editKey!)}`;
	const maya = await openAsTeammate(browser, 'maya');
	const grace = await newPerson(browser, 'Grace Hopper');
	const viewer = await newPerson(browser, null);

	// Grace and a stakeholder look at the board, then leave. A first visit lists nothing.
	await grace.goto(demo.link);
	await viewer.goto(viewLink);
	for (const page of [grace, viewer]) {
		await expect(page.getByRole('heading', { name: 'Top risks' })).toBeVisible();
		await expectShownKept(page, boardId!);
		await expect(sinceLastLooked(page)).toHaveCount(0);
		await page.goto('/');
	}

	// Maya re-scores a risk, moves a milestone by five days and adds a person.
	await maya.goto(demo.link.replace('#', '/risks#'));
	await maya.getByLabel(`Likelihood of ${RISK}`).selectOption('5');
	await openSection(maya, 'Milestones');
	const due = maya
		.getByRole('listitem')
		.filter({ has: maya.getByLabel(`Owner of ${MILESTONE}`) })
		.getByLabel('Due date');
	await due.fill(laterBy(await due.inputValue(), 5));
	await due.press('Enter');
	await openSection(maya, 'People');
	await maya.getByLabel('New person').fill(NEWCOMER);
	await maya.getByLabel('New person').press('Enter');
	await expect(maya.getByRole('textbox', { name: 'Name' }).last()).toHaveValue(NEWCOMER);
	await expect(syncStatus(maya)).toHaveText('Synced');

	// Grace comes back: exactly those three, each by Maya.
	await grace.goto(demo.link);
	const changes = sinceLastLooked(grace).getByRole('listitem');
	await expect(changes).toHaveText([
		// A risk is named by its number too (R-n, given by the server).
		new RegExp(`^Maya Chen changed the risk R-\\d+ ${RISK}: score from 12 to 20$`),
		new RegExp(`^Maya Chen changed the milestone ${MILESTONE}: due date from .+ to .+$`),
		`Maya Chen added the person ${NEWCOMER}`
	]);

	// A link reveals its row, whose marker shows until the row has been in view a moment.
	await sinceLastLooked(grace).getByRole('link', { name: RISK }).click();
	const risk = riskRow(grace, RISK);
	await expect(risk.getByRole('textbox', { name: 'Risk title' })).toBeFocused();
	await expect(changedMarker(risk)).toBeVisible();
	await expect(changedMarker(risk)).toHaveCount(0);
	await sinceLastLooked(grace).getByRole('link', { name: MILESTONE }).click();
	await expect(
		grace.getByRole('textbox', { name: 'Title' }).and(grace.locator(':focus'))
	).toHaveValue(MILESTONE);
	await expect(changedMarker(grace.getByRole('main'))).toHaveCount(1);
	await expect(changedMarker(grace.getByRole('main'))).toHaveCount(0);

	// The stakeholder with the view link sees the same, and the panel passes axe both ways.
	await viewer.goto(viewLink);
	await expect(sinceLastLooked(viewer).getByRole('listitem')).toHaveText([
		new RegExp(`^Maya Chen changed the risk R-\\d+ ${RISK}`),
		new RegExp(`^Maya Chen changed the milestone ${MILESTONE}`),
		`Maya Chen added the person ${NEWCOMER}`
	]);
	for (const colorScheme of ['light', 'dark'] as const) {
		await viewer.emulateMedia({ colorScheme });
		expect(await seriousAxeViolations(viewer), colorScheme).toEqual([]);
	}
	// Dismissing clears every marker: the re-scored risk shows none, though never scrolled to.
	await sinceLastLooked(viewer).getByRole('button', { name: 'Dismiss' }).click();
	await expect(sinceLastLooked(viewer)).toHaveCount(0);
	await expect(
		viewer
			.getByRole('navigation', { name: 'Board sections' })
			.getByRole('link', { name: 'Overview' })
	).toBeFocused();
	await openSection(viewer, 'Risks');
	await expect(riskRow(viewer, RISK)).toBeVisible();
	await expect(changedMarker(grace.getByRole('main'))).toHaveCount(0);
	await expect(changedMarker(viewer.getByRole('main'))).toHaveCount(0);
});
