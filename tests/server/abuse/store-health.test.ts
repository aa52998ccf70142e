import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { FailingStore } from '../../helpers/failing-store.ts';
import { reportFigure } from '../../helpers/figures.ts';
import { startInProcessServer, type InProcessServer } from '../../helpers/in-process-server.ts';
import { metricValue } from '../../helpers/metrics.ts';
import {
	makeDataDir,
	removeDataDir,
	runServerToExit,
	startServer,
	type TestServer
} from '../../helpers/server.ts';
import { waitFor } from '../../helpers/wait.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function healthStatus(server: Pick<TestServer, 'httpUrl'>): Promise<number> {
	return (await fetch(`${server.httpUrl}/healthz`)).status;
}

/** Waits for /healthz to answer `status`, and returns how long that took. */
async function healthBecomes(server: Pick<TestServer, 'httpUrl'>, status: number): Promise<number> {
	const started = performance.now();
	await waitFor(async () => (await healthStatus(server)) === status, `/healthz ${status}`, 15_000);
	return performance.now() - started;
}

function run(command: string, ...args: string[]): void {
	execFileSync(command, args, { stdio: 'pipe' });
}

// Mounting a filesystem and setting the immutable flag need root: CI runs the tests as root.
const asRoot = process.getuid?.() === 0;
const rootOnly = asRoot ? describe : describe.skip;
if (!asRoot) console.warn('charter-test: store-health filesystem tests need root (mount, chattr)');

rootOnly('/healthz reflects whether the store can write', () => {
	it('answers 503 within seconds once the data directory’s filesystem is full, 200 once it has room', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'charter-full-'));
		cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
		run('mount', '-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dataDir);
		cleanups.push(() => run('umount', '-l', dataDir));
		const server = await startServer({ dataDir, env: { HEALTH_CHECK_MS: '250' } });
		cleanups.push(() => server.kill());
		expect(await healthStatus(server)).toBe(200);

		const filler = join(dataDir, 'filler');
		const fd = openSync(filler, 'w');
		const chunk = Buffer.alloc(256 * 1024, 1);
		try {
			for (let i = 0; i < 64; i++) writeSync(fd, chunk);
			throw new Error('an 8 MiB filesystem took 16 MiB');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
		} finally {
			closeSync(fd);
		}
		const toDown = await healthBecomes(server, 503);
		const body = await (await fetch(`${server.httpUrl}/healthz`)).json();
		expect(body).toMatchObject({ status: 'unavailable', dependencies: { store: { up: false } } });
		expect(await metricValue(server, 'charter_dependency_up', { dependency: 'store' })).toBe(0);

		rmSync(filler);
		const toUp = await healthBecomes(server, 200);
		reportFigure({
			name: 'health on a full disk',
			measured: `503 ${Math.round(toDown)} ms after the data directory filled up, 200 ${Math.round(toUp)} ms after room was made`,
			target: '503 within a few seconds',
			pass: toDown < 10_000
		});
	});

	it('answers 503 once the database files cannot be written, 200 once they can again', async () => {
		const server = await startServer({ env: { HEALTH_CHECK_MS: '250' } });
		cleanups.push(() => removeDataDir(server.dataDir));
		cleanups.push(() => server.kill());
		expect(await healthStatus(server)).toBe(200);
		// The database and its write-ahead log (not the shared-memory index, which SQLite maps
		// into memory: a refused write there is a SIGBUS, not an error).
		const files = ['charter.sqlite', 'charter.sqlite-wal']
			.map((name) => join(server.dataDir, name))
			.filter((file) => existsSync(file));
		// A filesystem cannot be remounted read-only under a running process's open files; the
		// immutable flag refuses every write through them, as a read-only filesystem does.
		run('chattr', '+i', ...files);
		cleanups.push(() => run('chattr', '-i', ...files));
		await healthBecomes(server, 503);
		run('chattr', '-i', ...files);
		await healthBecomes(server, 200);
	});
});

describe('/healthz reflects the latest append', () => {
	it('answers 503 after an append failed, though the write probe succeeds, until an append succeeds', async () => {
		const dataDir = makeDataDir();
		cleanups.push(() => removeDataDir(dataDir));
		const store = new FailingStore(new SqliteStore({ dataDir }));
		const server: InProcessServer = await startInProcessServer(store);
		cleanups.push(() => server.close());
		const keys = await generateBoardKeys();
		const client: TestClient = connectClient(server, keys.boardId, keys.editKey);
		cleanups.push(() => client.destroy());
		await client.synced();
		expect(await healthStatus(server)).toBe(200);

		store.failAppends(keys.boardId);
		client.doc.getMap('meta').set('title', 'Written while the disk fails');
		await waitFor(() => store.failedAppends > 0, 'an append to fail');
		expect(await healthStatus(server)).toBe(503);
		expect(await metricValue(server, 'charter_dependency_up', { dependency: 'store' })).toBe(0);

		// The client reconnects (1011) and sends its edit again: once that append works, health is back.
		store.heal();
		await healthBecomes(server, 200);
	});
});

describe('integrity check at start', () => {
	it('refuses a store with damaged pages with one line naming DATA_DIR', async () => {
		const server = await startServer();
		cleanups.push(() => removeDataDir(server.dataDir));
		const keys = await generateBoardKeys();
		const client = connectClient(server, keys.boardId, keys.editKey);
		await client.synced();
		for (let i = 0; i < 50; i++) client.doc.getArray('notes').push([`note ${i}`.repeat(40)]);
		await waitFor(
			async () =>
				(await metricValue(server, 'charter_messages_total', { type: 'sync_update' })) > 0,
			'the notes to reach the server'
		);
		client.destroy();
		await server.stop();

		// Every page after the first (the header and the schema) overwritten, as a bad disk would.
		const file = join(server.dataDir, 'charter.sqlite');
		const pages = statSync(file).size / 4096;
		expect(pages).toBeGreaterThan(2);
		const fd = openSync(file, 'r+');
		for (let page = 1; page < pages; page++)
			writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096);
		closeSync(fd);

		const { code, output } = await runServerToExit({
			HOST: '127.0.0.1',
			PORT: '0',
			DATA_DIR: server.dataDir
		});
		expect(code).toBe(1);
		const lines = output.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^charter: could not open the store in DATA_DIR=/);
		expect(lines[0]).toContain('quick_check');
	});
});
