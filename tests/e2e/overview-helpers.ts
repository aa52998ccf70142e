import type * as Y from 'yjs';
import {
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	boardRoots,
	setRaciCell
} from '../../src/lib/board/index.ts';
import { localDateString } from '../../src/lib/board/dates.ts';
import { writeRichText } from '../../src/lib/board/export/rich-text-write.ts';
import type { Locator, Page } from './fixtures.ts';

/** A date `days` from today on this computer's calendar, as the board stores it. */
export function dayFromToday(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	return localDateString(date);
}

/** The charter objective the seeded board leads with. */
export const OBJECTIVE = 'Move every card payment to the new provider by the end of Q3.';

/**
 * A kickoff in the middle of its plan, written as a peer would: a milestone done, one overdue,
 * the next in 12 days, one at risk; seven risks (one closed, two tied on 12); three RACI tasks of
 * which two fail a check; actions overdue, due this week, done and later.
 */
export function seedSponsorBoard(doc: Y.Doc): void {
	const ada = addPerson(doc, { name: 'Ada Lovelace' });
	const tom = addPerson(doc, { name: 'Tom Okafor' });
	doc.transact(() =>
		writeRichText(boardRoots(doc).charter.get('objectives') as Y.XmlText, [
			{ type: 'paragraph', children: [{ text: OBJECTIVE }] },
			{ type: 'paragraph', children: [{ text: 'Cut the cost per transaction by a third.' }] }
		])
	);
	addMilestone(doc, { title: 'Contract signed', due: dayFromToday(-20), status: 'done' });
	addMilestone(doc, { title: 'Sandbox integration', due: dayFromToday(-3), owner: tom });
	addMilestone(doc, { title: 'Security review', due: dayFromToday(12), owner: ada });
	addMilestone(doc, { title: 'Pilot with 10%', due: dayFromToday(30), status: 'at-risk' });
	addMilestone(doc, { title: 'Old gateway off', due: dayFromToday(75) });

	addRisk(doc, { title: 'Vendor slips', likelihood: 5, impact: 5, owner: ada });
	addRisk(doc, { title: 'Key engineer leaves', likelihood: 2, impact: 3, status: 'mitigating' });
	addRisk(doc, { title: 'Old audit finding', likelihood: 5, impact: 5, status: 'closed' });
	addRisk(doc, { title: 'Fraud rules differ', likelihood: 3, impact: 4, owner: tom });
	addRisk(doc, { title: 'Settlement totals differ', likelihood: 4, impact: 3 });
	addRisk(doc, { title: 'Support not trained', likelihood: 2, impact: 2 });
	addRisk(doc, { title: 'Logo out of date', likelihood: 1, impact: 1 });

	const fine = addRaciTask(doc, { title: 'Integrate checkout' });
	setRaciCell(doc, fine, ada, 'A');
	setRaciCell(doc, fine, tom, 'R');
	const noOwner = addRaciTask(doc, { title: 'Security sign-off' });
	setRaciCell(doc, noOwner, tom, 'R');
	addRaciTask(doc, { title: 'Customer communication' });

	addAction(doc, { title: 'Share the report template', owner: tom, due: dayFromToday(-1) });
	addAction(doc, { title: 'Send the minutes', owner: ada, due: dayFromToday(-10) });
	addAction(doc, { title: 'Sign the old contract', due: dayFromToday(-5), status: 'done' });
	addAction(doc, { title: 'Book the certification slot', due: dayFromToday(2) });
	addAction(doc, { title: 'Draft the support FAQ', due: dayFromToday(14) });
}

/** A named list on the overview ("Top risks by score", "Totals", …). */
export function overviewList(page: Page, name: string): Locator {
	return page.getByRole('region', { name: 'Overview' }).getByRole('list', { name, exact: true });
}

/** The texts of a named list's items, each with its spaces made single. */
export async function itemTexts(page: Page, name: string): Promise<string[]> {
	const texts = await overviewList(page, name).locator(':scope > li').allTextContents();
	return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The titles of a list whose items each hold one link. */
export function linkTexts(page: Page, name: string): Promise<string[]> {
	return overviewList(page, name).getByRole('link').allTextContents();
}

/** The labels drawn on the overview's milestone timeline, as written. */
export function timelineLabels(page: Page): Promise<string[]> {
	return page.getByTestId('overview-timeline').locator('.label').allTextContents();
}
