import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';
import { writeFile } from 'node:fs/promises';
import {
	addMilestone,
	CHARTER_SECTION_LABELS,
	CHARTER_SECTIONS
} from '../../src/lib/board/index.ts';
import { charterField, openCharter } from './charter-helpers.ts';
import { exportFile, fillBoardAsPeer, knownBoardCount, runRetroAsPeer } from './export-helpers.ts';
import { createKickoffBoard, newPerson } from './helpers.ts';
import { createRetroBoardIn } from './retro-helpers.ts';
import { pdfText } from './pdf-text.ts';
import { writeAsPeer } from './risks-helpers.ts';

async function expectNoSeriousAxeViolations(page: Page, include?: string) {
	const builder = new AxeBuilder({ page });
	const results = await (include ? builder.include(include) : builder).analyze();
	const severe = results.violations.filter(
		(violation) => violation.impact === 'serious' || violation.impact === 'critical'
	);
	expect(severe.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function importFile(page: Page, path: string) {
	await page.goto('/');
	await page.getByRole('button', { name: 'Import a board…' }).click();
	await page
		.getByRole('dialog', { name: 'Import a board' })
		.getByLabel('Charter JSON export')
		.setInputFiles(path);
}

test.describe('export and import', () => {
	test('a board exported as JSON comes back as a new board whose charter text shows and edits in the editor', async ({
		browser,
		baseURL
	}, testInfo) => {
		const { page, editLink, boardPath } = await createKickoffBoard(browser);
		await fillBoardAsPeer(baseURL!, editLink);
		await page.goto(`${boardPath}/print`);
		await expect(page.getByRole('rowheader', { name: 'Vendor slips the date' })).toBeVisible();
		const { path, text } = await exportFile(page, 'JSON (.json)');
		expect(JSON.parse(text).charter.background[0]).toEqual({
			type: 'heading',
			level: 2,
			children: [{ text: 'Why we start' }]
		});
		const boardsBefore = await knownBoardCount(page);

		await importFile(page, path);
		await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
		const importedPath = new URL(page.url()).pathname;
		expect(importedPath).not.toBe(boardPath);
		expect(await knownBoardCount(page)).toBe(boardsBefore + 1);
		// This browser has the original too: the copy's title tells them apart.
		const original = JSON.parse(text).board.title as string;
		await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue(`${original} (2)`);

		await openCharter(page);
		const background = charterField(page, 'Background');
		await expect(background.getByRole('heading', { name: 'Why we start' })).toBeVisible();
		await expect(background.locator('strong', { hasText: 'end of life' })).toBeVisible();
		await expect(background.getByRole('link', { name: 'the plan' })).toHaveAttribute(
			'href',
			'https://example.com/plan'
		);
		await background.getByText('end of life').click();
		await page.keyboard.press('End');
		await page.keyboard.type(', says the imported board');
		await expect(background).toContainText('end of life, says the imported board');

		await page.reload();
		await openCharter(page);
		await expect(charterField(page, 'Background')).toContainText(
			'end of life, says the imported board'
		);
		await testInfo.attach('export.json', { path, contentType: 'application/json' });
	});

	test('a hand-edited file lists what is wrong, by path, in an accessible dialog, and adds no board', async ({
		browser,
		baseURL
	}, testInfo) => {
		const { page, editLink, boardPath } = await createKickoffBoard(browser);
		await fillBoardAsPeer(baseURL!, editLink);
		await page.goto(`${boardPath}/print`);
		await expect(page.getByRole('rowheader', { name: 'Vendor slips the date' })).toBeVisible();
		const { text } = await exportFile(page, 'JSON (.json)');
		const file = JSON.parse(text);
		file.risks[0].likelihood = 7;
		file.people[1].color = 'blue';
		const path = testInfo.outputPath('hand-edited.json');
		await writeFile(path, JSON.stringify(file));
		const boardsBefore = await knownBoardCount(page);

		await importFile(page, path);
		const dialog = page.getByRole('dialog', { name: 'Import a board' });
		const problems = dialog.getByRole('list', { name: 'Problems in hand-edited.json' });
		await expect(problems.getByRole('listitem')).toHaveText([
			'people[1].color: Expected a colour as #rrggbb',
			'risks[0].likelihood: expected 1–5'
		]);
		await expect(dialog.getByRole('alert')).toContainText('no board was created');
		await expectNoSeriousAxeViolations(page, 'dialog');
		expect(await knownBoardCount(page)).toBe(boardsBefore);
		await expect(page).toHaveURL(/\/$/);

		const corrupted = testInfo.outputPath('corrupted.json');
		await writeFile(corrupted, text.slice(0, text.length / 2));
		await dialog.getByLabel('Charter JSON export').setInputFiles(corrupted);
		await expect(dialog.getByRole('listitem')).toHaveText([/^The file is not valid JSON/]);
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect(dialog).toBeHidden();
		expect(await knownBoardCount(page)).toBe(boardsBefore);
	});

	test('Markdown and CSV files are made in the browser from the board, offline too', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink, boardPath } = await createKickoffBoard(browser);
		await fillBoardAsPeer(baseURL!, editLink);
		await page.goto(`${boardPath}/print`);
		await expect(page.getByRole('rowheader', { name: 'Vendor slips the date' })).toBeVisible();
		// No request may leave the page while it exports: the files are made from its own copy.
		const requests: string[] = [];
		page.on('request', (request) => {
			if (request.url().startsWith(baseURL!)) requests.push(request.url());
		});
		await page.context().setOffline(true);
		const markdown = await exportFile(page, 'Markdown (.md)');
		expect(markdown.path).toBeTruthy();
		expect(markdown.text).toMatch(/^# Project kickoff\n/);
		expect(markdown.text).toContain('#### Why we start\n\nThe old gateway is **end of life**');
		const risks = await exportFile(page, 'Risks (.csv)');
		expect(risks.text.split('\r\n')[1]).toMatch(
			/,Vendor slips the date,20,Critical,4,5,Ada Lovelace,Open,Yes,,,R-1,,,,,,,,$/
		);
		expect(requests).toEqual([]);
	});
});

test.describe('print', () => {
	test('the printed PDF holds every section of the board, and none of the app around it', async ({
		browser,
		baseURL
	}) => {
		const { page, editLink, boardPath } = await createKickoffBoard(browser);
		await fillBoardAsPeer(baseURL!, editLink);
		await writeAsPeer(baseURL!, editLink, (doc) =>
			addMilestone(doc, { title: 'Pilot live', due: '2027-01-15' })
		);
		await page.goto(`${boardPath}/print`);
		await expect(page.getByRole('heading', { name: 'Project kickoff', level: 1 })).toBeVisible();
		await expect(page.getByRole('rowheader', { name: 'Book the kickoff room' })).toBeVisible();
		await expectNoSeriousAxeViolations(page);

		// On paper: the heat map keeps its colours, and a date is one unbroken line.
		await page.emulateMedia({ media: 'print' });
		const critical = page.locator('.heat-map td.band-critical').first();
		await expect(critical).toHaveCSS('print-color-adjust', 'exact');
		expect(await critical.evaluate((cell) => getComputedStyle(cell).backgroundColor)).not.toBe(
			'rgba(0, 0, 0, 0)'
		);
		const due = page
			.getByRole('row', { name: /Pilot live/ })
			.getByRole('cell')
			.first();
		await expect(due).toHaveText(/Jan 15, 2027|15 Jan 2027/);
		await expect(due).toHaveCSS('white-space', 'nowrap');
		await page.emulateMedia({ media: null });

		const pages = pdfText(await page.pdf({ format: 'A4' }));
		// Every page: the board's title and the day at the top, "Page n of N" at the bottom.
		expect(pages.length).toBeGreaterThan(1);
		pages.forEach((text, i) => {
			const flat = text.replace(/\s+/g, ' ');
			expect(flat, `page ${i + 1}`).toContain('Project kickoff');
			expect(flat, `page ${i + 1}`).toMatch(/Printed \w+/);
			expect(flat, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
		});
		const text = pages.join('\n').replace(/\s+/g, ' ');
		const expected = [
			'Project kickoff',
			'Charter',
			...CHARTER_SECTIONS.map((section) => CHARTER_SECTION_LABELS[section]),
			'Why we start',
			'The old gateway is end of life',
			...CHARTER_SECTIONS.slice(1).map((section) => `${CHARTER_SECTION_LABELS[section]} text`),
			'People',
			'Ada Lovelace',
			'Milestones',
			'Risks',
			'Heat map',
			'Vendor slips the date',
			'RACI',
			'Approve the budget',
			'Actions',
			'Book the kickoff room'
		];
		for (const phrase of expected) expect(text, `the PDF text holds “${phrase}”`).toContain(phrase);
		// The app's chrome stays on screen: the section tabs, the share button, the print bar.
		for (const chrome of ['Overview', 'Share', 'Print / Save as PDF', 'Synced'])
			expect(text).not.toContain(chrome);
	});

	test('a retro board prints its columns, groups, votes and actions, without the facilitation bar', async ({
		browser,
		baseURL
	}) => {
		const page = await newPerson(browser);
		const { editLink, boardId } = await createRetroBoardIn(page);
		await runRetroAsPeer(baseURL!, editLink);
		await page.goto(`/b/${boardId}/print`);
		await expect(page.getByRole('heading', { name: 'Retrospective', level: 2 })).toBeVisible();
		await expect(page.getByText('CI pain')).toBeVisible();
		await expectNoSeriousAxeViolations(page);

		const text = pdfText(await page.pdf({ format: 'Letter' }))
			.join('\n')
			.replace(/\s+/g, ' ');
		for (const phrase of [
			'Retrospective',
			'3 cards · 3 votes',
			'Start',
			'Pairing on migrations — 1 vote',
			'Stop',
			'CI pain — 2 votes',
			'Slow CI builds',
			'Flaky end-to-end tests',
			'Continue',
			'Actions',
			'Cache the build'
		])
			expect(text, `the PDF text holds “${phrase}”`).toContain(phrase);
		expect(text).not.toContain('Facilitator');
	});

	test('Download PDF opens the print view and the browser’s print dialog', async ({ browser }) => {
		const { page, boardPath } = await createKickoffBoard(browser);
		// Count calls of the browser's print instead of opening its dialog, in this document and
		// in any the link might load.
		const countPrints = () => {
			window.print = () =>
				sessionStorage.setItem(
					'printed',
					String(Number(sessionStorage.getItem('printed') ?? 0) + 1)
				);
		};
		await page.addInitScript(countPrints);
		await page.evaluate(countPrints);
		await page.locator('summary', { hasText: 'Export' }).click();
		await page.getByRole('link', { name: 'Download PDF' }).click();
		await expect(page).toHaveURL(`${boardPath}/print?print`);
		await expect(page.getByRole('heading', { name: 'Charter', level: 2 })).toBeVisible();
		await expect.poll(() => page.evaluate(() => sessionStorage.getItem('printed'))).toBe('1');
	});
});
