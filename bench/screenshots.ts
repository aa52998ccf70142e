/**
 * npm run screenshots — the README's pictures, written to docs/screenshots/ as
 * `<subject>-<laptop|phone>-<light|dark>.png`: every section of a demo kickoff board, its Share
 * panel on a phone, and a demo sprint retrospective in each phase, in Chromium on a laptop
 * (1280 × 800) and a phone (390 × 844, touch). Teammates are on both boards through Node clients,
 * so the pictures show a meeting, seen by Maya, who facilitates the retro.
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
	readList,
	RETRO_PHASES,
	setBaseline,
	addPerson,
	updateAction,
	updateMilestone,
	updateRisk,
	type RetroPhase
} from '../src/lib/board/index.ts';
import { recordEditor } from '../src/lib/board/editors.ts';
import { generateBoardKeys } from '../src/lib/sync/keys.ts';
import { CHROMIUM_LAUNCH } from '../tests/helpers/chromium.ts';
import { removeDataDir, startServer, type TestServer } from '../tests/helpers/server.ts';
import { versionsApi } from '../tests/helpers/versions-api.ts';
import { buildDemoBoard } from './fixtures/demo-board.ts';
import { DemoRetro, FACILITATOR_DRAFTS } from './fixtures/demo-retro.ts';
import { profileOf } from './fixtures/demo-team.ts';
import { createRichTextWriter } from './fixtures/rich-text-writer.ts';
import { DemoBoardClients } from './lib/demo-clients.ts';
import { writeDemoUpdates } from './fixtures/demo-updates.ts';
import { localDateString } from '../src/lib/board/dates.ts';
import { readBoard } from '../src/lib/board/read-board.ts';
import { basisOf } from '../src/lib/board/updates/basis.ts';

const USAGE = `Usage: npm run screenshots [-- --out DIR] [-- --only kickoff|baseline|since|retro|updates]
  --out DIR     write the pictures to DIR (default docs/screenshots, the README's)
  --only WHAT   only the kickoff board's pictures, its milestones against a baseline, what changed
                since Maya last looked, the retro's, or the status updates'`;

/** The groups of pictures, each made from its own demo board. */
const GROUPS = ['kickoff', 'baseline', 'since', 'retro', 'updates'] as const;
type Group = (typeof GROUPS)[number];

/** The group a picture belongs to, by its name. */
function groupOf(file: string): Group {
	if (file.startsWith('retro-')) return 'retro';
	if (file.startsWith('since-')) return 'since';
	if (file.startsWith('updates-')) return 'updates';
	return file.startsWith('milestones-baseline-') ? 'baseline' : 'kickoff';
}

