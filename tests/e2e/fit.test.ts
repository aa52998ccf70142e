import {
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	setRaciCell
} from '../../src/lib/board/index.ts';
import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoardIn, newPerson, openSection } from './helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';

// Nothing a person needs to read is cut off: the owner's name beside their avatar, the status in
// its pill, the value a select shows, the date a date field shows and a milestone's title, at a
// laptop's width and on a phone.

const VIEWPORTS = [
	{ name: 'laptop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
	{ name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
] as const;

/**
 * The controls whose shown value does not fit inside them: a select's chosen option, a date
 * field's date (drawn at its width in the control's own font, with room for the arrow or the
 * calendar button).
 */
function clippedControls(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const canvas = document.createElement('canvas').getContext('2d')!;
		const clipped: string[] = [];
		const controls = document.querySelectorAll<HTMLSelectElement | HTMLInputElement>(
			'main select, main input[type="date"]'
		);
		for (const control of controls) {
			const box = control.getBoundingClientRect();
			if (box.width === 0 || control.closest('[hidden], details:not([open])')) continue;
			const style = getComputedStyle(control);
			canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			const isSelect = control instanceof HTMLSelectElement;
			const shown = isSelect
				? (control.selectedOptions[0]?.text ?? '')
				: control.value
					? new Date(`${control.value}T00:00`).toLocaleDateString('en-US', {
							month: '2-digit',
							day: '2-digit',
							year: 'numeric'
						})
					: 'mm/dd/yyyy';
			const room =
				control.clientWidth -
				parseFloat(style.paddingLeft) -
				parseFloat(style.paddingRight) -
				(isSelect ? (style.appearance === 'none' ? 0 : 14) : 22);
			const needed = canvas.measureText(shown).width;
			if (needed > room + 0.5)
				clipped.push(
					`${control.getAttribute('aria-label') ?? control.name ?? control.id}: “${shown}” needs ${Math.ceil(needed)} px, has ${Math.floor(room)}`
				);
		}
		return clipped;
	});
}

/**
 * The owner names, status pills and milestone titles that are cut: wider (or taller) than the box
 * that shows them, or, for a pill, running out of its cell.
 */
function cutTexts(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const cut: string[] = [];
		const owners = document.querySelectorAll('main [aria-label^="Owner of"] > span:last-child');
		const titles = document.querySelectorAll('main :is(input, textarea)[aria-label="Title"]');
		for (const text of [...owners, ...titles]) {
			if (text.scrollWidth > text.clientWidth || text.scrollHeight > text.clientHeight + 1)
				cut.push(`“${text.textContent || (text as HTMLTextAreaElement).value}” is cut`);
		}
		for (const pill of document.querySelectorAll('main [aria-label^="Status of"]')) {
			const box = pill.getBoundingClientRect();
			const cell = pill.parentElement!.getBoundingClientRect();
			if (pill.scrollWidth > pill.clientWidth || box.right > cell.right + 0.5)
				cut.push(`the pill “${pill.textContent}” runs out of its cell`);
		}
		return cut;
	});
}

for (const device of VIEWPORTS) {
	test(`owners, statuses, titles and dates are shown whole on a ${device.name}`, async ({
		browser,
		baseURL
	}) => {
		const page = await newPerson(browser, 'Ada', {
			viewport: device.viewport,
			isMobile: device.isMobile,
			hasTouch: device.hasTouch
		});
		const { editLink } = await createKickoffBoardIn(page);
		await writeAsPeer(baseURL!, editLink, (doc) => {
			const maria = addPerson(doc, { name: 'Maria González', role: 'Engineering lead' });
			const tom = addPerson(doc, { name: 'Tom Okafor' });
			addRisk(doc, {
				title: 'Vendor misses the certification date',
				owner: maria,
				due: '2027-01-15'
			});
			addRisk(doc, { title: 'Nobody owns this yet', status: 'mitigating', due: '2027-12-28' });
			addAction(doc, { title: 'Book the lab', owner: maria, due: '2027-01-15', status: 'doing' });
			addAction(doc, { title: 'Unowned action', due: '2027-12-28' });
			addMilestone(doc, {
				title: 'Pilot live',
				owner: maria,
				due: '2027-01-15',
				status: 'at-risk'
			});
			addMilestone(doc, {
				title: 'Payments platform migration for the EU region goes live',
				owner: tom,
				due: '2027-03-15'
			});
			const task = addRaciTask(doc, { title: 'Integrate checkout with the provider API' });
			setRaciCell(doc, task, maria, 'A');
			setRaciCell(doc, task, tom, 'R');
		});
		for (const section of ['Risks', 'Actions', 'Milestones']) {
			await openSection(page, section);
			await expect(page.getByRole('button', { name: /^Owner of / }).first()).toBeVisible();
			expect(await clippedControls(page), section).toEqual([]);
			expect(await cutTexts(page), section).toEqual([]);
		}
	});
}

