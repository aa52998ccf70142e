import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoardImport } from '../../../src/lib/board/export/board-import.ts';
import { generateBoardKeys, type BoardKeys } from '../../../src/lib/sync/keys.ts';
import { HIDDEN, KEPT, hostileBoardState } from '../../helpers/hostile-board.ts';
import { storeBoard } from '../../helpers/large-stored-board.ts';
import { makeDataDir, removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';
import { versionsApi } from '../../helpers/versions-api.ts';

describe('one write does not hide a board', () => {
	let server: TestServer;
	let keys: BoardKeys;
	beforeAll(async () => {
		keys = await generateBoardKeys();
		const dataDir = makeDataDir();
		// Stored as it is: a board written before updates were bounded, or by a client that was not.
		await storeBoard(dataDir, keys.boardId, hostileBoardState({ styled: true }));
		server = await startServer({ dataDir });
	});
	afterAll(async () => {
		await server.kill();
		removeDataDir(server.dataDir);
	});

	const exportOf = (format: 'md' | 'json') =>
		fetch(`${server.httpUrl}/api/boards/${keys.boardId}/export.${format}`, {
			headers: { authorization: `Bearer ${keys.viewKey}` }
		});

	it('exports Markdown with 200: a number as title, an unknown node and 20,000 levels hide only themselves', async () => {
		const response = await exportOf('md');
		expect(response.status).toBe(200);
		const markdown = await response.text();
		expect(markdown).toMatch(/^# Untitled board/m);
		for (const kept of Object.values(KEPT)) expect(markdown).toContain(kept);
		for (const hidden of Object.values(HIDDEN)) expect(markdown).not.toContain(hidden);
		expect(markdown).not.toContain('beacon.png');
		expect(response.headers.get('content-disposition')).toContain('untitled-board');
	});

	it('exports JSON with 200 that an import accepts back', async () => {
		const response = await exportOf('json');
		expect(response.status).toBe(200);
		const body = await response.text();
		expect(readBoardImport(body).ok).toBe(true);
		const exported = JSON.parse(body) as {
			board: { title: string };
			charter: Record<string, unknown[]>;
			risks: { title: string }[];
		};
		expect(exported.board.title).toBe('Untitled board');
		expect(exported.risks.map((risk) => risk.title)).toEqual([KEPT.risk]);
		expect(exported.charter.background).toEqual([
			{ type: 'paragraph', children: [{ text: KEPT.background }] }
		]);
		const text = JSON.stringify(exported);
		for (const hidden of Object.values(HIDDEN)) expect(text).not.toContain(hidden);
	});

	it('saves and serves versions of it', async () => {
		const api = versionsApi(server.httpUrl, keys.boardId);
		const saved = await api.save(keys.editKey, { label: 'Despite it all' });
		expect(saved.status).toBe(201);
		const { id } = (await saved.json()) as { id: string };
		expect((await api.load(keys.viewKey, id)).status).toBe(200);
	});
});