function options(): { out: string; only: Group | null } {
	try {
		const { values } = parseArgs({
			options: { out: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean' } }
		});
		if (values.help) {
			console.log(USAGE);
			process.exit(0);
		}
		const only = values.only ?? null;
		if (only !== null && !GROUPS.includes(only as Group))
			throw new Error(`--only takes ${GROUPS.join(', ')}, not "${only}"`);
		return { out: values.out ?? 'docs/screenshots', only: only as Group | null };
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		process.exit(2);
	}
}

const { out: OUT, only: ONLY } = options();
/**
 * The name the browser reaches the server by. On 127.0.0.1 the Share panel rightly warns that its
 * links open only on this computer, which is not what a meeting sees. Chromium maps this name to
 * the loopback server and treats it as a secure origin, as it does localhost (board keys need
 * WebCrypto); the server accepts it through ALLOWED_HOSTS.
 */
const HOST = 'charter.example';

const DEVICES = {
	laptop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
} as const;

/** A device and a colour scheme: the last two parts of every picture's name. */
interface Variant {
	device: keyof typeof DEVICES;
	theme: 'light' | 'dark';
}

const EVERY_VARIANT: readonly Variant[] = [
	{ device: 'laptop', theme: 'light' },
	{ device: 'laptop', theme: 'dark' },
	{ device: 'phone', theme: 'light' },
	{ device: 'phone', theme: 'dark' }
];
// Six phases in four variants each would be more pictures than anyone looks at: no dark phone.
const RETRO_VARIANTS = EVERY_VARIANT.filter((v) => v.device === 'laptop' || v.theme === 'light');

/** Kickoff sections by picture name and URL segment. */
const KICKOFF_SECTIONS = [
	['overview', ''],
	['charter', 'charter'],
	['people', 'people'],
	['milestones', 'milestones'],
	['risks', 'risks'],
	['raci', 'raci'],
	['actions', 'actions'],
	['decisions', 'decisions'],
	['stakeholders', 'stakeholders'],
	['budget', 'budget'],
	['resources', 'resources']
] as const;

/** A browser page as Maya sees it on one device in one colour scheme. */
async function openAs(browser: Browser, { device, theme }: Variant): Promise<Page> {
	const context = await browser.newContext({ ...DEVICES[device], colorScheme: theme });
	await context.addInitScript(
		(profile) => localStorage.setItem('charter.profile', JSON.stringify(profile)),
		profileOf('maya')
	);
	return context.newPage();
}

/** Opens a board page and waits until the board is shown and nothing moves any more. */
async function show(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForFunction(() => performance.getEntriesByName('charter:board-shown').length > 0);
	await settle(page);
}

async function settle(page: Page): Promise<void> {
	await page.evaluate(() => document.fonts.ready);
	// Focus rings and transitions (an opening panel, a fading notice) end well within this.
	await page.waitForTimeout(400);
}

async function save(page: Page, subject: string, { device, theme }: Variant): Promise<void> {
	const file = join(OUT, `${subject}-${device}-${theme}.png`);
	await page.screenshot({ path: file });
	console.log(file);
}

/** The demo kickoff board, mid-meeting: every section, and the Share panel on a phone. */
async function shootKickoff(browser: Browser, server: TestServer, origin: string): Promise<void> {
	const keys = await generateBoardKeys();
	const doc = buildDemoBoard(await createRichTextWriter());
	const clients = await DemoBoardClients.store(server, keys, doc);
	try {
		await clients.join(profileOf('tom'), { section: 'risks' });
		await clients.join(profileOf('priya'), { section: 'raci' });
		await clients.join(profileOf('jon'), null);
		for (const variant of EVERY_VARIANT) {
			const page = await openAs(browser, variant);
			for (const [subject, segment] of KICKOFF_SECTIONS) {
				const path = segment ? `/${segment}` : '';
				await show(page, `${origin}/b/${keys.boardId}${path}#edit=${keys.editKey}`);
				await save(page, subject, variant);
				if (subject === 'overview' && variant.device === 'phone')
					await shootSharePanel(page, variant);
			}
			await page.context().close();
		}
	} finally {
		clients.close();
	}
}

/**
 * The milestones weeks after the kickoff: its baseline saved, three dates since moved (5 and 12
 * days later, 4 days earlier), so the rows and the timeline show the slips.
 */
async function shootBaseline(browser: Browser, server: TestServer, origin: string): Promise<void> {
	const keys = await generateBoardKeys();
	const doc = buildDemoBoard(await createRichTextWriter());
	const clients = await DemoBoardClients.store(server, keys, doc);
	try {
		const saved = await versionsApi(server.httpUrl, keys.boardId).save(keys.editKey, {
			label: 'Kickoff',
			createdBy: 'Maya'
		});
		if (!saved.ok) throw new Error(`saving the baseline answered ${saved.status}`);
		const { id } = (await saved.json()) as { id: string };
		setBaseline(doc, { versionId: id, label: 'Kickoff' });
		const moves: Record<string, number> = {
			'Security review': 5,
			'10% of traffic on the new gateway': 12,
			'Old gateway switched off': -4
		};
		for (const milestone of readList(doc, 'milestones').items) {
			const days = moves[milestone.title];
			if (days === undefined) continue;
			const due = new Date(`${milestone.due}T00:00:00Z`);
			due.setUTCDate(due.getUTCDate() + days);
			updateMilestone(doc, milestone.id, { due: due.toISOString().slice(0, 10) });
		}
		await clients.stored();
		for (const variant of EVERY_VARIANT.filter((v) => v.device === 'laptop')) {
			const page = await openAs(browser, variant);
			await show(page, `${origin}/b/${keys.boardId}/milestones#edit=${keys.editKey}`);
			await page.getByText('12 days late').waitFor();
			await settle(page);
			await save(page, 'milestones-baseline', variant);
			await page.context().close();
		}
	} finally {
		clients.close();
	}
}

/**
 * "Since you last looked": Maya looks at the board and leaves; Tom re-scores a risk, moves a
 * milestone, marks an action done and adds a person; Maya comes back to the Overview.
 */
async function shootSince(browser: Browser, server: TestServer, origin: string): Promise<void> {
	const keys = await generateBoardKeys();
	const doc = buildDemoBoard(await createRichTextWriter());
	const clients = await DemoBoardClients.store(server, keys, doc);
	const url = `${origin}/b/${keys.boardId}#edit=${keys.editKey}`;
	try {
		const page = await openAs(browser, { device: 'laptop', theme: 'light' });
		await show(page, url);
		await page.waitForFunction(async (name) => {
			return (await indexedDB.databases()).some((db) => db.name === name);
		}, `charter-shown-${keys.boardId}`);
		await settle(page);
		await page.goto('about:blank');
		const tom = profileOf('tom');
		recordEditor(doc, { userId: tom.id, name: tom.name });
		const first = <T extends { title: string }>(items: T[], title: string) =>
			items.find((item) => item.title === title)!;
		const risk = first(readList(doc, 'risks').items, 'Fraud rules do not carry over one to one');
		updateRisk(doc, risk.id, { likelihood: 5 });
		const milestone = first(readList(doc, 'milestones').items, 'Security review');
		const due = new Date(`${milestone.due}T00:00:00Z`);
		due.setUTCDate(due.getUTCDate() + 5);
		updateMilestone(doc, milestone.id, { due: due.toISOString().slice(0, 10) });
		const action = readList(doc, 'actions').items.find((item) => item.status !== 'done')!;
		updateAction(doc, action.id, { status: 'done' });
		addPerson(doc, { name: 'Ravi Patel', role: 'Payments QA' });
		await clients.stored();
		await show(page, url);
		await page.getByRole('region', { name: 'Since you last looked' }).waitFor();
		for (const theme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: theme });
			await settle(page);
			await save(page, 'since', { device: 'laptop', theme });
		}
		await page.context().close();
	} finally {
		clients.close();
	}
}

