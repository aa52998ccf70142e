import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from './fixtures.ts';
import { newPerson, openInNewBrowser, openSection } from './helpers.ts';
import {
	createRetroBoardIn,
	dragCardOnto,
	facilitationBar,
	joinRetro,
	advance,
	button,
	currentStep,
	retroCard,
	writeCard
} from './retro-helpers.ts';

async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}

type Scheme = 'light' | 'dark';

async function expectAccessible(page: Page, phase: string, schemes: readonly Scheme[]) {
	for (const colorScheme of schemes) {
		await page.emulateMedia({ colorScheme });
		expect(await seriousViolations(page), `${phase}, ${colorScheme}`).toEqual([]);
	}
}

type Phase = 'write' | 'reveal' | 'group' | 'vote' | 'discuss' | 'done';

/** What a walk through the retro does at each phase, with the pages to check there. */
type Visit = (phase: Phase, pages: Page[]) => Promise<void>;

/**
 * A retro with Ada facilitating and Bob taking part, brought to `target` the way people would:
 * cards written and the timer running, revealed, two cards grouped, a vote, an action created.
 * `visit` runs at each phase on the way with the page to check there (Bob's where what a
 * participant sees differs). Returns the pages of the `target` phase.
 */
async function retroIn(browser: Browser, target: Phase, visit?: Visit): Promise<Page[]> {
	const ada = await newPerson(browser, 'Ada');
	const { editLink } = await createRetroBoardIn(ada);
	const bob = await joinRetro(browser, editLink, 'Bob');
	const stop = async (phase: Phase, pages: Page[]) => {
		await visit?.(phase, pages);
		return phase === target;
	};
	await writeCard(ada, 'Start', 'Keep the demo days');
	await writeCard(bob, 'Start', 'Demos help a lot');
	await writeCard(bob, 'Stop', 'Late standups');
	await ada.getByLabel('Minutes').fill('3');
	await button(ada, 'Start timer').click();
	if (await stop('write', [ada, bob])) return [ada, bob];

	await advance(ada, 'reveal', bob);
	await expect(retroCard(ada, 'Late standups')).toBeVisible();
	if (await stop('reveal', [ada])) return [ada];
	await advance(ada, 'group', bob);
	await dragCardOnto(ada, 'Demos help a lot', 'Keep the demo days');
	await expect(ada.getByText('2 cards')).toBeVisible();
	if (await stop('group', [ada])) return [ada];
	await advance(ada, 'vote', bob);
	await button(bob, 'Vote for “Late standups”').click();
	if (await stop('vote', [bob])) return [bob];
	await advance(ada, 'discuss', bob);
	await button(ada, 'Create an action').first().click();
	if (await stop('discuss', [ada])) return [ada];
	await ada.getByRole('button', { name: 'Add action' }).click();
	await advance(ada, 'done', bob);
	await stop('done', [bob]);
	return [bob];
}

// The write phase, the busiest page (two writers, a running timer), is scanned per person and
// per colour scheme in tests of their own. The later phases are scanned in one walk through a
// single retro, light and dark at each stop: one retro set up once instead of five walks that
// each started again from the write phase. (a11y-sweep.test.ts scans every phase of the demo
// retro too, on a laptop and a phone.)
for (const [index, who] of (['the facilitator', 'a participant'] as const).entries())
	for (const scheme of ['light', 'dark'] as const)
		test(`the retro section has no serious accessibility violation in the write phase, as ${who}, ${scheme}`, async ({
			browser
		}) => {
			const pages = await retroIn(browser, 'write');
			await expectAccessible(pages[index]!, 'write', [scheme]);
		});

test('the retro section has no serious accessibility violation in the reveal, group, vote, discuss and done phases, light or dark', async ({
	browser
}) => {
	const checked: Phase[] = [];
	await retroIn(browser, 'done', async (phase, pages) => {
		if (phase === 'write') return;
		for (const page of pages) await expectAccessible(page, phase, ['light', 'dark']);
		// Back to the light scheme, which the rest of the walk expects.
		for (const page of pages) await page.emulateMedia({ colorScheme: 'light' });
		checked.push(phase);
	});
	expect(checked).toEqual(['reveal', 'group', 'vote', 'discuss', 'done']);
});

