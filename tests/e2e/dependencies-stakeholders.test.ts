import { expect, test } from './fixtures.ts';
import {
	addDependency,
	addMilestone,
	addPerson,
	readPeople,
	updateStakeholder
} from '../../src/lib/board/index.ts';
import { expectStockClientToRead, typeAtBothEnds } from './co-editing-helpers.ts';
import {
	createKickoffBoard,
	milestoneRow,
	moveMilestone,
	openInNewBrowser,
	openSection
} from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
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

test("a stakeholder dragged on the grid in one browser moves in the other, and by keyboard too, while a third edits another person's channel; two typing into that channel at once get exactly the same text; axe light and dark", async ({
	browser,
	baseURL
}) => {
	// Three browsers on a two-core machine.
	test.slow();
	const { page: ada, editLink } = await createKickoffBoard(browser);
	await writeAsPeer(baseURL ?? '', editLink, (doc) => {
		const maya = addPerson(doc, { name: 'Maya', role: 'Sponsor' });
		updateStakeholder(doc, maya, { influence: 2, interest: 2, attitude: 'supporter' });
		addPerson(doc, { name: 'Raj', role: 'Finance' });
	});
	const [grace, lin] = await Promise.all([
		openInNewBrowser(browser, editLink),
		openInNewBrowser(browser, editLink, 'Lin')
	]);
	await Promise.all([ada, grace, lin].map((page) => openSection(page, 'Stakeholders')));
	const chip = (page: typeof ada, name: RegExp) =>
		page.getByRole('group', { name: /^Power\/interest grid/ }).getByRole('button', { name });
	await expect(chip(grace, /^Maya: influence 2, interest 2 — Monitor$/)).toBeVisible();

	// Ada drags Maya to influence 5, interest 5; Lin meanwhile writes Raj's channel.
	const target = ada.locator('[data-cell="5x5"]');
	const from = (await chip(ada, /^Maya/).boundingBox())!;
	const to = (await target.boundingBox())!;
	await ada.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await ada.mouse.down();
	await ada.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
	await ada.mouse.up();
	const channel = lin.getByRole('textbox', { name: 'Channel for Raj' });
	await channel.fill('Monthly budget review');
	await channel.press('Enter');
	for (const page of [ada, grace])
		await expect(
			page.locator('[data-cell="5x5"]').getByRole('button', {
				name: 'Maya: influence 5, interest 5 — Manage closely'
			})
		).toBeVisible();

	// Grace moves her one step left with the keyboard: announced, and seen by Ada.
	await chip(grace, /^Maya/).focus();
	await grace.keyboard.press('ArrowLeft');
	await expect(grace.getByRole('status').filter({ hasText: /^Maya:/ })).toHaveText(
		'Maya: influence 5, interest 4 — Manage closely'
	);
	await expect(chip(grace, /^Maya/)).toBeFocused();
	await expect(
		ada.locator('[data-cell="5x4"]').getByRole('button', { name: /^Maya: influence 5, interest 4/ })
	).toBeVisible();
	for (const page of [ada, grace])
		await expect(page.getByRole('textbox', { name: 'Channel for Raj' })).toHaveValue(
			'Monthly budget review'
		);
	await expect(
		lin.getByRole('row', { name: /^Maya/ }).getByRole('cell', { name: 'Manage closely' })
	).toBeVisible();

	// Ada and Lin type at both ends of Raj's channel while Grace moves Maya down by keyboard.
	const raj = (page: typeof ada) => page.getByRole('textbox', { name: 'Channel for Raj' });
	await raj(ada).click();
	await raj(lin).click();
	await chip(grace, /^Maya/).focus();
	await Promise.all([
		typeAtBothEnds(ada, lin),
		(async () => {
			for (let step = 0; step < 3; step++) await grace.keyboard.press('ArrowDown', { delay: 300 });
		})()
	]);
	const expected = 'bbbb Monthly budget review AAAA';
	for (const page of [ada, grace, lin]) {
		await expect(raj(page)).toHaveValue(expected);
		await expect(
			page.locator('[data-cell="2x4"]').getByRole('button', { name: /^Maya/ })
		).toBeVisible();
	}
	await expectStockClientToRead(
		baseURL!,
		editLink,
		(doc) => readPeople(doc).items.find((person) => person.name === 'Raj')?.commsChannel,
		expected
	);

	for (const colorScheme of ['light', 'dark'] as const) {
		await grace.emulateMedia({ colorScheme });
		expect(await seriousAxeViolations(grace)).toEqual([]);
	}
});
