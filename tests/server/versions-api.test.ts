import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBoardKeys, type BoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { removeDataDir, startServer, type TestServer } from '../helpers/server.ts';
import { versionsApi } from '../helpers/versions-api.ts';
import { waitFor } from '../helpers/wait.ts';

let server: TestServer;
let keys: BoardKeys;
let other: BoardKeys;
let writer: TestClient;
let witness: TestClient;
let api: ReturnType<typeof versionsApi>;

const titleOf = (doc: { getMap(name: string): { get(key: string): unknown } }) =>
	doc.getMap('meta').get('title');

beforeAll(async () => {
	server = await startServer();
	keys = await generateBoardKeys();
	other = await generateBoardKeys();
	writer = connectClient(server, keys.boardId, keys.editKey);
	await writer.synced();
	witness = connectClient(server, keys.boardId, keys.viewKey);
	await witness.synced();
	await retitle('Before');
	api = versionsApi(server.httpUrl, keys.boardId);
	// The first change of the day makes an automatic checkpoint; wait for it so it is not
	// made in the middle of a test.
	await waitFor(async () => (await api.versions(keys.viewKey)).length > 0, 'the first checkpoint');
});

/** Changes the title and waits until the room relayed it (so it has stored it). */
async function retitle(title: string): Promise<void> {
	writer.doc.getMap('meta').set('title', title);
	await waitFor(() => titleOf(witness.doc) === title, `the title ${title} to be relayed`);
}

afterAll(async () => {
	witness.destroy();
	writer.destroy();
	await server.stop();
	removeDataDir(server.dataDir);
});

