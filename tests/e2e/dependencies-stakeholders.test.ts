import { expect, test } from './fixtures.ts';
import { addDependency, addMilestone } from '../../src/lib/board/index.ts';
import {
	createKickoffBoard,
	milestoneRow,
	moveMilestone,
	openInNewBrowser,
	openSection
} from './helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';

test('a dependency cycle is refused with its message, and a predecessor moved past its successor flags it in both browsers and on the Overview', async ({
	browser,
	baseURL
}) => {
	const { page: ada, editLink } = await createKickoffBoard(browser);
	await writeAsPeer(baseURL ?? '', editLink, (doc) => {
		const beta = addMilestone(doc, { title: 'Beta', due: '2027-05-01' });
		const launch = addMilestone(doc, { title: 'Launch', due: '2027-06-01' });
		addDependency(doc, beta, launch);
	});
	const grace = await openInNewBrowser(browser, editLink);
	await openSection(ada, 'Milestones');
	await openSection(grace, 'Milestones');
	await expect(
		milestoneRow(grace, 'Launch').getByRole('button', { name: 'Launch depends on: Beta' })
	).toBeVisible();

	// Grace tries to make Beta depend on Launch, by keyboard: refused, said in place.
	const betaDependsOn = milestoneRow(grace, 'Beta').getByRole('button', {
		name: /^Beta depends on/
	});
	await betaDependsOn.focus();
	await grace.keyboard.press('Enter');
	const picker = grace.getByRole('dialog', { name: 'Beta depends on' });
	await grace.keyboard.type('Launch');
	await grace.keyboard.press('Enter');
	await expect(picker.getByRole('alert')).toHaveText(
		'“Launch” already depends on “Beta”, so “Beta” cannot depend on “Launch”.'
	);
	await grace.keyboard.press('Escape');
	await expect(betaDependsOn).toHaveAccessibleName('Beta depends on: nothing');

	// Ada moves Beta past Launch: Launch is flagged in both browsers, the link drawn broken.
	await moveMilestone(ada, 'Beta', '2027-06-15');
	for (const page of [ada, grace]) {
		await expect(milestoneRow(page, 'Launch').getByText('Blocked', { exact: true })).toBeVisible();
		await expect(page.getByTestId('dependency-warnings')).toContainText(
			'“Launch” is due before “Beta”, which it depends on'
		);
		await expect(page.locator('path.arc.broken')).toHaveCount(1);
	}
	await openSection(grace, 'Overview');
	await expect(grace.getByTestId('blocked-milestones')).toContainText(
		'“Launch” is due before “Beta”, which it depends on'
	);
});
