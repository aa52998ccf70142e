import { expect, test, type Page } from './fixtures.ts';
import type * as Y from 'yjs';
import {
	addAction,
	addMilestone,
	addPerson,
	addRisk,
	readActions,
	readMeta,
	readMilestones,
	readPeople,
	readRetroCards,
	readRisks,
	setTitle
} from '../../src/lib/board/index.ts';
import {
	caretTo,
	expectStockClientToRead,
	keepRescoring,
	publishCardsAsPeer,
	serverExport,
	typeAtBothEnds,
	type ExportedBoard
} from './co-editing-helpers.ts';
import { createKickoffBoard, newPerson, openInNewBrowser, openSection } from './helpers.ts';
import { createRetroBoardIn, joinRetro } from './retro-helpers.ts';
import { riskRow, writeAsPeer } from './risks-helpers.ts';

/** A plain text field of the board, set up by a peer and found again by its id. */
interface TextField {
	readonly name: string;
	readonly section: string;
	add(doc: Y.Doc, text: string): string;
	field(page: Page, id: string): ReturnType<Page['getByRole']>;
	read(doc: Y.Doc, id: string): string | undefined;
	exported(board: ExportedBoard, id: string): string | undefined;
}

const risk: TextField = {
	name: 'a risk title',
	section: 'Risks',
	add: (doc, title) => addRisk(doc, { title }),
	field: (page, id) =>
		page.locator(`[data-row-id="${id}"]`).getByRole('textbox', { name: 'Risk title' }),
	read: (doc, id) => readRisks(doc).items.find((item) => item.id === id)?.title,
	exported: (board, id) => board.risks.find((item) => item.id === id)?.title
};

const action: TextField = {
	name: 'an action title',
	section: 'Actions',
	add: (doc, title) => addAction(doc, { title }),
	field: (page, id) =>
		page.locator(`[data-row-id="${id}"]`).getByRole('textbox', { name: 'Action title' }),
	read: (doc, id) => readActions(doc).items.find((item) => item.id === id)?.title,
	exported: (board, id) => board.actions.find((item) => item.id === id)?.title
};

// The board holds one milestone and one person: the first field of its kind is theirs.
const milestone: TextField = {
	name: 'a milestone title',
	section: 'Milestones',
	add: (doc, title) => addMilestone(doc, { title }),
	field: (page) => page.getByRole('textbox', { name: 'Title', exact: true }).first(),
	read: (doc, id) => readMilestones(doc).items.find((item) => item.id === id)?.title,
	exported: (board, id) => board.milestones.find((item) => item.id === id)?.title
};

const personName: TextField = {
	name: "a person's name",
	section: 'People',
	add: (doc, name) => addPerson(doc, { name }),
	field: (page) => page.getByRole('textbox', { name: 'Name', exact: true }).first(),
	read: (doc, id) => readPeople(doc).items.find((item) => item.id === id)?.name,
	exported: (board, id) => board.people.find((item) => item.id === id)?.name
};

const personRole: TextField = {
	name: "a person's role",
	section: 'People',
	add: (doc, role) => addPerson(doc, { name: 'Lin', role }),
	field: (page) => page.getByRole('textbox', { name: 'Role', exact: true }).first(),
	read: (doc, id) => readPeople(doc).items.find((item) => item.id === id)?.role,
	exported: (board, id) => board.people.find((item) => item.id === id)?.role
};

// The board's own title, in the header of every section: its "id" is the board's.
const boardTitle: TextField = {
	name: 'the board title',
	section: 'Risks',
	add: (doc, title) => {
		setTitle(doc, title);
		return 'board';
	},
	field: (page) => page.getByRole('textbox', { name: 'Board title', exact: true }),
	read: (doc) => {
		const meta = readMeta(doc);
		return meta.ok ? meta.meta.title : undefined;
	},
	exported: (board) => board.board.title
};

const OTHER_RISK = 'Other risk';

/** A kickoff board in Ada's browser holding `field`'s entry with `text`, and a risk to re-score. */
async function boardWith(
	browser: Parameters<typeof createKickoffBoard>[0],
	baseURL: string,
	field: TextField,
	text: string
) {
	const board = await createKickoffBoard(browser, 'Ada');
	const id = await writeAsPeer(baseURL, board.editLink, (doc) => {
		addRisk(doc, { title: OTHER_RISK });
		return field.add(doc, text);
	});
	return { ...board, id };
}

const SUFFIX = ' and the auditors may ask for more evidence next quarter';

