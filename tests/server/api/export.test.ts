import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	SCHEMA_VERSION,
	addPerson,
	addRisk,
	initBoard,
	readCharterSection
} from '../../../src/lib/board/index.ts';
import { writeRichText } from '../../../src/lib/board/export/rich-text-write.ts';
import { generateBoardKeys, type BoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { waitFor } from '../../helpers/wait.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let keys: BoardKeys;
let client: TestClient;

function exportOf(
	path: 'export.md' | 'export.json',
	authorization?: string,
	boardId = keys.boardId
) {
	return fetch(`${server.httpUrl}/api/boards/${boardId}/${path}`, {
		headers: authorization ? { authorization } : {}
	});
}

beforeAll(async () => {
	server = await startServer({ env: { LOG_LEVEL: 'debug' } });
	keys = await generateBoardKeys();
	const doc = new Y.Doc();
	initBoard(doc, 'kickoff', { title: 'Export over HTTP' });
	const owner = addPerson(doc, { name: 'Ada Lovelace', role: 'Sponsor' });
	addRisk(doc, { title: 'Vendor slips', likelihood: 4, impact: 5, owner });
	doc.transact(() =>
		writeRichText(readCharterSection(doc, 'objectives')!, [
			{ type: 'paragraph', children: [{ text: 'Ship the ' }, { text: 'pilot', bold: true }] }
		])
	);
	client = connectClient(server, keys.boardId, keys.editKey, doc);
	await client.synced();
});

afterAll(async () => {
	client?.destroy();
	await server?.stop();
	removeDataDir(server.dataDir);
});

describe('GET /api/boards/<id>/export.md and export.json', () => {
	it('refuses a request without a key, with another board’s key or with a malformed header (401)', async () => {
		const other = await generateBoardKeys();
		for (const authorization of [
			undefined,
			`Bearer ${other.editKey}`,
			`Bearer ${other.viewKey}`,
			`Basic ${keys.editKey}`,
			`Bearer ${keys.editKey.slice(0, 20)}`
		]) {
			for (const path of ['export.md', 'export.json'] as const) {
				const response = await exportOf(path, authorization);
				expect(response.status, `${path} with ${authorization?.split(' ')[0]}`).toBe(401);
				expect(response.headers.get('www-authenticate')).toBe('Bearer');
				expect(await response.text()).not.toContain('Vendor slips');
			}
		}
	});

	it('answers the Markdown document to the view key and to the edit key', async () => {
		for (const key of [keys.viewKey, keys.editKey]) {
			const response = await exportOf('export.md', `Bearer ${key}`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
			expect(response.headers.get('content-disposition')).toBe(
				'attachment; filename="export-over-http.md"'
			);
			const markdown = await response.text();
			expect(markdown).toMatch(/^# Export over HTTP\n/);
			expect(markdown).toContain('### Objectives\n\nShip the **pilot**');
			expect(markdown).toContain(
				'| R-1 Vendor slips | 20 Critical | 4 × 5 | Ada Lovelace | Open |'
			);
		}
	});

	it('answers the JSON export, with its schema version, ids and rich text, to either key', async () => {
		const expectedRisk = [...client.doc.getMap('risks').keys()][0];
		for (const key of [keys.viewKey, keys.editKey]) {
			const response = await exportOf('export.json', `Bearer ${key}`);
			expect(response.status).toBe(200);
			const body = await response.json();
			expect(body).toMatchObject({ format: 'charter-board', schema: SCHEMA_VERSION });
			expect(body.board.title).toBe('Export over HTTP');
			expect(body.risks.map((risk: { id: string }) => risk.id)).toEqual([expectedRisk]);
			expect(body.charter.objectives).toEqual([
				{ type: 'paragraph', children: [{ text: 'Ship the ' }, { text: 'pilot', bold: true }] }
			]);
		}
	});

	it('exports what the store holds once the board is no longer loaded', async () => {
		client.provider.disconnect();
		await waitFor(
			async () => (await metricValue(server, 'charter_rooms_loaded')) === 0,
			'the board to unload'
		);
		const response = await exportOf('export.json', `Bearer ${keys.viewKey}`);
		expect(response.status).toBe(200);
		expect((await response.json()).risks[0].title).toBe('Vendor slips');
		client.provider.connect();
		await client.synced();
	});

	it('answers 404 for a valid key of a board the server never stored', async () => {
		const unknown = await generateBoardKeys();
		const response = await exportOf('export.md', `Bearer ${unknown.editKey}`, unknown.boardId);
		expect(response.status).toBe(404);
	});

	it('never writes a key into the server log', async () => {
		const log = server.output();
		expect(log).toContain('"level"');
		for (const key of [keys.editKey, keys.viewKey]) expect(log).not.toContain(key);
		expect(log).not.toContain(keys.editKey.slice(0, 20));
	});
});
