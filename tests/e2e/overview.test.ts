import { expect, test, type Page } from './fixtures.ts';
import { createKickoffBoardIn, newPerson, openInNewBrowser, openSection } from './helpers.ts';
import {
	OBJECTIVE,
	itemTexts,
	linkTexts,
	overviewList,
	seedSponsorBoard,
	timelineLabels
} from './overview-helpers.ts';
import { pickStatus } from './picker-helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { writeAsPeer } from './risks-helpers.ts';

// The Overview is the page a sponsor opens first: what is next, what is late, the risks that
// matter, who owns what, and figures that agree with every other view.

const TOP_RISKS = [
	'Vendor slips',
	'Fraud rules differ',
	'Settlement totals differ',
	'Key engineer leaves',
	'Support not trained'
];

/**
 * Texts without the risks' numbers: risks a peer adds in one millisecond are numbered in id
 * order (risk-numbering.ts), which a test cannot know; the numbers are asserted elsewhere.
 */
function withoutNumbers(texts: string[]): string[] {
	return texts.map((text) => text.replace(/\bR-\d+ /, ''));
}

/** The Overview's top risks, by title. */
async function topRisks(page: Page): Promise<string[]> {
	return withoutNumbers(await linkTexts(page, 'Top risks by score'));
}

/** A new kickoff in `page`, filled by a peer with seedSponsorBoard; its share links. */
async function seededBoard(page: Page, baseURL: string) {
	const board = await createKickoffBoardIn(page);
	await writeAsPeer(baseURL, board.editLink, seedSponsorBoard);
	return board;
}

test('names the next and the troubled milestones, the top open risks, RACI problems and overdue actions', async ({
	browser,
	baseURL
}) => {
	const page = await newPerson(browser, 'Ada Lovelace');
	await seededBoard(page, baseURL!);

	const overview = page.getByRole('region', { name: 'Overview' });
	await expect(overview.getByTestId('charter-lead')).toHaveText(OBJECTIVE);
	await expect
		.poll(() => itemTexts(page, 'Totals'))
		.toEqual([
			'1 of 5 milestones done',
			'6 open risks',
			'2 RACI problems',
			'2 overdue actions',
			'2 people'
		]);

	// Milestones: the list beside the timeline says what the picture shows.
	expect(await itemTexts(page, 'Milestones to come, by date')).toEqual([
		expect.stringMatching(/Sandbox integration Overdue 3 days late · Tom Okafor$/),
		expect.stringMatching(/Security review Next In 12 days · Ada Lovelace$/),
		expect.stringMatching(/Pilot with 10% At risk In 4 weeks$/),
		expect.stringMatching(/Old gateway off In 2 months$/)
	]);
	expect(await timelineLabels(page)).toEqual([
		'Contract signed',
		'Sandbox integration',
		'Security review',
		'Pilot with 10%',
		'Old gateway off'
	]);

	// The top five open risks by score, the closed one out, ties in board order.
	expect(await topRisks(page)).toEqual(TOP_RISKS);
	expect(withoutNumbers(await itemTexts(page, 'Top risks by score'))).toEqual([
		'25 Critical Vendor slips Ada Lovelace · Open',
		'12 High Fraud rules differ Tom Okafor · Open',
		'12 High Settlement totals differ No owner · Open',
		'6 Medium Key engineer leaves No owner · Mitigating',
		'4 Low Support not trained No owner · Open'
	]);
	await expect(overviewList(page, 'Open risks by severity')).toContainText('Critical 1');

	expect(await itemTexts(page, 'RACI tasks that fail a check')).toEqual([
		'Security sign-off No Accountable',
		'Customer communication No Accountable · No Responsible'
	]);
	await expect(overview.getByText('2 of 3 tasks fail a check')).toBeVisible();

	expect(await itemTexts(page, 'Overdue actions')).toEqual([
		'Send the minutes 10 days late · Ada Lovelace',
		'Share the report template 1 day late · Tom Okafor'
	]);
	expect(await itemTexts(page, 'Actions due this week')).toEqual([
		'Book the certification slot In 2 days · No owner'
	]);
});

