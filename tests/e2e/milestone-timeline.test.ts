import { expect, test, type Locator, type Page } from './fixtures.ts';
import { createKickoffBoard, openSection } from './helpers.ts';

/** A date `days` from today, as a date input holds it (local calendar). */
function dayFromToday(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function addMilestone(page: Page, title: string, due: string): Promise<void> {
	await page.getByLabel('New milestone', { exact: true }).fill(title);
	await page.getByLabel('Due date of the new milestone').fill(due);
	await page.getByRole('button', { name: 'Add milestone' }).click();
	await expect(page.getByLabel('New milestone', { exact: true })).toHaveValue('');
}

type Box = { x: number; y: number; width: number; height: number };

function intersect(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The boxes of the labels drawn on the timeline strip (a picture, hidden from the a11y tree). */
async function labelBoxes(labels: Locator, titles: readonly string[]): Promise<Box[]> {
	return Promise.all(
		titles.map(async (title) => {
			const label = labels.filter({ hasText: title });
			await expect(label).toBeVisible();
			const box = await label.boundingBox();
			expect(box, `the label ${title} has a box`).not.toBeNull();
			return box!;
		})
	);
}

test.describe('milestone timeline', () => {
	test('labels of milestones days apart never overlap, on a wide screen or a phone', async ({
		browser
	}) => {
		const { page } = await createKickoffBoard(browser);
		await openSection(page, 'Milestones');
		// A launch week a month ahead: four dates one to three days apart, close together on a
		// strip that starts today.
		const milestones = [
			['Kickoff workshop', 30],
			['Design review', 31],
			['Beta release', 33],
			['Launch party', 36]
		] as const;
		for (const [title, days] of milestones) await addMilestone(page, title, dayFromToday(days));
		const titles = milestones.map(([title]) => title);
		const strip = page.locator('.strip');
		const labels = strip.locator('.label');

		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await expect(labels).toHaveCount(4);
			// The layout settles once the labels are measured at this width.
			await expect
				.poll(async () => {
					const boxes = await labelBoxes(labels, titles);
					return boxes.flatMap((a, i) =>
						boxes.slice(i + 1).flatMap((b, j) => (intersect(a, b) ? [[i, i + 1 + j]] : []))
					);
				}, `overlapping labels at ${width} px`)
				.toEqual([]);
			const stripBox = (await strip.boundingBox())!;
			for (const box of await labelBoxes(labels, titles)) {
				expect(box.x).toBeGreaterThanOrEqual(stripBox.x);
				expect(box.x + box.width).toBeLessThanOrEqual(stripBox.x + stripBox.width);
				expect(box.y + box.height).toBeLessThanOrEqual(stripBox.y + stripBox.height);
			}
		}

		// The strip is a picture of the list, which names every milestone in date order.
		await expect(strip).toHaveAttribute('aria-hidden', 'true');
		await expect(
			page.getByRole('list', { name: 'Milestones, by due date' }).getByRole('listitem')
		).toHaveCount(4);
	});
});
