import { expect, test } from './fixtures.ts';
import { addMilestone, setBaseline } from '../../src/lib/board/index.ts';
import { versionsApi } from '../helpers/versions-api.ts';
import {
	createKickoffBoard,
	milestoneRow,
	moveMilestone,
	openInNewBrowser,
	openSection
} from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';

/** Saves the board as the server holds it as a version, and marks it as the kickoff baseline. */
async function setKickoffBaseline(baseURL: string, editLink: string): Promise<void> {
	const link = new URL(editLink);
	const boardId = link.pathname.split('/').pop()!;
	const key = new URLSearchParams(link.hash.slice(1)).get('edit')!;
	const response = await versionsApi(baseURL, boardId).save(key, { label: 'Kickoff' });
	expect(response.status).toBe(201);
	const { id } = (await response.json()) as { id: string };
	await writeAsPeer(baseURL, editLink, (doc) =>
		setBaseline(doc, { versionId: id, label: 'Kickoff' })
	);
}

test('a milestone moved 5 days after the baseline shows its slip on its row, the timeline, the Overview and the Changes page', async ({
	browser,
	baseURL
}) => {
	const { page, editLink } = await createKickoffBoard(browser, 'Ada');
	await writeAsPeer(baseURL!, editLink, (doc) => {
		// 2026-03-13 is a Friday: five days later is the next Wednesday, the weekend counted.
		addMilestone(doc, { title: 'Beta', due: '2026-03-13' });
		addMilestone(doc, { title: 'Launch', due: '2026-04-01' });
	});
	await setKickoffBaseline(baseURL!, editLink);
	await openSection(page, 'Milestones');
	const beta = milestoneRow(page, 'Beta');
	await expect(beta).toBeVisible();

	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	await openSection(grace, 'Milestones');
	await moveMilestone(grace, 'Beta', '2026-03-18');

	// The first browser: the row says where the baseline had it and by how much it slipped.
	await expect(beta.getByLabel('Due date')).toHaveValue('2026-03-18');
	await expect(beta).toContainText('Baseline Mar 13');
	await expect(beta).toContainText('5 days late');
	await expect(beta.getByLabel('Due date')).toHaveAccessibleDescription(
		/Baseline Mar 13\s*,\s*5 days late/
	);
	await expect(milestoneRow(page, 'Launch')).not.toContainText('Baseline');
	// The timeline: a ghost marker at the baseline date, named for a pointer.
	const ghosts = page.locator('.strip .ghost');
	await expect(ghosts).toHaveCount(1);
	await expect(ghosts).toHaveAttribute('title', 'Beta · Baseline Mar 13, 2026 · 5 days late');
	await expect(page.locator('.strip .legend')).toHaveText('Baseline');

	// Light and dark, and at a phone's width the baseline stays inside its row.
	expect(await seriousAxeViolations(page)).toEqual([]);
	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await seriousAxeViolations(page)).toEqual([]);
	await page.setViewportSize({ width: 390, height: 844 });
	const slip = beta.getByText('5 days late');
	await expect(slip).toBeInViewport();
	const [row, text] = [await beta.boundingBox(), await slip.boundingBox()];
	expect(text!.x + text!.width).toBeLessThanOrEqual(row!.x + row!.width);
	await page.setViewportSize({ width: 1280, height: 800 });

	// The Overview names it, linking to its row.
	await openSection(page, 'Overview');
	const slipped = page.getByText('Slipped since the baseline:').locator('..');
	await expect(slipped).toHaveText(/Slipped since the baseline:\s*Beta\s*\+5 days/);
	// Still dark: the words of the slip keep their contrast on the Overview's card too.
	expect(await seriousAxeViolations(page)).toEqual([]);
	await slipped.getByRole('link', { name: 'Beta' }).click();
	await expect(page).toHaveURL(/\/milestones\?focus=/);
	await expect(
		page.getByRole('textbox', { name: 'Title' }).and(page.locator(':focus'))
	).toHaveValue('Beta');

	// The Changes page lists the slip.
	await page.getByRole('link', { name: 'Changes since baseline' }).click();
	await expect(page.locator('.changes li')).toHaveText([
		/Moved\s*Beta: from Mar 13, 2026 to Mar 18, 2026 \(5 days later\)/
	]);

	// Moved back: no slip anywhere.
	await moveMilestone(grace, 'Beta', '2026-03-13');
	await openSection(page, 'Overview');
	await expect(page.getByText('Slipped since the baseline:')).toHaveCount(0);
	await openSection(page, 'Milestones');
	await expect(beta).not.toContainText('Baseline');
	await expect(ghosts).toHaveCount(0);
});