test('each named risk, RACI task and action links to its row, focused', async ({
	browser,
	baseURL
}) => {
	const page = await newPerson(browser, 'Ada Lovelace');
	await seededBoard(page, baseURL!);

	await overviewList(page, 'Top risks by score')
		.getByRole('link', { name: 'Fraud rules differ' })
		.click();
	await expect(page).toHaveURL(/\/risks\?focus=/);
	await expect(
		page.getByRole('textbox', { name: 'Risk title' }).and(page.locator(':focus'))
	).toHaveValue('Fraud rules differ');

	await openSection(page, 'Overview');
	await overviewList(page, 'RACI tasks that fail a check')
		.getByRole('link', { name: 'Customer communication' })
		.click();
	await expect(page).toHaveURL(/\/raci\?focus=/);
	await expect(page.getByRole('rowheader', { name: 'Customer communication' })).toBeFocused();

	await openSection(page, 'Overview');
	await overviewList(page, 'Overdue actions')
		.getByRole('link', { name: 'Send the minutes' })
		.click();
	await expect(page).toHaveURL(/\/actions\?focus=/);
	await expect(
		page.getByRole('textbox', { name: 'Action title' }).and(page.locator(':focus'))
	).toHaveValue('Send the minutes');
});

test('the overview follows what others change, live: scores, a closed risk, a completed action, a milestone title as typed', async ({
	browser,
	baseURL
}) => {
	const ada = await newPerson(browser, 'Ada Lovelace');
	const { editLink } = await seededBoard(ada, baseURL!);
	await expect.poll(() => topRisks(ada)).toEqual(TOP_RISKS);

	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	const cy = await openInNewBrowser(browser, editLink, 'Cy');
	await openSection(cy, 'Milestones');
	const typed = ' — “pen test” & <b>SOC 2</b>';

	// Cy types into a milestone's title while Grace re-scores a risk, closes one and finishes an
	// action.
	const typing = (async () => {
		const title = cy
			.getByRole('list', { name: 'Milestones, by due date' })
			.getByRole('textbox', { name: 'Title', exact: true })
			.nth(2);
		await expect(title).toHaveValue('Security review');
		await title.click();
		await title.press('End');
		await title.pressSequentially(typed, { delay: 20 });
	})();
	await openSection(grace, 'Risks');
	await grace
		.getByRole('combobox', { name: 'Likelihood of Support not trained' })
		.selectOption('5');
	await expect
		.poll(() => topRisks(ada))
		.toEqual([
			'Vendor slips',
			'Fraud rules differ',
			'Settlement totals differ',
			'Support not trained',
			'Key engineer leaves'
		]);
	await pickStatus(grace, 'Vendor slips', 'Closed');
	await expect
		.poll(() => topRisks(ada))
		.toEqual([
			'Fraud rules differ',
			'Settlement totals differ',
			'Support not trained',
			'Key engineer leaves',
			'Logo out of date'
		]);
	await openSection(grace, 'Actions');
	await grace.getByRole('checkbox', { name: 'Done: Share the report template' }).check();
	await expect.poll(() => linkTexts(ada, 'Overdue actions')).toEqual(['Send the minutes']);
	await expect
		.poll(() => itemTexts(ada, 'Totals'))
		.toEqual([
			'1 of 5 milestones done',
			'5 open risks',
			'2 RACI problems',
			'1 overdue action',
			'2 people'
		]);
	await typing;

	// The title as Cy typed it, on the timeline and in the list, for Ada and for Grace.
	const exact = `Security review${typed}`;
	await openSection(grace, 'Overview');
	for (const page of [ada, grace]) {
		await expect.poll(() => timelineLabels(page)).toContain(exact);
		await expect(
			overviewList(page, 'Milestones to come, by date').getByText(exact, { exact: true })
		).toBeVisible();
	}
});

const DEVICES = {
	laptop: { width: 1280, height: 800 },
	phone: { width: 390, height: 844 }
} as const;

for (const [device, viewport] of Object.entries(DEVICES))
	test(`the overview has no serious accessibility violation on a ${device}, light and dark`, async ({
		browser,
		baseURL
	}) => {
		// One page, its colour scheme switched: every page more is CPU the axe run needs.
		const page = await newPerson(browser, 'Ada', { viewport });
		await seededBoard(page, baseURL!);
		await expect(overviewList(page, 'Top risks by score').getByRole('link')).toHaveCount(5);
		await expect(page.getByTestId('overview-timeline').locator('.label.placed')).not.toHaveCount(0);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
		}
	});
