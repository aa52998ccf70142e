import { RETRO_PHASES, type RetroPhase } from '../../src/lib/board/index.ts';
import { PHASE_LABELS } from '../../src/lib/board/retro/phases.ts';
import { expect, test, type Page } from './fixtures.ts';
import {
	openAsTeammate,
	storeDemoKickoff,
	storeDemoRetro,
	type StoredDemo
} from './demo-boards.ts';
import { seriousAxeViolations } from './raci-helpers.ts';

// axe-core finds no serious or critical violation in any section of a full kickoff board, nor in
// any phase of a retro, light and dark on a laptop and dark on a phone. One page per test, checked
// in the three ways (the phone by its width; axe on a full board takes seconds, a page load more).
// The phone is checked in the dark scheme only: its layout is what differs from the laptop's, and
// both schemes' colours are checked on the laptop; a fourth scan of every page cost CI most of a
// minute.
// Dialogs and menus, open, are checked by dialogs-a11y.test.ts, app-bar.test.ts and the tests
// of each control.

const SIZES = {
	laptop: { width: 1280, height: 800 },
	phone: { width: 390, height: 844 }
} as const;
const KICKOFF_SECTIONS = [
	'',
	'charter',
	'people',
	'milestones',
	'risks',
	'raci',
	'actions',
	'decisions',
	'updates',
	'budget',
	'stakeholders',
	'resources'
];
/** The ways each page is checked: a size and a colour scheme. */
const WAYS = [
	['laptop', 'light'],
	['laptop', 'dark'],
	['phone', 'dark']
] as const;

/** Opens `link` at `segment` and waits for the board and its fonts. */
async function show(page: Page, link: string, segment: string): Promise<void> {
	const [path, key] = link.split('#');
	await page.goto(`${path}${segment ? `/${segment}` : ''}#${key}`);
	await page.waitForFunction(() => performance.getEntriesByName('charter:board-shown').length > 0);
	await page.evaluate(() => document.fonts.ready);
}

/** The serious and critical violations on the page in each of the WAYS. */
async function violationsEverywhere(page: Page): Promise<Record<string, string[]>> {
	const found: Record<string, string[]> = {};
	for (const [device, colorScheme] of WAYS) {
		await page.setViewportSize(SIZES[device]);
		await page.emulateMedia({ colorScheme });
		const violations = await seriousAxeViolations(page);
		if (violations.length > 0) found[`${device}, ${colorScheme}`] = violations;
	}
	return found;
}

/** The demo retro played on to `phase`. */
async function retroIn(phase: RetroPhase): Promise<StoredDemo> {
	const demo = await storeDemoRetro();
	for (const step of RETRO_PHASES.slice(0, RETRO_PHASES.indexOf(phase) + 1))
		if (step !== 'write') demo.retro.moveTo(step);
	await demo.clients.stored();
	return demo;
}

let kickoff: StoredDemo | undefined;
test.afterAll(() => kickoff?.clients.close());

for (const segment of KICKOFF_SECTIONS) {
	test(`the kickoff's ${segment || 'overview'} has no serious accessibility violation, light or dark on a laptop, dark on a phone`, async ({
		browser
	}) => {
		kickoff ??= await storeDemoKickoff();
		const page = await openAsTeammate(browser, 'maya');
		await show(page, kickoff.link, segment);
		expect(await violationsEverywhere(page)).toEqual({});
	});
}

for (const phase of RETRO_PHASES) {
	test(`a retro's ${phase} phase has no serious accessibility violation, light or dark on a laptop, dark on a phone`, async ({
		browser
	}) => {
		const demo = await retroIn(phase);
		try {
			const page = await openAsTeammate(browser, 'maya');
			await show(page, demo.link, 'retro');
			await expect(
				page.getByRole('list', { name: 'Retro phases' }).locator('[aria-current="step"]')
			).toContainText(PHASE_LABELS[phase]);
			expect(await violationsEverywhere(page)).toEqual({});
		} finally {
			demo.clients.close();
		}
	});
}