test('a viewer follows the retro read-only and never sees a draft', async ({ browser }) => {
	const ada = await newPerson(browser, 'Ada');
	const { viewLink } = await createRetroBoardIn(ada);
	await writeCard(ada, 'Stop', 'Long release freezes');
	const viewer = await openInNewBrowser(browser, viewLink, 'Stakeholder');
	await openSection(viewer, 'Retrospective');
	await expect(viewer.getByText('Everyone is writing privately.')).toBeVisible();
	await expect(viewer.getByText('Long release freezes')).toHaveCount(0);
	await expect(viewer.getByRole('textbox')).toHaveCount(1); // the read-only board title
	await expect(viewer.getByRole('button', { name: 'I’m done' })).toHaveCount(0);

	await advance(ada, 'reveal', viewer);
	await expect(retroCard(viewer, 'Long release freezes')).toBeVisible();
	await advance(ada, 'group', viewer);
	await expect(viewer.getByRole('combobox')).toHaveCount(0);
	await expect(retroCard(viewer, 'Long release freezes')).not.toHaveAttribute('draggable', 'true');
	await advance(ada, 'vote', viewer);
	await expect(viewer.getByRole('button', { name: /Vote for/ })).toBeDisabled();
	await advance(ada, 'discuss', viewer);
	await expect(viewer.getByRole('button', { name: 'Create an action' })).toHaveCount(0);
	await expect(viewer.getByRole('button', { name: /Start the next retro/ })).toHaveCount(0);
	await expect(facilitationBar(viewer).getByRole('button')).toHaveCount(0);
});

test('participants follow the facilitator, come when asked, and wait while editing is paused', async ({
	browser
}) => {
	const ada = await newPerson(browser, 'Ada');
	const { editLink } = await createRetroBoardIn(ada);
	const bob = await joinRetro(browser, editLink, 'Bob');
	const cy = await joinRetro(browser, editLink, 'Cy');

	await facilitationBar(bob).getByLabel('Follow the facilitator').check();
	await openSection(ada, 'People');
	await expect(bob).toHaveURL(/\/people$/);
	await expect(cy).toHaveURL(/\/retro$/);

	await openSection(ada, 'Actions');
	await expect(bob).toHaveURL(/\/actions$/);
	await button(ada, 'Bring everyone here').click();
	await expect(cy).toHaveURL(/\/actions$/);
	await openSection(ada, 'Retrospective');
	await expect(bob).toHaveURL(/\/retro$/);
	await openSection(cy, 'Retrospective');

	await button(ada, 'Pause editing').click();
	for (const page of [bob, cy])
		await expect(page.getByRole('status').filter({ hasText: 'paused editing' })).toBeVisible();
	await expect(cy.getByLabel('New card in Start')).toBeDisabled();
	await writeCard(ada, 'Start', 'The facilitator can still write');
	await button(ada, 'Resume editing').click();
	await expect(cy.getByLabel('New card in Start')).toBeEnabled();
	await expect(cy.getByText('paused editing')).toHaveCount(0);

	// Hand-over from the list of people present.
	await ada.getByLabel('Hand facilitation to').selectOption({ label: 'Cy' });
	await button(ada, 'Hand over').click();
	await expect(facilitationBar(bob)).toContainText('Facilitator: Cy');
	await expect(button(cy, 'Reveal the cards')).toBeVisible();
	await expect(button(ada, 'Reveal the cards')).toHaveCount(0);
	await expect(facilitationBar(ada).getByLabel('Follow the facilitator')).toBeVisible();
});

test('the facilitator picks a format or edits the columns before the reveal; anonymous cards carry no author', async ({
	browser
}) => {
	const ada = await newPerson(browser, 'Ada');
	const { editLink } = await createRetroBoardIn(ada);
	const bob = await joinRetro(browser, editLink, 'Bob');
	await ada
		.getByLabel('Format', { exact: true })
		.selectOption({ label: '4Ls (Liked, Learned, Lacked, Longed for)' });
	for (const column of ['Liked', 'Learned', 'Lacked', 'Longed for'])
		await expect(bob.getByRole('heading', { name: column })).toBeVisible();

	await ada.getByLabel('Column 2 title').fill('Learnt');
	await ada.getByLabel('Column 2 title').press('Enter');
	// Columns sit side by side: their move buttons point left and right.
	await expect(button(ada, 'Move Liked right')).toContainText('→');
	await expect(button(ada, 'Move Liked left')).toContainText('←');
	await button(ada, 'Move Liked right').click();
	await button(ada, 'Remove column Lacked').click();
	await ada.getByLabel('New column').fill('Kudos');
	await button(ada, 'Add column').click();
	await expect(ada.getByLabel('Format', { exact: true })).toHaveValue('custom');
	await expect(bob.locator('.column h3')).toHaveText([
		/^Learnt/,
		/^Liked/,
		/^Longed for/,
		/^Kudos/
	]);

	await ada.getByLabel('Anonymous cards').check();
	await writeCard(bob, 'Kudos', 'Thanks for the pairing');
	await advance(ada, 'reveal', bob);
	await expect(retroCard(ada, 'Thanks for the pairing')).not.toContainText('Bob');
	await expect(retroCard(bob, 'Thanks for the pairing')).toContainText('You');
	await expect(ada.getByLabel('Anonymous cards')).toBeDisabled();
});

