import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRisk, initBoard } from '../../../src/lib/board/index.ts';
import { emptyBasis } from '../../../src/lib/board/updates/basis.ts';
import { publishStatusUpdate, startStatusUpdate } from '../../../src/lib/board/updates/commands.ts';
import { generateBoardKeys, type BoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let keys: BoardKeys;
let client: TestClient;
let published: string;
let draft: string;

function updateOf(path: string, authorization?: string, boardId = keys.boardId) {
	return fetch(`${server.httpUrl}/api/boards/${boardId}/updates/${path}`, {
		headers: authorization ? { authorization } : {}
	});
}

beforeAll(async () => {
	server = await startServer();
	keys = await generateBoardKeys();
	const doc = new Y.Doc();
	initBoard(doc, 'kickoff', { title: 'Updates over HTTP' });
	addRisk(doc, { title: 'Vendor slips' });
	const facts = [
		{ kind: 'risk-rescored' as const, text: 'Risk “Vendor” re-scored from 2×3 to 4×3' }
	];
	const basis = emptyBasis('2026-03-01');
	published = startStatusUpdate(doc, { author: 'Tess', authorId: 'u', facts, basis });
	publishStatusUpdate(doc, published, { author: 'Tess <TPM>', authorId: 'u' });
	draft = startStatusUpdate(doc, {
		author: 'Tess',
		authorId: 'u',
		facts: [{ kind: 'person-joined', text: 'Secret draft line' }],
		basis
	});
	client = connectClient(server, keys.boardId, keys.editKey, doc);
	await client.synced();
});

afterAll(async () => {
	client?.destroy();
	await server?.stop();
	removeDataDir(server.dataDir);
});

describe('GET /api/boards/<id>/updates/<updateId>.md and .html', () => {
	it('answers a published update as Markdown to either key', async () => {
		for (const key of [keys.viewKey, keys.editKey]) {
			const response = await updateOf(`${published}.md`, `Bearer ${key}`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
			const markdown = await response.text();
			expect(markdown).toMatch(/^## Status update · /);
			expect(markdown).toContain('**On track** · by Tess \\<TPM\\> · Updates over HTTP');
			expect(markdown).toContain('- Risk “Vendor” re-scored from 2×3 to 4×3');
		}
	});

	it('answers it as an e-mail-ready HTML page, its text escaped and kept inert', async () => {
		const response = await updateOf(`${published}.html`, `Bearer ${keys.viewKey}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('content-security-policy')).toContain('sandbox');
		const html = await response.text();
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('by Tess &lt;TPM&gt;');
		expect(html).toContain('Risk “Vendor” re-scored from 2×3 to 4×3</li>');
		expect(html).not.toMatch(/<script/i);
	});

	it('refuses a request without a key or with another board’s key (401)', async () => {
		const other = await generateBoardKeys();
		for (const authorization of [undefined, `Bearer ${other.viewKey}`]) {
			const response = await updateOf(`${published}.md`, authorization);
			expect(response.status).toBe(401);
			expect(await response.text()).not.toContain('Vendor');
		}
	});

	it('answers 404 for a draft, an unknown update and a board never stored', async () => {
		for (const path of [`${draft}.md`, `${draft}.html`, `${'z'.repeat(16)}.md`, 'nope.html']) {
			const response = await updateOf(path, `Bearer ${keys.editKey}`);
			expect(response.status, path).toBe(404);
			expect(await response.text()).not.toContain('Secret draft line');
		}
		const unknown = await generateBoardKeys();
		const response = await updateOf(
			`${published}.md`,
			`Bearer ${unknown.editKey}`,
			unknown.boardId
		);
		expect(response.status).toBe(404);
	});

	it('answers 405 to anything but GET and HEAD', async () => {
		const response = await fetch(
			`${server.httpUrl}/api/boards/${keys.boardId}/updates/${published}.md`,
			{
				method: 'POST',
				headers: { authorization: `Bearer ${keys.editKey}` }
			}
		);
		expect(response.status).toBe(405);
	});
});
