import { expect, test } from './fixtures.ts';
import * as Y from 'yjs';
import { boardRoots, readRisks } from '../../src/lib/board/index.ts';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient } from '../helpers/clients.ts';
import {
	exportedContent,
	schema1Fixture,
	storeBoardIn,
	valueHistory,
	withoutServerNumbers
} from '../helpers/schema1.ts';
import { serverExport } from './co-editing-helpers.ts';
import { exportFile } from './export-helpers.ts';
import { newPerson, openSection } from './helpers.ts';
import { riskTitles } from './risks-helpers.ts';

test('a board stored with schema 1 opens in two browsers at once, migrates once and exports the same text', async ({
	browser,
	baseURL
}) => {
	const { update, json } = schema1Fixture('schema1-kickoff');
	const keys = await generateBoardKeys();
	// Stored as a board written before plain text became Y.Text, in the server's own store.
	await storeBoardIn(process.env.CHARTER_E2E_DATA_DIR!, keys.boardId, update);
	const editLink = `${baseURL}/b/${keys.boardId}#edit=${keys.editKey}`;
	const [ada, grace] = await Promise.all([newPerson(browser, 'Ada'), newPerson(browser, 'Grace')]);
	await Promise.all([ada.goto(editLink), grace.goto(editLink)]);

	const riskNames = (json.risks as { title: string }[]).map((risk) => risk.title);
	for (const page of [ada, grace]) {
		await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue(
			'Payments platform migration'
		);
		await openSection(page, 'Risks');
		await expect.poll(() => riskTitles(page)).toEqual(riskNames);
	}

	// Migrated once: each text field was set by its creator, then by the one migration.
	const client = connectClient(
		{ syncUrl: `${baseURL!.replace(/^http/, 'ws')}/sync` },
		keys.boardId,
		keys.editKey
	);
	try {
		await client.synced();
		const { meta, risks } = boardRoots(client.doc);
		expect(meta.get('title')).toBeInstanceOf(Y.Text);
		expect(valueHistory(meta, 'title')).toBe(2);
		for (const risk of readRisks(client.doc).items)
			expect(valueHistory(risks.get(risk.id) as Y.Map<unknown>, 'title')).toBe(2);
	} finally {
		client.destroy();
	}

	// The server numbered the risks it loaded (R-1 …): apart from that, both exports are the file's.
	const content = exportedContent(json);
	expect(unnumbered(await serverExport(baseURL!, editLink))).toEqual(content);
	const { text } = await exportFile(ada, 'JSON (.json)');
	expect(unnumbered(JSON.parse(text) as object)).toEqual(content);
});

/** An export's content with the risks' numbers checked (1 to n, the mark n) and then taken out. */
function unnumbered(json: object): Record<string, unknown> {
	const { content, refs, riskSeq } = withoutServerNumbers(json);
	expect([...refs].sort()).toEqual(refs.map((_, index) => index + 1));
	expect(riskSeq).toBe(refs.length);
	return content;
}