/** The status updates: the feed with two, and a draft as Maya writes the next (laptop only). */
async function shootUpdates(browser: Browser, server: TestServer, origin: string): Promise<void> {
	const keys = await generateBoardKeys();
	const doc = buildDemoBoard(await createRichTextWriter());
	const clients = await DemoBoardClients.store(server, keys, doc);
	try {
		// At the kickoff, Sam had not joined yet: the first update says so.
		const kickoff = basisOf(readBoard(doc), localDateString());
		writeDemoUpdates(doc, { ...kickoff, people: kickoff.people.slice(0, -1) });
		updateRisk(doc, readList(doc, 'risks').items[0]!.id, { status: 'closed' });
		await clients.stored();
		for (const variant of EVERY_VARIANT.filter((v) => v.device === 'laptop')) {
			const page = await openAs(browser, variant);
			await show(page, `${origin}/b/${keys.boardId}/updates#edit=${keys.editKey}`);
			await save(page, 'updates', variant);
			await page.getByRole('button', { name: 'Write an update' }).click();
			await page.getByRole('heading', { name: 'Draft update' }).scrollIntoViewIfNeeded();
			await settle(page);
			await save(page, 'updates-draft', variant);
			await page.getByRole('button', { name: 'Discard draft' }).click();
			await page.context().close();
		}
	} finally {
		clients.close();
	}
}

/** The Share panel open over the page, as someone about to send the link sees it. */
async function shootSharePanel(page: Page, variant: Variant): Promise<void> {
	await page.getByText('Share', { exact: true }).click();
	await page.getByLabel('Edit link').waitFor();
	await settle(page);
	await save(page, 'share', variant);
}

/**
 * The demo retro in each phase. Every picture gets a fresh browser profile: Maya's drafts typed
 * while writing stay in that profile's storage, and would be published twice over by a page
 * still open when the phase moves on.
 */
