import { expect, test, type Locator } from './fixtures.ts';
import { addPerson, addRaciTask, addRisk, setRaciCell } from '../../src/lib/board/index.ts';
import { exportFile } from './export-helpers.ts';
import { createKickoffBoard, openSection } from './helpers.ts';
import { heatCell, heatMap, writeAsPeer } from './risks-helpers.ts';

const CAPTION = '2 risks on the heat map. Closed risks are not counted.';

/** The sum of the counts the heat map's cells are named with ("…: 2 risks"). */
async function cellTotal(map: Locator): Promise<number> {
	const names = await map
		.getByRole('button')
		.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
	return names.reduce((sum, name) => sum + Number(/: (\d+) risks?$/.exec(name)?.[1] ?? 0), 0);
}

test('the screen, its legend, the overview, Markdown, CSV and print count the same risks, closed ones out, and the same failing RACI tasks', async ({
	browser,
	baseURL
}) => {
	const { page, editLink, boardPath } = await createKickoffBoard(browser);
	await writeAsPeer(baseURL!, editLink, (doc) => {
		addRisk(doc, { title: 'Vendor slips the date', likelihood: 5, impact: 5 });
		addRisk(doc, { title: 'Key engineer leaves', likelihood: 2, impact: 3, status: 'mitigating' });
		addRisk(doc, { title: 'Old audit finding', likelihood: 5, impact: 5, status: 'closed' });
		// Two RACI tasks, one of which fails a check: the overview's figure is the exports'.
		const ada = addPerson(doc, { name: 'Ada' });
		const bob = addPerson(doc, { name: 'Bob' });
		const signed = addRaciTask(doc, { title: 'Sign the contract' });
		setRaciCell(doc, signed, ada, 'A');
		setRaciCell(doc, signed, bob, 'R');
		setRaciCell(doc, addRaciTask(doc, { title: 'Pay the vendor' }), ada, 'R');
	});

	// The screen: the heat map's cells, its legend and its caption.
	await openSection(page, 'Risks');
	await expect(heatCell(page, 5, 5)).toHaveAccessibleName('Likelihood 5, impact 5: 1 risk');
	expect(await cellTotal(heatMap(page))).toBe(2);
	const legend = page.getByRole('list', { name: 'Risks per band' });
	await expect(legend.getByRole('listitem')).toHaveText([
		/Low.*0$/,
		/Medium.*1$/,
		/High.*0$/,
		/Critical.*1$/
	]);
	await expect(page.getByText(CAPTION)).toBeVisible();
	// A selected cell lists exactly the risks its number counts.
	await heatCell(page, 5, 5).click();
	await expect(
		page.getByRole('table', { name: 'Risk register' }).getByRole('textbox', { name: 'Risk title' })
	).toHaveCount(1);

	// The overview: its figure, its bands and its top risks.
	await openSection(page, 'Overview');
	await expect(
		page.getByRole('list', { name: 'Totals' }).getByText('2 open risks', { exact: true })
	).toBeVisible();
	await expect(page.getByRole('list', { name: 'Open risks by severity' })).toContainText(
		/Critical\s*1\s*High\s*0\s*Medium\s*1\s*Low\s*0/
	);
	await expect(page.getByRole('list', { name: 'Top risks by score' }).getByRole('link')).toHaveText(
		// Each named by its number (R-n; risks added in one millisecond are numbered in id order).
		[/^R-\d+ Vendor slips the date$/, /^R-\d+ Key engineer leaves$/]
	);
	await expect(
		page.getByRole('list', { name: 'Totals' }).getByText('1 RACI problem', { exact: true })
	).toBeVisible();
	await expect(page.getByText('1 of 2 tasks fail a check', { exact: true })).toBeVisible();

	// Markdown and CSV, made in the browser.
	const markdown = await exportFile(page, 'Markdown (.md)');
	expect(markdown.text).toContain(`_${CAPTION}_`);
	expect(markdown.text).toContain('1 of 2 tasks fail a check.');
	expect(markdown.text).toContain(
		'| 5 Almost certain | 0 · Medium | 0 · High | 0 · High | 0 · Critical | 1 · Critical |'
	);
	const csv = await exportFile(page, 'Risks (.csv)');
	const rows = csv.text.split('\r\n').slice(1, -1);
	const onHeatMap = rows.map((row) => row.split(',')[8]);
	expect(onHeatMap.filter((value) => value === 'Yes')).toHaveLength(2);
	expect(rows.find((row) => row.includes('Old audit finding'))?.split(',')[8]).toBe('No');

	// The print.
	await page.goto(`${boardPath}/print`);
	const printed = page.locator('table.heat-map');
	await expect(printed.locator('caption')).toContainText(CAPTION);
	const printedCounts = await printed
		.locator('td strong')
		.evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)));
	expect(printedCounts.reduce((sum, count) => sum + count, 0)).toBe(2);
	await expect(page.getByText('1 of 2 tasks fail a check')).toBeVisible();
});
