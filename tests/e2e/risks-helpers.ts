import { expect, type Locator, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { connectClient } from '../helpers/clients.ts';
import { waitFor } from '../helpers/wait.ts';

/**
 * Writes into a board as a third, non-browser participant (a stock y-websocket client with the
 * edit key), so a test can start from a board that already has people and risks without
 * driving other sections' UI. Returns what `write` returned once the server has the update.
 */
export async function writeAsPeer<T>(
	baseURL: string,
	editLink: string,
	write: (doc: Y.Doc) => T
): Promise<T> {
	const link = new URL(editLink);
	const boardId = link.pathname.split('/').pop() ?? '';
	const key = new URLSearchParams(link.hash.slice(1)).get('edit') ?? '';
	const syncUrl = `${new URL(baseURL).origin.replace(/^http/, 'ws')}/sync`;
	const writer = connectClient({ syncUrl }, boardId, key);
	const witness = connectClient({ syncUrl }, boardId, key);
	try {
		await writer.synced();
		const result = write(writer.doc);
		// Done when a second client has received every write: the server stored it by then.
		const { clientID } = writer.doc;
		const clock = Y.getState(writer.doc.store, clientID);
		await witness.synced();
		await waitFor(() => Y.getState(witness.doc.store, clientID) >= clock, 'the writes to arrive');
		return result;
	} finally {
		writer.destroy();
		witness.destroy();
	}
}

/** The risk register table. */
export function register(page: Page): Locator {
	return page.getByRole('table', { name: 'Risk register' });
}

/** The risk heat map table. */
export function heatMap(page: Page): Locator {
	return page.getByRole('table', { name: /^Risk heat map/ });
}

/** The heat-map cell button at likelihood × impact, whatever its count. */
export function heatCell(page: Page, likelihood: number, impact: number): Locator {
	return heatMap(page).getByRole('button', {
		name: new RegExp(`^Likelihood ${likelihood}, impact ${impact}: `)
	});
}

/** The register row of the risk whose controls are named after `title`. */
export function riskRow(page: Page, title: string): Locator {
	return register(page)
		.getByRole('row')
		.filter({ has: page.getByRole('combobox', { name: `Likelihood of ${title}`, exact: true }) });
}

/** The titles in the register, top to bottom. */
export async function riskTitles(page: Page): Promise<string[]> {
	return register(page)
		.getByRole('textbox', { name: 'Risk title' })
		.evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
}

/** Adds a risk through the "New risk" field and waits for its row. */
export async function addRiskByForm(page: Page, title: string): Promise<void> {
	await page.getByLabel('New risk').fill(title);
	await page.getByRole('button', { name: 'Add risk' }).click();
	await expect(riskRow(page, title)).toHaveCount(1);
}