const overlaps = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
type Box = { x: number; y: number; width: number; height: number };

for (const device of VIEWPORTS) {
	test(`the RACI matrix shows every task name and its last row whole on a ${device.name}`, async ({
		browser,
		baseURL
	}) => {
		const page = await newPerson(browser, 'Ada', {
			viewport: device.viewport,
			isMobile: device.isMobile,
			hasTouch: device.hasTouch
		});
		const { editLink } = await createKickoffBoardIn(page);
		const titles = [
			'Integrate checkout with the provider API',
			'Security and PCI review',
			'Reconcile settlement during the dual run',
			'Move the fraud rules',
			'Train customer support',
			'Customer communication',
			'Decommission the old gateway'
		];
		await writeAsPeer(baseURL!, editLink, (doc) => {
			const people = ['Maria González', 'Tom Okafor', 'Priya Nair', 'Jon Berg'].map((name) =>
				addPerson(doc, { name })
			);
			titles.forEach((title, t) => {
				const task = addRaciTask(doc, { title });
				// Every other task has no Responsible, so its row carries a "No Responsible" badge.
				people.forEach((person, i) =>
					setRaciCell(doc, task, person, i === 0 ? 'A' : t % 2 === 1 ? 'I' : 'R')
				);
			});
		});
		await openSection(page, 'RACI');
		const grid = page.getByRole('grid');
		const headers = grid.getByRole('rowheader', { name: /^(?!Totals)/ });
		await expect(headers).toHaveCount(titles.length);

		// The rename button, shown on hover or focus, never covers the task's name.
		for (const title of titles.slice(0, 2)) {
			const header = grid.getByRole('rowheader', { name: title });
			await header.hover();
			const edit = header.getByRole('button', { name: `Rename or delete ${title}` });
			await expect(edit).toBeVisible();
			const name = header.getByText(title, { exact: true });
			expect(overlaps((await edit.boundingBox())!, (await name.boundingBox())!), title).toBe(false);
			// …and the name does not run out of its own box (under the button).
			expect(
				await name.evaluate((element) => element.scrollWidth <= element.clientWidth),
				title
			).toBe(true);
		}

		// Keyboard to the last task's first cell: it is in sight, not under the sticky totals.
		const last = grid
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: titles.at(-1)! }) });
		await grid.getByRole('gridcell').first().focus();
		for (let i = 1; i < titles.length; i++) await page.keyboard.press('ArrowDown');
		const cell = last.getByRole('gridcell').first();
		await expect(cell).toBeFocused();
		const hit = await cell.evaluate((element) => {
			const box = element.getBoundingClientRect();
			const found = document.elementFromPoint(box.x + box.width / 2, box.y + box.height - 4);
			return found !== null && element.contains(found);
		});
		expect(hit, 'the bottom of the last row is not covered').toBe(true);
	});
}

test('on a phone a long board title is shown whole, and the section tabs show there are more', async ({
	browser
}) => {
	const page = await newPerson(browser, 'Ada', {
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	await createKickoffBoardIn(page);
	const title = page.getByRole('textbox', { name: 'Board title' });
	await title.fill('Payments platform migration for the EU region');
	await title.press('Enter');
	await expect(title).not.toBeFocused();
	expect(
		await title.evaluate(
			(field) =>
				field.scrollWidth <= field.clientWidth && field.scrollHeight <= field.clientHeight + 1
		)
	).toBe(true);

	const tabs = page.getByRole('navigation', { name: 'Board sections' }).getByRole('list').first();
	await expect(tabs).toHaveAttribute('data-more-end');
	await expect(tabs).not.toHaveAttribute('data-more-start');
	await openSection(page, 'Actions');
	const current = await page
		.getByRole('navigation', { name: 'Board sections' })
		.getByRole('link', { name: 'Follow-up' })
		.boundingBox();
	const strip = await tabs.boundingBox();
	expect(current!.x).toBeGreaterThanOrEqual(strip!.x);
	expect(current!.x + current!.width).toBeLessThanOrEqual(strip!.x + strip!.width);
	await expect(tabs).toHaveAttribute('data-more-start');
});
