import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A real Charter server process on a loopback port, for tests. */
export interface TestServer {
	readonly port: number;
	readonly httpUrl: string;
	/** The `serverUrl` a WebsocketProvider takes. */
	readonly syncUrl: string;
	readonly dataDir: string;
	/** The server's process id. */
	readonly pid: number;
	/** Everything the process printed to stdout and stderr so far. */
	output(): string;
	/** The exit code once the process has exited (null while it runs or when it was killed). */
	exitCode(): number | null;
	/** Stops the process with SIGTERM and waits for it to exit. */
	stop(): Promise<void>;
	/** Kills the process with SIGKILL (a crash) and waits for it to be gone. */
	kill(): Promise<void>;
}

/** Options of a test server: its data directory (kept across restarts) and extra env. */
export interface TestServerOptions {
	dataDir?: string;
	port?: number;
	env?: Record<string, string>;
	/** The checkout whose server runs (default: this one), for figures that compare two. */
	root?: string;
}

/** Makes a fresh temporary data directory; remove it with `removeDataDir`. */
export function makeDataDir(): string {
	return mkdtempSync(join(tmpdir(), 'charter-test-'));
}

/** Removes a data directory made by `makeDataDir`. */
export function removeDataDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/** Runs `server/main.ts` with the given env and resolves with its exit code and output. */
export function runServerToExit(
	env: Record<string, string>,
	timeoutMs = 15_000
): Promise<{ code: number | null; output: string }> {
	const child = spawnServer(env);
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`server did not exit within ${timeoutMs} ms:\n${output}`));
		}, timeoutMs);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

function spawnServer(env: Record<string, string>, root = ROOT): ChildProcess {
	return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
		cwd: root,
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

function testServer(
	child: ChildProcess,
	port: number,
	dataDir: string,
	output: () => string
): TestServer {
	return {
		port,
		pid: child.pid!,
		httpUrl: `http://127.0.0.1:${port}`,
		syncUrl: `ws://127.0.0.1:${port}/sync`,
		dataDir,
		output,
		exitCode: () => child.exitCode,
		async stop() {
			child.kill('SIGTERM');
			await exited(child);
		},
		async kill() {
			child.kill('SIGKILL');
			await exited(child);
		}
	};
}

/** Starts a server on 127.0.0.1 (a free port unless one is given) and waits until it listens. */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
	const dataDir = options.dataDir ?? makeDataDir();
	const child = spawnServer(
		{
			HOST: '127.0.0.1',
			PORT: String(options.port ?? 0),
			DATA_DIR: dataDir,
			LOG_LEVEL: 'info',
			ROOM_UNLOAD_DELAY_MS: '200',
			...options.env
		},
		options.root
	);
	let output = '';
	child.stderr?.on('data', (chunk) => (output += chunk));
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`server did not start within 20 s:\n${output}`));
		}, 20_000);
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk;
			const match = /"port":(\d+)[^\n]*Charter is listening/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} before listening:\n${output}`));
		});
	});
	return testServer(child, port, dataDir, () => output);
}

const GC_PRELOAD = fileURLToPath(new URL('./gc-on-signal.mjs', import.meta.url));

/** Env that lets `collectGarbage` force a full collection in the server (tests/helpers/gc-on-signal.mjs). */
export const GC_ENV = { NODE_OPTIONS: `--expose-gc --import=${GC_PRELOAD}` };

/** Forces a full garbage collection in a server started with GC_ENV, and waits until it is done. */
export async function collectGarbage(server: TestServer): Promise<void> {
	const before = server.output().split('charter-test: gc done').length;
	process.kill(server.pid, 'SIGUSR2');
	const deadline = Date.now() + 10_000;
	while (server.output().split('charter-test: gc done').length === before) {
		if (Date.now() > deadline) throw new Error('the server did not collect garbage');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createNetServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/** Starts `vite dev` (with Charter's sync plugin) on a free loopback port; resolves once it serves. */
export async function startDevServer(dataDir: string): Promise<TestServer> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[
			'node_modules/vite/bin/vite.js',
			'dev',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
			'--strictPort'
		],
		{
			cwd: ROOT,
			env: {
				PATH: process.env.PATH ?? '',
				HOME: process.env.HOME ?? '',
				DATA_DIR: dataDir,
				LOG_LEVEL: 'warn'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const httpUrl = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`vite dev exited early:\n${output}`);
		const ok = await fetch(`${httpUrl}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`vite dev did not serve within 30 s:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return testServer(child, port, dataDir, () => output);
}