test('the next retro "from this board" starts by reviewing the open actions', async ({
	browser
}) => {
	const ada = await newPerson(browser, 'Ada');
	await createRetroBoardIn(ada);
	await ada.getByRole('textbox', { name: 'Board title' }).fill('Team Falcon retro');
	await writeCard(ada, 'Start', 'Write release notes as we go');
	await advance(ada, 'reveal');
	await advance(ada, 'group');
	await advance(ada, 'vote');
	await advance(ada, 'discuss');
	await button(ada, 'Create an action').click();
	await ada.getByRole('textbox', { name: 'Action title' }).fill('Automate the changelog');
	await button(ada, 'Add action').click();
	await advance(ada, 'done');
	const oldUrl = ada.url();

	await button(ada, 'Start the next retro from this board').click();
	await expect(ada).not.toHaveURL(oldUrl);
	await expect(ada).toHaveURL(/\/retro$/);
	await expect(ada.getByRole('textbox', { name: 'Board title' })).toHaveValue(
		/^Team Falcon retro · \d{4}-\d{2}-\d{2}$/
	);
	await expect(currentStep(ada)).toContainText('Write');
	await expect(facilitationBar(ada)).toContainText('(you)');
	const review = ada.getByRole('list', { name: 'Actions to review' });
	await expect(review).toContainText('Automate the changelog');
	await review.getByLabel('Status of “Automate the changelog”').selectOption('done');
	await expect(ada.getByText('1 of 1 done')).toBeVisible();
});

test('the retro fits a 360 px phone without sideways scrolling', async ({ browser }) => {
	const ada = await newPerson(browser, 'Ada', { viewport: { width: 360, height: 740 } });
	await createRetroBoardIn(ada);
	await writeCard(
		ada,
		'Start',
		'A card with a fairly long sentence that must wrap nicely on a phone'
	);
	const overflow = () =>
		ada.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(await overflow()).toBeLessThanOrEqual(0);
	await advance(ada, 'reveal');
	await advance(ada, 'group');
	await advance(ada, 'vote');
	await expect(retroCard(ada, /fairly long sentence/)).toBeVisible();
	expect(await overflow()).toBeLessThanOrEqual(0);
	await advance(ada, 'discuss');
	expect(await overflow()).toBeLessThanOrEqual(0);
});

test('the timer: a decimal minute gets a message, "+1 min" gives a minute more, and the sound option shows only where a countdown runs or can be started', async ({
	browser
}) => {
	const ada = await newPerson(browser, 'Ada');
	const { editLink } = await createRetroBoardIn(ada);
	const bob = await joinRetro(browser, editLink, 'Bob');
	await expect(bob.getByLabel('Sound at zero')).toHaveCount(0);
	await expect(ada.getByLabel('Sound at zero')).toBeVisible();

	await ada.getByLabel('Minutes').fill('2.5');
	await button(ada, 'Start timer').click();
	await expect(ada.getByRole('alert').filter({ hasText: 'Minutes must be' })).toHaveText(
		'Minutes must be a whole number from 1 to 60.'
	);
	await expect(ada.getByRole('timer')).toHaveCount(0);

	await ada.getByLabel('Minutes').fill('2');
	await button(ada, 'Start timer').click();
	await expect(ada.getByRole('alert').filter({ hasText: 'Minutes must be' })).toHaveCount(0);
	const secondsLeft = async () => {
		const [, minutes, seconds] = /(\d+):(\d\d)/.exec(await bob.getByRole('timer').innerText())!;
		return Number(minutes) * 60 + Number(seconds);
	};
	await expect.poll(secondsLeft).toBeLessThanOrEqual(120);
	await expect(bob.getByLabel('Sound at zero')).toBeVisible();
	const before = await secondsLeft();
	await button(ada, '+1 min').click();
	await expect.poll(secondsLeft).toBeGreaterThan(before + 30);
	expect(await secondsLeft()).toBeLessThanOrEqual(180);
});
