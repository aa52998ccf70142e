import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNeeded } from '../../server/start/build-freshness.ts';
import { makeDataDir, removeDataDir } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let started: { npm: ChildProcess; dataDir: string } | null = null;

afterEach(() => {
	if (!started) return;
	if (started.npm.exitCode === null) started.npm.kill('SIGKILL');
	removeDataDir(started.dataDir);
	started = null;
});

function refused(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(true));
	});
}

describe('npm start', () => {
	it('reuses a fresh build, says where Charter runs, and stops gracefully when SIGTERM reaches the process npm start is', async () => {
		// `npm test` builds first, so the build is fresh here; run on its own after an edit, this
		// start builds first and says why.
		const reason = buildNeeded(ROOT);
		const dataDir = makeDataDir();
		const npm = spawn('npm', ['start'], {
			cwd: ROOT,
			env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		started = { npm, dataDir };
		let output = '';
		npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) =>
			npm.once('exit', (code) => resolve(code))
		);

		// The running line and the hint after it (a reader may get them in two chunks).
		await waitFor(
			() => /Charter is running at http:\/\/localhost:\d+\n.*HOST=0\.0\.0\.0/.test(output),
			'the running lines',
			120_000
		);
		const port = Number(/Charter is running at http:\/\/localhost:(\d+)/.exec(output)![1]);
		if (reason === null) expect(output).not.toContain('Building Charter');
		else expect(output).toContain(`Building Charter (${reason})`);
		expect(output).toContain('start it with HOST=0.0.0.0');
		// Nothing of the bundler's report reaches the person who started it.
		expect(output).not.toContain('npm run preview');
		expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

		npm.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(output).toContain('"msg":"stopped"');
		expect(await refused(port)).toBe(true);
	}, 180_000);
});