async function shootRetro(browser: Browser, server: TestServer, origin: string): Promise<void> {
	const keys = await generateBoardKeys();
	const retro = new DemoRetro();
	const clients = await DemoBoardClients.store(server, keys, retro.doc);
	try {
		for (const name of ['tom', 'priya', 'jon', 'lena', 'sam'] as const)
			await clients.join(profileOf(name), { section: 'retro' });
		for (const phase of RETRO_PHASES) {
			if (phase !== 'write') retro.moveTo(phase);
			await clients.stored();
			for (const variant of RETRO_VARIANTS) {
				const page = await openAs(browser, variant);
				await show(page, `${origin}/b/${keys.boardId}/retro#edit=${keys.editKey}`);
				if (phase === 'write') await writeDrafts(page);
				await scrollToTop(retroFocus(page, phase, variant.device));
				await settle(page);
				await save(page, `retro-${phase}`, variant);
				await page.context().close();
			}
		}
	} finally {
		clients.close();
	}
}

/**
 * What a retro picture is scrolled to, as the board's header would leave little room for the
 * cards: on a laptop the facilitation bar with the phase and its cards below; on a phone, where
 * the phase bar alone fills the screen, what the phase is about. The end is its summary.
 */
function retroFocus(page: Page, phase: RetroPhase, device: Variant['device']): Locator {
	if (phase === 'done') return page.getByRole('region', { name: 'Summary' });
	if (device === 'laptop') return page.getByRole('region', { name: 'Facilitation' });
	if (phase === 'write') return page.getByRole('region', { name: 'Writing' });
	if (phase === 'vote') return page.getByText(/^You have \d of \d votes left/);
	if (phase === 'discuss') return page.getByRole('region', { name: 'By votes' });
	return page.getByRole('region', { name: /^Start/ });
}

async function scrollToTop(element: Locator): Promise<void> {
	await element.evaluate((node) =>
		window.scrollTo(0, node.getBoundingClientRect().top + window.scrollY - 12)
	);
}

/**
 * Types the facilitator's own cards into the write phase's boxes, as she would, and closes her
 * settings (set before the meeting), which would otherwise push the cards off the screen.
 */
async function writeDrafts(page: Page): Promise<void> {
	for (const { column, text } of FACILITATOR_DRAFTS) {
		const box = page.getByLabel(`New card in ${column}`);
		await box.fill(text);
		await box.press('Enter');
	}
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	// The settings panel opens again when the board changes under it (the writing count going
	// up), so it is closed once the others see Maya's count.
	await page
		.getByRole('list', { name: 'Cards written so far' })
		.getByRole('listitem')
		.filter({ hasText: new RegExp(`\\(you\\)\\s*${FACILITATOR_DRAFTS.length} cards`) })
		.waitFor();
	await settle(page);
	await page.getByText('Facilitator settings', { exact: true }).click();
}

if (!existsSync('build/handler.js')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
// Every picture is made anew, so one this script no longer makes does not linger.
// (Only the subjects this run makes: `--only kickoff` leaves the retro's pictures.)
for (const file of readdirSync(OUT))
	if (file.endsWith('.png') && (ONLY === null || groupOf(file) === ONLY)) rmSync(join(OUT, file));

const server = await startServer({ env: { ALLOWED_HOSTS: HOST } });
const origin = `http://${HOST}:${server.port}`;
const browser = await chromium.launch({
	...CHROMIUM_LAUNCH,
	args: [
		...CHROMIUM_LAUNCH.args,
		`--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
		`--unsafely-treat-insecure-origin-as-secure=${origin}`
	]
});
try {
	const makes = (group: Group) => ONLY === null || ONLY === group;
	if (makes('kickoff')) await shootKickoff(browser, server, origin);
	if (makes('baseline')) await shootBaseline(browser, server, origin);
	if (makes('since')) await shootSince(browser, server, origin);
	if (makes('retro')) await shootRetro(browser, server, origin);
	if (makes('updates')) await shootUpdates(browser, server, origin);
} finally {
	await browser.close();
	await server.kill();
	removeDataDir(server.dataDir);
}
