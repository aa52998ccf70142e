import {
	addAction,
	addMilestone,
	addPerson,
	addRisk,
	type RiskStatus
} from '../../src/lib/board/index.ts';
import { expect, test, type Browser, type Locator, type Page } from './fixtures.ts';
import {
	createKickoffBoard,
	createKickoffBoardIn,
	newPerson,
	openInNewBrowser,
	openSection
} from './helpers.ts';
import {
	expectOwner,
	expectStatus,
	ownerList,
	ownerPicker,
	pickOwner,
	pickOwnerByKeyboard,
	pickStatusByKeyboard,
	statusMenu
} from './picker-helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { register, riskTitles, writeAsPeer } from './risks-helpers.ts';

/** The avatar on the owner button of `subject`. */
function ownerAvatar(page: Page, subject: string): Locator {
	return ownerPicker(page, subject).locator('[aria-hidden="true"]').first();
}

/** The options' texts to expect, after each avatar's letters. */
function names(...shown: string[]): RegExp[] {
	return shown.map((name) => new RegExp(`^\\W*[A-Z]{0,2} ?${name}\\s*$`));
}

/** Whether `locator`'s box lies wholly inside the page's viewport. */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
	const box = (await locator.boundingBox())!;
	const { width, height } = page.viewportSize()!;
	return box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
}

test.describe('owner pickers and status pills', () => {
	test('two editors pick owners by mouse and by keyboard and set a status while a third types a title; all three see it all', async ({
		browser,
		baseURL
	}) => {
		const { page: alice, editLink } = await createKickoffBoard(browser, 'Alice');
		await writeAsPeer(baseURL!, editLink, (doc) => {
			addPerson(doc, { name: 'Maria González', color: '#7c3aed' });
			addPerson(doc, { name: 'Priya Shah', color: '#16a34a' });
			addPerson(doc, { name: 'Tom Okafor' });
			addRisk(doc, { title: 'Vendor slips' });
			addRisk(doc, { title: 'Budget cut' });
			addRisk(doc, { title: 'Key engineer leaves' });
		});
		const bob = await openInNewBrowser(browser, editLink, 'Bob');
		const cy = await openInNewBrowser(browser, editLink, 'Cy');
		const everyone = [alice, bob, cy];
		for (const page of everyone) await openSection(page, 'Risks');
		await expectOwner(bob, 'Budget cut', 'Unassigned');

		// Cy types into the third risk's title all the while.
		const cyTitle = register(cy).getByRole('textbox', { name: 'Risk title' }).nth(2);
		await cyTitle.click();
		await cy.keyboard.press('End');
		const typing = cy.keyboard.type(' in March, says Cy', { delay: 60 });

		await pickOwner(alice, 'Vendor slips', 'Maria González');
		await pickOwnerByKeyboard(bob, 'Budget cut', 'pri');
		await expect(ownerPicker(bob, 'Budget cut')).toBeFocused();
		await pickStatusByKeyboard(alice, 'Vendor slips', 'Mitigating');
		await typing;

		for (const page of everyone) {
			await expectOwner(page, 'Vendor slips', 'Maria González');
			await expect(ownerAvatar(page, 'Vendor slips')).toHaveText('MG');
			await expect(ownerAvatar(page, 'Vendor slips')).toHaveCSS(
				'background-color',
				'rgb(124, 58, 237)'
			);
			await expectOwner(page, 'Budget cut', 'Priya Shah');
			await expect(ownerAvatar(page, 'Budget cut')).toHaveText('PS');
			await expectStatus(page, 'Vendor slips', 'Mitigating');
			await expect
				.poll(() => riskTitles(page))
				.toEqual(['Vendor slips', 'Budget cut', 'Key engineer leaves in March, says Cy']);
		}
	});

	test('the owner list filters by what is typed, ignoring accents, and Escape closes it unchanged', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL!, editLink, (doc) => {
			const maria = addPerson(doc, { name: 'Maria González' });
			addPerson(doc, { name: 'Mario Rossi' });
			addPerson(doc, { name: 'Tom Okafor' });
			addAction(doc, { title: 'Book the lab', owner: maria });
		});
		await openSection(page, 'Actions');
		const picker = ownerPicker(page, 'Book the lab');
		await expectOwner(page, 'Book the lab', 'Maria González');

		await picker.focus();
		await page.keyboard.press('Enter');
		const list = ownerList(page, 'Book the lab');
		const options = list.getByRole('option');
		await expect(options).toHaveText(
			names('Unassigned', 'Maria González', 'Mario Rossi', 'Tom Okafor')
		);
		// The current owner is marked and highlighted when the list opens.
		await expect(options.nth(1)).toHaveAttribute('aria-current', 'true');
		await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.type('gonza');
		await expect(options).toHaveText(names('Maria González'));
		await page.keyboard.press('Backspace');
		await page.keyboard.press('Backspace');
		await page.keyboard.press('Backspace');
		await page.keyboard.press('Backspace');
		await page.keyboard.press('Backspace');
		await page.keyboard.type('mari');
		await expect(options).toHaveText(names('Maria González', 'Mario Rossi'));
		await page.keyboard.press('ArrowDown');
		await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('Escape');
		await expect(list).toHaveCount(0);
		await expect(picker).toBeFocused();
		await expectOwner(page, 'Book the lab', 'Maria González');

		// Nobody by that name: the list says so; ArrowDown on the button opens it unfiltered.
		await page.keyboard.type('zz');
		await expect(list).toContainText('No one by that name');
		await page.keyboard.press('Escape');
		await page.keyboard.press('ArrowDown');
		await expect(options).toHaveCount(4);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Enter');
		await expectOwner(page, 'Book the lab', 'Unassigned');
	});

	test('a viewer sees each owner and status but has nothing to change them with', async ({
		browser,
		baseURL
	}) => {
		const { editLink, viewLink } = await createKickoffBoard(browser);
		await writeAsPeer(baseURL!, editLink, (doc) => {
			const maria = addPerson(doc, { name: 'Maria González' });
			addRisk(doc, { title: 'Vendor slips', owner: maria, status: 'mitigating' });
			addAction(doc, { title: 'Book the lab', owner: maria, status: 'doing' });
			addMilestone(doc, { title: 'Pilot live', status: 'at-risk' });
		});
		const viewer = await openInNewBrowser(browser, viewLink, 'Sam');
		const shown = [
			['Risks', 'Vendor slips', 'Maria González', 'Mitigating'],
			['Actions', 'Book the lab', 'Maria González', 'Doing'],
			['Milestones', 'Pilot live', 'Unassigned', 'At risk']
		] as const;
		for (const [section, subject, owner, status] of shown) {
			await openSection(viewer, section);
			await expectOwner(viewer, subject, owner);
			await expect(ownerPicker(viewer, subject)).toBeDisabled();
			await ownerPicker(viewer, subject).click({ force: true });
			await expect(viewer.getByRole('dialog')).toHaveCount(0);
			await expect(viewer.getByText(`Status of ${subject}: ${status}`)).toBeVisible();
			await expect(statusMenu(viewer, subject)).toHaveCount(0);
		}
	});
});