describe('POST /api/boards/<id>/versions', () => {
	it('saves the board as it is now with an edit key and answers 201 with the version', async () => {
		const before = Date.now();
		const response = await api.save(keys.editKey, { label: '  Kickoff  ', createdBy: 'Ada' });
		expect(response.status).toBe(201);
		const version = await response.json();
		expect(version).toMatchObject({ label: 'Kickoff', kind: 'manual', createdBy: 'Ada' });
		expect(version.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
		expect(version.createdAt).toBeGreaterThanOrEqual(before);
		expect(version.createdAt).toBeLessThanOrEqual(Date.now());
		expect(version.bytes).toBeGreaterThan(0);
		expect((await api.versions(keys.editKey))[0]).toEqual(version);
	});

	it('holds every change the room relayed, even one relayed just before', async () => {
		await retitle('Just changed');
		const response = await api.save(keys.editKey, { label: 'Right after' });
		expect(response.status).toBe(201);
		const { id, createdBy } = await response.json();
		expect(createdBy).toBeNull();
		expect(titleOf(await api.doc(keys.viewKey, id))).toBe('Just changed');
	});

	it('refuses a view key with 403, and saves nothing', async () => {
		const count = (await api.versions(keys.editKey)).length;
		const response = await api.save(keys.viewKey, { label: 'Not allowed' });
		expect(response.status).toBe(403);
		expect((await response.json()).error).toBe('this needs the edit key of the board');
		expect(await api.versions(keys.editKey)).toHaveLength(count);
	});

	it.each([
		['no label', { createdBy: 'Ada' }, /^label: /],
		['an empty label', { label: '   ' }, /^label: must not be empty/],
		['a label of 101 characters', { label: 'x'.repeat(101) }, /^label: must be at most 100/],
		['a label that is not text', { label: 42 }, /^label: /],
		['a label with a control character', { label: 'a\u0007b' }, /^label: must not contain control/],
		['an unknown field', { label: 'ok', state: 'AAAA' }, /state/],
		['an empty createdBy', { label: 'ok', createdBy: '' }, /^createdBy: must not be empty/],
		['a body that is not an object', ['label'], /expected object/],
		['a body that is not JSON', '{label: "x"', /^the body is not valid JSON$/]
	])('answers 400 naming what is wrong for %s, and saves nothing', async (_, body, message) => {
		const count = (await api.versions(keys.editKey)).length;
		const response = await api.save(keys.editKey, body);
		expect(response.status).toBe(400);
		expect((await response.json()).error).toMatch(message);
		expect(await api.versions(keys.editKey)).toHaveLength(count);
	});

	it('answers 415 for a body that is not declared JSON and 413 for one over 4 KiB', async () => {
		const text = await api.save(keys.editKey, '{"label":"x"}', { 'content-type': 'text/plain' });
		expect(text.status).toBe(415);
		const large = await api.save(keys.editKey, { label: 'x', createdBy: 'y'.repeat(5000) });
		expect(large.status).toBe(413);
		expect((await large.json()).error).toBe('the body is larger than 4096 bytes');
	});

	it('answers 404 for a board that has nothing stored', async () => {
		const response = await versionsApi(server.httpUrl, other.boardId).save(other.editKey, {
			label: 'Nothing here'
		});
		expect(response.status).toBe(404);
		expect((await response.json()).error).toBe('this board has nothing stored yet');
	});
});

describe('GET /api/boards/<id>/versions', () => {
	it('lists with a view key, newest first, without any content', async () => {
		const versions = await api.versions(keys.viewKey);
		expect(versions.length).toBeGreaterThanOrEqual(3);
		const times = versions.map((version) => version.createdAt);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		for (const version of versions) {
			expect(Object.keys(version).sort()).toEqual(
				['bytes', 'createdAt', 'createdBy', 'id', 'kind', 'label'].sort()
			);
		}
	});

	it('answers an empty list for a board with no versions', async () => {
		const otherApi = versionsApi(server.httpUrl, other.boardId);
		expect(await otherApi.versions(other.viewKey)).toEqual([]);
	});
});

describe('GET /api/boards/<id>/versions/<vid>', () => {
	it('answers the state of the version as it was saved, whatever changed since', async () => {
		await retitle('Saved');
		const saved = await (await api.save(keys.editKey, { label: 'Saved title' })).json();
		await retitle('Changed after');
		const response = await api.load(keys.viewKey, saved.id);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/octet-stream');
		expect(Number(response.headers.get('content-length'))).toBe(saved.bytes);
		expect(titleOf(await api.doc(keys.editKey, saved.id))).toBe('Saved');
	});

	it('answers 404 for an unknown version, a malformed id and a version of another board', async () => {
		const [known] = await api.versions(keys.viewKey);
		for (const [boardApi, key, versionId] of [
			[api, keys.viewKey, 'A'.repeat(21)],
			[api, keys.viewKey, 'not-a-version'],
			[versionsApi(server.httpUrl, other.boardId), other.viewKey, known!.id]
		] as const) {
			const response = await boardApi.load(key, versionId);
			expect(response.status).toBe(404);
			expect((await response.json()).error).toBe('this board has no such version');
		}
	});
});

describe('keys', () => {
	it('answers 401 with WWW-Authenticate to no key, another board’s key and another scheme', async () => {
		const [known] = await api.versions(keys.viewKey);
		const attempts: Array<() => Promise<Response>> = [
			() => api.list(null),
			() => api.list(other.editKey),
			() =>
				fetch(`${server.httpUrl}/api/boards/${keys.boardId}/versions`, {
					headers: { authorization: `Basic ${keys.editKey}` }
				}),
			() => api.save(null, { label: 'x' }),
			() => api.save(other.editKey, { label: 'x' }),
			() => api.load(null, known!.id),
			() => api.load(other.viewKey, known!.id)
		];
		for (const attempt of attempts) {
			const response = await attempt();
			expect(response.status).toBe(401);
			expect(response.headers.get('www-authenticate')).toBe('Bearer');
			expect((await response.json()).error).toMatch(/a valid key of this board is required/);
		}
	});

	it('never writes a key into the log', async () => {
		await api.save(keys.editKey, { label: 'Logged?' });
		await api.list(keys.viewKey);
		expect(server.output()).not.toContain(keys.editKey);
		expect(server.output()).not.toContain(keys.viewKey);
		expect(server.output()).toContain('version saved');
	});

	it('answers 405 with Allow for other methods', async () => {
		const response = await fetch(`${server.httpUrl}/api/boards/${keys.boardId}/versions`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${keys.editKey}` }
		});
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, POST');
	});
});
