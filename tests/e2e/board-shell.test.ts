import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PERSON_COLORS } from '../../src/lib/board/index.ts';
import { contrastRatio } from '../../src/lib/components/ui/colors.ts';
import { createKickoffBoard, newPerson, openInNewBrowser, openSection } from './helpers.ts';

const rgb = (hex: string) =>
	`rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
const hex = (rgb: string) =>
	'#' +
	(rgb.match(/\d+/g) ?? [])
		.slice(0, 3)
		.map((part) => Number(part).toString(16).padStart(2, '0'))
		.join('');

/** A stock y-websocket client in the test process, acting as another (maybe hostile) peer. */
function nodePeer(link: string): { doc: Y.Doc; provider: WebsocketProvider } {
	const url = new URL(link);
	const boardId = url.pathname.split('/')[2]!;
	const key = new URLSearchParams(url.hash.slice(1)).get('edit')!;
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`ws://${url.host}/sync`, boardId, doc, {
		protocols: ['charter.v1', `key.${key}`],
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	return { doc, provider };
}

test.describe('board shell', () => {
	test('shows who is here, and drops a person whose tab closed', async ({ browser }) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada Lovelace');
		const grace = await openInNewBrowser(browser, editLink, 'Grace Hopper');
		const adaPeople = ada.getByRole('list', { name: 'People on this board' });
		await expect(adaPeople).toContainText('Grace Hopper');
		await expect(grace.getByRole('list', { name: 'People on this board' })).toContainText(
			'Ada Lovelace'
		);
		await grace.close();
		await expect(adaPeople).not.toContainText('Grace Hopper');
	});

	test('avatars show letters of the name, never punctuation, and differ for people with the same initials', async ({
		browser
	}) => {
		const { page: tess, editLink } = await createKickoffBoard(browser, 'Tess (TPM)');
		await openInNewBrowser(browser, editLink, 'Maria Gonzalez');
		await openInNewBrowser(browser, editLink, 'Mark Green');
		const avatars = tess.getByRole('list', { name: 'People on this board' }).locator('.avatar');
		await expect(avatars).toHaveCount(3);
		const letters = (await avatars.allTextContents()).map((text) => text.trim());
		expect(letters[0]).toBe('T');
		expect([...letters.slice(1)].sort()).toEqual(['MA', 'MG']);

		// Every person colour carries its letters readably (WCAG AA, 4.5:1), lime and amber too.
		for (const color of PERSON_COLORS) {
			await tess.evaluate((color) => {
				const stored = JSON.parse(localStorage.getItem('charter.profile')!);
				localStorage.setItem('charter.profile', JSON.stringify({ ...stored, color }));
			}, color);
			await tess.reload();
			const mine = avatars.first();
			await expect(mine).toHaveCSS('background-color', rgb(color));
			const ink = await mine.evaluate((element) => getComputedStyle(element).color);
			expect(contrastRatio(hex(ink), color), `letters on ${color}`).toBeGreaterThanOrEqual(4.5);
		}
	});

	test('on a phone the Share panel stays on screen with five people here; Share and Export close on Escape and on a press outside', async ({
		browser
	}) => {
		const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada Lovelace');
		for (const name of ['Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov']) {
			await openInNewBrowser(browser, editLink, name);
		}
		const phone = await newPerson(browser, 'Katherine Johnson', {
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true
		});
		await phone.goto(editLink);
		// A phone has room for three others: two, and how many more.
		const here = phone.getByRole('list', { name: 'People on this board' });
		await expect(here.locator('.avatar')).toHaveCount(4);
		await expect(here.locator('.avatar').last()).toHaveText('+3');
		await expect(here).toContainText('and 3 more');

		const share = phone.getByText('Share', { exact: true });
		await share.click();
		for (const label of ['Edit link', 'View link']) {
			const field = phone.getByLabel(new RegExp(label));
			await expect(field).toBeVisible();
			for (const box of [
				await field.boundingBox(),
				await phone.getByText(label, { exact: true }).boundingBox()
			]) {
				expect(box!.x).toBeGreaterThanOrEqual(0);
				expect(box!.x + box!.width).toBeLessThanOrEqual(390);
			}
		}
		await phone.keyboard.press('Escape');
		await expect(phone.getByLabel(/Edit link/)).toBeHidden();
		await expect(phone.locator('summary', { hasText: 'Share' })).toBeFocused();

		await share.click();
		await expect(phone.getByLabel(/Edit link/)).toBeVisible();
		await phone.getByRole('textbox', { name: 'Board title' }).click();
		await expect(phone.getByLabel(/Edit link/)).toBeHidden();

		const exportMenu = ada.locator('summary', { hasText: 'Export' });
		await exportMenu.click();
		const json = ada.getByRole('button', { name: /JSON/ }).first();
		await expect(json).toBeVisible();
		await ada.keyboard.press('Escape');
		await expect(json).toBeHidden();
		await expect(ada.locator('summary', { hasText: 'Export' })).toBeFocused();
		await exportMenu.click();
		await expect(json).toBeVisible();
		await ada.getByRole('textbox', { name: 'Board title' }).click();
		await expect(json).toBeHidden();
	});

	test('hides entries a peer wrote that do not parse, and says how many', async ({ browser }) => {
		const { page, editLink } = await createKickoffBoard(browser);
		const peer = nodePeer(editLink);
		try {
			await new Promise<void>((resolve) => peer.provider.once('sync', () => resolve()));
			peer.doc.transact(() => {
				const risks = peer.doc.getMap('risks');
				const broken = new Y.Map<unknown>();
				broken.set('title', 'Likelihood nine');
				broken.set('likelihood', 9);
				risks.set('AAAAAAAAAAAAAAAA', broken);
				risks.set('BBBBBBBBBBBBBBBB', 'not even a map');
			});
			await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toHaveText(
				'2 entries from another device could not be read and are hidden.'
			);
		} finally {
			peer.provider.destroy();
		}
	});

	test('renders a hostile title as text', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		page.on('dialog', () => {
			throw new Error('a dialog opened: hostile text ran');
		});
		const hostile = '<img src=x onerror=alert(1)>';
		await page.getByRole('textbox', { name: 'Board title' }).fill(hostile);
		await expect(page).toHaveTitle(`${hostile} · Charter`);
		await page.getByRole('link', { name: 'Charter home' }).click();
		await expect(page.getByRole('link', { name: hostile })).toBeVisible();
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
	});

	test('undo and redo take back and restore this user’s own change only', async ({ browser }) => {
		const { page, editLink } = await createKickoffBoard(browser);
		const other = await openInNewBrowser(browser, editLink);
		const title = page.getByRole('textbox', { name: 'Board title' });
		await title.fill('Mine');
		await expect(other.getByRole('textbox', { name: 'Board title' })).toHaveValue('Mine');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(title).toHaveValue('Project kickoff');
		await expect(other.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Project kickoff'
		);
		await page.getByRole('button', { name: 'Redo' }).click();
		await expect(title).toHaveValue('Mine');
		await expect(other.getByRole('button', { name: 'Undo' })).toBeDisabled();
	});

	test('the overview says what needs attention in each section', async ({ browser }) => {
		const { page } = await createKickoffBoard(browser);
		await openSection(page, 'Risks');
		await page.getByLabel('New risk').fill('Vendor slips');
		await page.getByRole('button', { name: 'Add risk' }).click();
		await openSection(page, 'RACI');
		await page.getByLabel('New task').fill('Sign the contract');
		await page.getByRole('button', { name: 'Add task' }).click();
		await openSection(page, 'Overview');
		const totals = page.getByRole('list', { name: 'Totals' });
		await expect(totals.getByText('1 open risk', { exact: true })).toBeVisible();
		await expect(totals.getByText('1 RACI problem', { exact: true })).toBeVisible();
		await expect(page.getByRole('list', { name: 'Open risks by severity' })).toContainText(
			'Medium 1'
		);
		await expect(
			page.getByRole('list', { name: 'Top risks by score' }).getByRole('link')
		).toHaveText(['R-1 Vendor slips']);
		await expect(
			page.getByRole('list', { name: 'RACI tasks that fail a check' }).getByRole('listitem')
		).toHaveText(['Sign the contract No Accountable · No Responsible']);
		await expect(page.getByText('1 of 1 task fails a check')).toBeVisible();
		// The parts still empty say so, and what they are for.
		await expect(page.getByText('No milestones yet.', { exact: false })).toBeVisible();
		await expect(page.getByText('No open actions.')).toBeVisible();
	});

	test('the overview of a new kickoff says each part is empty, with no figures of zeros', async ({
		browser
	}) => {
		const { page } = await createKickoffBoard(browser);
		const overview = page.getByRole('region', { name: 'Overview' });
		await expect(overview.getByText('No objective written yet.')).toBeVisible();
		await expect(overview.getByText(/^No milestones yet\./)).toBeVisible();
		await expect(overview.getByText(/^No open risks\./)).toBeVisible();
		await expect(overview.getByText(/^No RACI tasks yet\./)).toBeVisible();
		await expect(overview.getByText('No open actions.')).toBeVisible();
		await expect(overview.getByText('No status update has been published yet.')).toBeVisible();
		await expect(page.getByRole('list', { name: 'Totals' })).toHaveCount(0);
		await expect(overview.getByRole('heading', { level: 3 })).toHaveText([
			'Latest status update',
			'Milestones',
			'Top risks',
			'RACI problems',
			'Overdue actions'
		]);
	});

	test('the overview has no serious accessibility violation, light or dark', async ({
		browser
	}) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page } = await createKickoffBoard(browser);
			await page.emulateMedia({ colorScheme });
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter(
				(v) => v.impact === 'serious' || v.impact === 'critical'
			);
			expect(serious.map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
		}
	});
});