const DEVICES = [
	{ name: 'laptop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
	{ name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
] as const;

/** Ada's browser on `device` in `colorScheme`, on the Risks of a board with a risk in each status. */
async function risksIn(
	browser: Browser,
	baseURL: string,
	device: (typeof DEVICES)[number],
	colorScheme: 'light' | 'dark'
): Promise<Page> {
	const page = await newPerson(browser, 'Ada', {
		viewport: device.viewport,
		isMobile: device.isMobile,
		hasTouch: device.hasTouch,
		colorScheme
	});
	const { editLink } = await createKickoffBoardIn(page);
	// Every status, so every tone of pill is on the page, and people in Charter's colours.
	const statuses: RiskStatus[] = ['open', 'mitigating', 'accepted', 'closed'];
	await writeAsPeer(baseURL, editLink, (doc) => {
		const people = ['Maria González', 'Tom Okafor', 'Priya Shah', 'Lin', 'Jon Berg'].map((name) =>
			addPerson(doc, { name })
		);
		statuses.forEach((status, index) =>
			addRisk(doc, { title: `Risk ${index + 1}`, status, owner: people[index]! })
		);
	});
	await openSection(page, 'Risks');
	// The last row: on a phone its lists open near the bottom of the screen.
	await ownerPicker(page, LAST).scrollIntoViewIfNeeded();
	return page;
}
const LAST = 'Risk 4';

for (const device of DEVICES) {
	for (const colorScheme of ['light', 'dark'] as const) {
		const variant = `${device.name}, ${colorScheme}`;

		test(`the open owner list is on screen and axe finds nothing serious (${variant})`, async ({
			browser,
			baseURL
		}) => {
			const page = await risksIn(browser, baseURL!, device, colorScheme);
			await ownerPicker(page, LAST).click();
			const list = ownerList(page, LAST);
			await expect(list.getByRole('option')).toHaveCount(6);
			expect(await onScreen(page, list)).toBe(true);
			expect(await seriousAxeViolations(page)).toEqual([]);
			await page.keyboard.press('Escape');
			await expect(list).toHaveCount(0);
			await expect(ownerPicker(page, LAST)).toBeFocused();
		});

		test(`the open status menu is on screen and axe finds nothing serious (${variant})`, async ({
			browser,
			baseURL
		}) => {
			const page = await risksIn(browser, baseURL!, device, colorScheme);
			await statusMenu(page, LAST).click();
			const menu = page.getByRole('listbox');
			await expect(menu.getByRole('option')).toHaveCount(4);
			expect(await onScreen(page, menu)).toBe(true);
			expect(await seriousAxeViolations(page)).toEqual([]);
			await page.keyboard.press('Escape');
			await expect(menu).toHaveCount(0);
			await expect(statusMenu(page, LAST)).toBeFocused();
		});
	}
}
