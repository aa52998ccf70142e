import * as Y from 'yjs';
import { readList, setBaseline, updateMilestone } from '../../src/lib/board/index.ts';
import { addDecision } from '../../src/lib/board/decisions.ts';
import { isPublished } from '../../src/lib/board/updates/feed.ts';
import { test, expect, type Page } from './fixtures.ts';
import { createKickoffBoard, moveMilestone, openInNewBrowser, openSection } from './helpers.ts';
import { pickStatus } from './picker-helpers.ts';
import { E2E_SERVER, openAsTeammate, storeDemoKickoff } from './demo-boards.ts';
import { seriousAxeViolations } from './raci-helpers.ts';

const api = (boardId: string, path: string, key: string, init: RequestInit = {}) =>
	fetch(`${E2E_SERVER.httpUrl}/api/boards/${boardId}/${path}`, {
		...init,
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
	});

const plus = (date: string, days: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function draftFacts(page: Page) {
	return page.getByRole('list').filter({ has: page.getByRole('textbox', { name: /^Fact / }) });
}

async function factTexts(page: Page): Promise<string[]> {
	return page
		.getByRole('textbox', { name: /^Fact \d+$/ })
		.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

async function publishedIds(doc: Y.Doc): Promise<string[]> {
	await expect
		.poll(() => readList(doc, 'statusUpdates').items.filter(isPublished).length)
		.toBeGreaterThan(0);
	return readList(doc, 'statusUpdates')
		.items.filter(isPublished)
		.sort((a, b) => b.publishedAt - a.publishedAt)
		.map((update) => update.id);
}

test.describe('status updates', () => {
	test('the TPM publishes an update drafted from the baseline, then one listing exactly what changed; a view-link reader follows live', async ({
		browser
	}) => {
		const demo = await storeDemoKickoff();
		const { doc, keys } = demo;
		const decision = addDecision(doc, { title: 'Keep the old gateway warm' });
		const saved = await api(keys.boardId, 'versions', keys.editKey, {
			method: 'POST',
			body: JSON.stringify({ label: 'Kickoff' })
		});
		expect(saved.status).toBe(201);
		setBaseline(doc, { versionId: (await saved.json()).id, label: 'Kickoff' });
		// After the baseline: the one thing the first update should report as new.
		const milestone = readList(doc, 'milestones').items.find(
			(entry) => entry.title === 'Security review'
		)!;
		updateMilestone(doc, milestone.id, { status: 'at-risk' });

		const tpm = await openAsTeammate(browser, 'maya');
		await tpm.goto(demo.link.replace('#', '/updates#'));
		await expect(tpm.getByText('since the kickoff baseline “Kickoff”')).toBeVisible();
		await tpm.getByRole('button', { name: 'Write an update' }).click();
		await expect
			.poll(() => factTexts(tpm))
			.toEqual([expect.stringMatching(/^Milestone “Security review” is at risk \(due .+\)$/)]);
		await tpm.getByRole('radio', { name: 'At risk' }).check();
		await tpm
			.getByRole('textbox', { name: 'Summary' })
			.fill('Security review needs a second week.');
		await tpm.getByRole('button', { name: 'Publish' }).click();
		const feed = tpm.getByRole('list', { name: 'Published updates, newest first' });
		await expect(feed.getByRole('article')).toHaveCount(1);

		const reader = await openInNewBrowser(
			browser,
			`/b/${keys.boardId}/updates#view=${keys.viewKey}`,
			'Sam'
		);
		const readerFeed = reader.getByRole('list', { name: 'Published updates, newest first' });
		await expect(readerFeed.getByRole('article')).toHaveCount(1);
		await expect(reader.getByRole('link', { name: 'Latest status: At risk' })).toBeVisible();
		await expect(reader.getByRole('button', { name: 'Write an update' })).toHaveCount(0);

		// A second editor, Tom, changes four things in his own browser.
		const risk = readList(doc, 'risks').items.find((entry) => entry.likelihood === 3)!;
		const action = readList(doc, 'actions').items.find((entry) => entry.status !== 'done')!;
		const moved = plus(milestone.due, 5);
		const tom = await openAsTeammate(browser, 'tom');
		await tom.goto(demo.link.replace('#', '/milestones#'));
		await moveMilestone(tom, milestone.title, moved);
		await openSection(tom, 'Risks');
		const likelihood = tom.getByRole('combobox', { name: `Likelihood of ${risk.title}` });
		await likelihood.selectOption('5');
		await openSection(tom, 'Decisions');
		await pickStatus(tom, 'Keep the old gateway warm', 'Decided');
		await openSection(tom, 'Actions');
		await pickStatus(tom, action.title, 'Done');
		// All four reached the server (the Node client reads what it relays).
		await expect
			.poll(() => [
				readList(doc, 'milestones').items.find((entry) => entry.id === milestone.id)?.due,
				readList(doc, 'risks').items.find((entry) => entry.id === risk.id)?.likelihood,
				readList(doc, 'decisions').items.find((entry) => entry.id === decision)?.status,
				readList(doc, 'actions').items.find((entry) => entry.id === action.id)?.status
			])
			.toEqual([moved, 5, 'decided', 'done']);

		await tpm.getByRole('button', { name: 'Write an update' }).click();
		await expect(tpm.getByText('since the update of')).toBeVisible();
		const expected = [
			/^Milestone “Security review” moved from .+ to .+ \(5 days later\)$/,
			new RegExp(
				`^Risk R-\\d+ “${risk.title}” re-scored from 3×${risk.impact} to 5×${risk.impact}$`
			),
			/^Decided: “Keep the old gateway warm”$/,
			new RegExp(`^Action “${action.title}” is done$`)
		];
		// Should the four changes still be on their way to this browser, Redraft facts takes them in.
		await expect(async () => {
			if ((await factTexts(tpm)).length !== expected.length)
				await tpm.getByRole('button', { name: 'Redraft facts' }).click();
			expect(await factTexts(tpm)).toEqual(expected.map((re) => expect.stringMatching(re)));
		}).toPass();
		const facts = await factTexts(tpm);

		for (const colorScheme of ['light', 'dark'] as const) {
			await tpm.emulateMedia({ colorScheme });
			expect(await seriousAxeViolations(tpm), colorScheme).toEqual([]);
		}
		await expect(draftFacts(tpm)).toBeVisible();
		await tpm.getByRole('radio', { name: 'Off track' }).check();
		await tpm.getByRole('button', { name: 'Publish' }).click();

		await expect(readerFeed.getByRole('article')).toHaveCount(2);
		await expect(readerFeed.getByRole('article').first()).toContainText(facts[1]!);
		await expect(reader.getByRole('link', { name: 'Latest status: Off track' })).toBeVisible();

		const [latest] = await publishedIds(doc);
		await expect.poll(async () => (await publishedIds(doc)).length).toBe(2);
		const html = await (await api(keys.boardId, `updates/${latest}.html`, keys.viewKey)).text();
		const markdown = await (await api(keys.boardId, `updates/${latest}.md`, keys.viewKey)).text();
		for (const fact of facts) {
			const escaped = fact.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
			expect(html).toContain(`${escaped}</li>`);
			expect(markdown).toContain(`- ${fact}`);
		}
		expect(html).toContain('Off track');

		await reader.goto(`/b/${keys.boardId}/print#view=${keys.viewKey}`);
		await expect(reader.getByRole('heading', { name: 'Status updates' })).toBeVisible();
		await expect(reader.getByRole('listitem').filter({ hasText: facts[0]! })).toBeVisible();
		demo.clients.close();
	});

	test('an update drafted and published offline reaches the others when back', async ({
		browser
	}) => {
		const { page: tpm, editLink, viewLink } = await createKickoffBoard(browser, 'Tess');
		const reader = await openInNewBrowser(browser, viewLink.replace('#', '/updates#'), 'Sam');
		await expect(reader.getByText('No update has been published yet.')).toBeVisible();
		await tpm.goto(editLink.replace('#', '/updates#'));
		await expect(tpm.getByText('No kickoff baseline is set')).toBeVisible();

		await tpm.context().setOffline(true);
		await tpm.getByRole('button', { name: 'Write an update' }).click();
		await tpm.getByRole('radio', { name: 'On track' }).check();
		await tpm.getByRole('textbox', { name: 'Summary' }).fill('Written on the train.');
		await tpm.getByRole('button', { name: 'Publish' }).click();
		await expect(tpm.getByRole('article').getByText('Written on the train.')).toBeVisible();
		await expect(reader.getByText('No update has been published yet.')).toBeVisible();

		await tpm.context().setOffline(false);
		await expect(reader.getByRole('article').getByText('Written on the train.')).toBeVisible();
		await expect(reader.getByRole('link', { name: 'Latest status: On track' })).toBeVisible();
	});
});
