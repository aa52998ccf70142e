import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures.ts';
import { addDecision, addPerson, supersedeDecision } from '../../src/lib/board/index.ts';
import { caretAtEndOf } from './charter-helpers.ts';
import { caretTo, serverExport } from './co-editing-helpers.ts';
import { exportFile, keysOf, knownBoardCount } from './export-helpers.ts';
import { createKickoffBoard, openInNewBrowser, openSection } from './helpers.ts';
import { seriousAxeViolations } from './raci-helpers.ts';
import { addRiskByForm, riskRow, writeAsPeer } from './risks-helpers.ts';

/** The decision log's row of the decision whose controls are named after `title`. */
function decisionRow(page: Page, title: string) {
	return page
		.getByRole('table', { name: 'Decision log' })
		.getByRole('row')
		.filter({ has: page.getByRole('combobox', { name: `Status of ${title}`, exact: true }) });
}

/** The title field of a decision, found by its id (its title changes while people type). */
function decisionTitle(page: Page, id: string) {
	return page.locator(`[data-row-id="${id}"]`).getByRole('textbox', { name: 'Decision title' });
}

async function addDecisionByForm(page: Page, title: string): Promise<void> {
	await page.getByLabel('New decision').fill(title);
	await page.getByRole('button', { name: 'Add decision' }).click();
	await expect(decisionRow(page, title)).toHaveCount(1);
}