for (const target of [risk, action, milestone]) {
	test(`${target.name} typed a key every 135 ms, while another risk is re-scored every 250 ms, arrives whole`, async ({
		browser,
		baseURL
	}) => {
		const start = 'Auditors ask for evidence';
		const { page: ada, editLink, id } = await boardWith(browser, baseURL!, target, start);
		await openSection(ada, 'Risks');
		await expect(riskRow(ada, OTHER_RISK)).toHaveCount(1);
		const grace = await openInNewBrowser(browser, editLink, 'Grace');
		await openSection(grace, target.section);
		const field = target.field(grace, id);
		await expect(field).toHaveValue(start);
		await field.click();
		await caretTo(grace, 'end');

		const stopRescoring = await keepRescoring(ada, OTHER_RISK);
		await grace.keyboard.type(SUFFIX, { delay: 135 });
		expect(await stopRescoring()).toBeGreaterThanOrEqual(10);

		const whole = start + SUFFIX;
		await expect(field).toHaveValue(whole);
		await openSection(ada, target.section);
		await expect(target.field(ada, id)).toHaveValue(whole);
		await expectStockClientToRead(baseURL!, editLink, (doc) => target.read(doc, id), whole);
		expect(target.exported(await serverExport(baseURL!, editLink), id)).toBe(whole);
	});
}

const BOTH_ENDS = 'bbbb Second test AAAA';

for (const target of [risk, action, personName, personRole, boardTitle]) {
	test(`two people typing at both ends of ${target.name} give exactly "${BOTH_ENDS}"`, async ({
		browser,
		baseURL
	}) => {
		// Three browsers on a two-core machine.
		test.slow();
		const { page: ada, editLink, id } = await boardWith(browser, baseURL!, target, 'Second test');
		const [grace, cy] = await Promise.all([
			openInNewBrowser(browser, editLink, 'Grace'),
			openInNewBrowser(browser, editLink, 'Cy')
		]);
		await Promise.all([
			openSection(ada, target.section),
			openSection(grace, target.section),
			openSection(cy, 'Risks')
		]);
		const fields = [ada, grace].map((page) => target.field(page, id));
		for (const field of fields) await expect(field).toHaveValue('Second test');
		await fields[0]!.click();
		await fields[1]!.click();

		// Cy changes something else on the board all the while.
		const stopRescoring = await keepRescoring(cy, OTHER_RISK);
		await typeAtBothEnds(ada, grace);
		expect(await stopRescoring()).toBeGreaterThan(0);

		await openSection(cy, target.section);
		for (const page of [ada, grace, cy])
			await expect(target.field(page, id)).toHaveValue(BOTH_ENDS);
		await expect
			.poll(async () => target.exported(await serverExport(baseURL!, editLink), id))
			.toBe(BOTH_ENDS);
	});
}

test(`two people typing at both ends of a retro card's text give exactly "${BOTH_ENDS}"`, async ({
	browser,
	baseURL
}) => {
	// Three browsers on a two-core machine.
	test.slow();
	const ada = await newPerson(browser, 'Ada');
	const { editLink } = await createRetroBoardIn(ada);
	const [cardId, otherId] = await publishCardsAsPeer(baseURL!, editLink, [
		'Second test',
		'Other card'
	]);
	const [grace, cy] = await Promise.all([
		joinRetro(browser, editLink, 'Grace'),
		joinRetro(browser, editLink, 'Cy')
	]);
	const cardText = (page: Page, id: string) =>
		page.locator(`[data-card-id="${id}"]`).getByRole('textbox', { name: 'Card text' });
	const reword = async (page: Page, id: string) => {
		await page
			.locator(`[data-card-id="${id}"]`)
			.getByRole('button', { name: /^Reword/ })
			.click();
		await expect(cardText(page, id)).toBeFocused();
	};
	await reword(ada, cardId!);
	await reword(grace, cardId!);
	await reword(cy, otherId!);
	await caretTo(cy, 'end');

	// Cy rewords another card all the while.
	await Promise.all([typeAtBothEnds(ada, grace), cy.keyboard.type(' too', { delay: 135 })]);

	for (const page of [ada, grace]) await expect(cardText(page, cardId!)).toHaveValue(BOTH_ENDS);
	await cy.keyboard.press('Enter');
	await expect(cy.locator(`[data-card-id="${cardId}"] .text`)).toHaveText(BOTH_ENDS);
	await expect(cy.locator(`[data-card-id="${otherId}"] .text`)).toHaveText('Other card too');
	await expectStockClientToRead(
		baseURL!,
		editLink,
		(doc) => readRetroCards(doc).items.find((card) => card.id === cardId)?.text,
		BOTH_ENDS
	);
	const exported = await serverExport(baseURL!, editLink);
	expect(exported.retro?.cards.find((card) => card.id === cardId)?.text).toBe(BOTH_ENDS);
});