/** Opens a row's ⋯ menu, picks `item`, and picks `choice` in the chooser it opens. */
async function chooseFromRowMenu(page: Page, row: string, item: string, choice: string) {
	await page.getByRole('button', { name: `Actions for ${row}` }).click();
	await page.getByRole('menuitem', { name: item }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('option', { name: new RegExp(`^${choice}`) }).click();
	await expect(dialog).toBeHidden();
}

test('a decision superseded by another and linked from a risk is in the Markdown and JSON exports, and survives an import', async ({
	browser
}) => {
	const { page } = await createKickoffBoard(browser);
	await openSection(page, 'Decisions');
	await addDecisionByForm(page, 'Host on VMs');
	await addDecisionByForm(page, 'Host on Kubernetes');
	await chooseFromRowMenu(page, 'Host on VMs', 'Mark superseded by…', 'Host on Kubernetes');
	const old = decisionRow(page, 'Host on VMs');
	await expect(old.getByRole('combobox', { name: 'Status of Host on VMs' })).toHaveText(
		'Superseded'
	);
	await expect(old.getByText('Superseded by Host on Kubernetes')).toBeVisible();

	await openSection(page, 'Risks');
	await addRiskByForm(page, 'Cluster costs');
	await chooseFromRowMenu(page, 'Cluster costs', 'Link a decision…', 'Host on Kubernetes');
	const chip = riskRow(page, 'Cluster costs').getByRole('link', {
		name: 'Decision: Host on Kubernetes'
	});
	await chip.click();
	await expect(page).toHaveURL(/\/decisions\?focus=/);
	await expect(
		decisionRow(page, 'Host on Kubernetes').getByRole('textbox', { name: 'Decision title' })
	).toBeFocused();

	const markdown = (await exportFile(page, 'Markdown (.md)')).text;
	const decisions = markdown.slice(markdown.indexOf('## Decisions'));
	expect(decisions).toContain('### Host on VMs\n\n_Superseded_');
	expect(decisions).toContain('Superseded by: Host on Kubernetes');
	expect(decisions).toContain('### Host on Kubernetes\n\n_Proposed_');
	const { path, text } = await exportFile(page, 'JSON (.json)');
	const json = JSON.parse(text);
	expect(json.decisions.map((entry: { title: string }) => entry.title)).toEqual([
		'Host on VMs',
		'Host on Kubernetes'
	]);
	const [vms, kubernetes] = json.decisions;
	expect(vms).toMatchObject({ status: 'superseded', supersededBy: kubernetes.id });
	expect(json.risks[0]).toMatchObject({ title: 'Cluster costs', decision: kubernetes.id });

	const boards = await knownBoardCount(page);
	await page.goto('/');
	await page.getByRole('button', { name: 'Import a board…' }).click();
	await page
		.getByRole('dialog', { name: 'Import a board' })
		.getByLabel('Charter JSON export')
		.setInputFiles(path);
	await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
	expect(await knownBoardCount(page)).toBe(boards + 1);
	await openSection(page, 'Risks');
	await expect(
		riskRow(page, 'Cluster costs').getByRole('link', { name: 'Decision: Host on Kubernetes' })
	).toBeVisible();
	await openSection(page, 'Decisions');
	await expect(
		decisionRow(page, 'Host on VMs').getByText('Superseded by Host on Kubernetes')
	).toBeVisible();
	const again = (await exportFile(page, 'JSON (.json)')).text;
	expect(JSON.parse(again).decisions).toEqual(json.decisions);
	await writeFile(test.info().outputPath('decisions.md'), markdown);
});

test('two people typing into one decision title, then into its context, while a third changes another decision, get exactly the same text', async ({
	browser,
	baseURL
}) => {
	// Three browsers on a two-core machine.
	test.slow();
	const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
	const id = await writeAsPeer(baseURL!, editLink, (doc) => {
		const shared = addDecision(doc, { title: 'Second test' });
		addDecision(doc, { title: 'Other decision' });
		return shared;
	});
	const [grace, cy] = await Promise.all([
		openInNewBrowser(browser, editLink, 'Grace'),
		openInNewBrowser(browser, editLink, 'Cy')
	]);
	await Promise.all([ada, grace, cy].map((page) => openSection(page, 'Decisions')));
	const fields = [ada, grace].map((page) => decisionTitle(page, id));
	for (const field of fields) await expect(field).toHaveValue('Second test');
	await fields[0]!.click();
	await fields[1]!.click();
	await caretTo(ada, 'end');
	await caretTo(grace, 'start');

	const otherStatus = cy.getByRole('combobox', { name: 'Status of Other decision' });
	await Promise.all([
		ada.keyboard.type(' AAAA', { delay: 135 }),
		grace.keyboard.type('bbbb ', { delay: 135 }),
		(async () => {
			for (const status of ['Decided', 'Reversed']) {
				await otherStatus.click();
				await cy.getByRole('option', { name: status }).click();
				await expect(otherStatus).toHaveText(status);
			}
		})()
	]);

	const expected = 'bbbb Second test AAAA';
	for (const page of [ada, grace, cy]) await expect(decisionTitle(page, id)).toHaveValue(expected);
	await expect(ada.getByRole('combobox', { name: 'Status of Other decision' })).toHaveText(
		'Reversed'
	);
	await expect
		.poll(async () => {
			const board = (await serverExport(baseURL!, editLink)) as unknown as {
				decisions: { id: string; title: string }[];
			};
			return board.decisions.find((entry) => entry.id === id)?.title;
		})
		.toBe(expected);

	// The same in the decision's context, a rich-text field: Ada writes a line, then both type
	// into it at once while Cy changes the other decision back.
	const contexts = [ada, grace, cy].map((page) =>
		page.getByRole('textbox', { name: `Context of ${expected}`, exact: true })
	);
	for (const page of [ada, grace, cy])
		await page.getByRole('button', { name: `Details of ${expected}` }).click();
	await contexts[0]!.click();
	await ada.keyboard.type('Middle');
	for (const context of contexts) await expect(context).toHaveText('Middle');
	await caretAtEndOf(ada, contexts[0]!);
	await contexts[1]!.click();
	await grace.keyboard.press('Control+Home');
	await Promise.all([
		ada.keyboard.type(' AAAA', { delay: 135 }),
		grace.keyboard.type('bbbb ', { delay: 135 }),
		(async () => {
			await otherStatus.click();
			await cy.getByRole('option', { name: 'Decided' }).click();
			await expect(otherStatus).toHaveText('Decided');
		})()
	]);
	for (const context of contexts) await expect(context).toHaveText('bbbb Middle AAAA');
	const { boardId, editKey } = keysOf(editLink);
	await expect
		.poll(async () => {
			const response = await fetch(`${baseURL}/api/boards/${boardId}/export.md`, {
				headers: { authorization: `Bearer ${editKey}` }
			});
			return (await response.text()).includes('bbbb Middle AAAA');
		})
		.toBe(true);
});

test('the decision log is keyboard usable, read only for a view link, and has no serious axe violations in light and dark', async ({
	browser,
	baseURL
}) => {
	const { page, editLink, viewLink } = await createKickoffBoard(browser, 'Ada');
	const next = await writeAsPeer(baseURL!, editLink, (doc) => {
		const ada = addPerson(doc, { name: 'Ada Lovelace' });
		addPerson(doc, { name: 'Grace Hopper' });
		const old = addDecision(doc, {
			title: 'Ship on Fridays',
			status: 'decided',
			decidedOn: '2026-01-12',
			owner: ada,
			consulted: [ada]
		});
		const next = addDecision(doc, { title: 'Ship any weekday', owner: ada });
		supersedeDecision(doc, old, next);
		return next;
	});
	await openSection(page, 'Decisions');
	const row = decisionRow(page, 'Ship any weekday');
	// Consulted people, picked with the keyboard alone: the list stays open for more.
	const consulted = row.getByRole('button', { name: /^Consulted on Ship any weekday/ });
	await consulted.focus();
	await page.keyboard.press('Enter');
	await page.keyboard.type('grace');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Escape');
	await expect(consulted).toHaveAccessibleName('Consulted on Ship any weekday: Grace Hopper');
	await row.getByRole('button', { name: 'Details of Ship any weekday' }).click();
	await expect(page.getByRole('textbox', { name: 'Context of Ship any weekday' })).toBeVisible();

	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
	}

	const viewer = await openInNewBrowser(browser, viewLink, 'Vic');
	await openSection(viewer, 'Decisions');
	await expect(viewer.getByText('Superseded by Ship any weekday')).toBeVisible();
	await expect(viewer.getByRole('button', { name: 'Add decision' })).toHaveCount(0);
	await expect(viewer.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);
	await expect(decisionTitle(viewer, next)).toHaveAttribute('readonly');
	await expect(
		viewer.getByRole('button', { name: 'Consulted on Ship any weekday: Grace Hopper' })
	).toHaveCount(0);
	await expect(viewer.getByText('Consulted on Ship any weekday: Grace Hopper')).toBeAttached();
});
