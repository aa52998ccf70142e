import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server.ts';
import { waitFor } from './wait.ts';

/**
 * Real PostgreSQL and Redis from Debian's packages, started on free loopback ports in temporary
 * directories for the tests that need them, and stopped afterwards.
 */

/** Where the service binaries are, or why they cannot be used. */
export type ServiceBinaries =
	{ ok: true; redisServer: string; postgresBin: string } | { ok: false; reason: string };

const POSTGRES_ROOT = '/usr/lib/postgresql';

function onPath(name: string): string | null {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		const candidate = join(dir, name);
		if (dir && existsSync(candidate)) return candidate;
	}
	return null;
}

// Debian installs each PostgreSQL major version under /usr/lib/postgresql/<version>/bin.
function postgresBinDir(): string | null {
	if (!existsSync(POSTGRES_ROOT)) return null;
	const versions = readdirSync(POSTGRES_ROOT)
		.filter((name) => /^\d+$/.test(name))
		.sort((a, b) => Number(b) - Number(a));
	for (const version of versions) {
		const bin = join(POSTGRES_ROOT, version, 'bin');
		if (['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(join(bin, tool)))) return bin;
	}
	return null;
}

/** Finds redis-server and PostgreSQL's initdb/pg_ctl/postgres. */
export function findServiceBinaries(): ServiceBinaries {
	const redisServer =
		onPath('redis-server') ??
		(existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null);
	const postgresBin = postgresBinDir();
	const missing = [
		redisServer ? null : 'redis-server (apt-get install redis-server)',
		postgresBin ? null : `PostgreSQL under ${POSTGRES_ROOT} (apt-get install postgresql)`
	].filter(Boolean);
	if (missing.length > 0) return { ok: false, reason: `missing ${missing.join(' and ')}` };
	return { ok: true, redisServer: redisServer!, postgresBin: postgresBin! };
}

/** Runs a command to its end; throws with its output when it fails. */
function run(command: string, args: string[]): void {
	const result = spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
	}
}

// PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user.
function asPostgres(tool: string, args: string[]): [string, string[]] {
	if (userInfo().uid !== 0) return [tool, args];
	return ['runuser', ['-u', 'postgres', '--', tool, ...args]];
}

/** A PostgreSQL server of the tests' own. */
export interface TestPostgres {
	readonly port: number;
	/** The URL of the server's `postgres` database. */
	readonly url: string;
	/** Creates a fresh, empty database and returns its URL. */
	createDatabase(): Promise<string>;
	/** Stops the server at once, as a crash would; its data stays. */
	kill(): Promise<void>;
	/** Starts it again on the same port and data. */
	start(): Promise<void>;
	/** Stops the server and removes its files. */
	stop(): Promise<void>;
}

/** Options of a test PostgreSQL. */
export interface TestPostgresOptions {
	/** Keep PostgreSQL's fsync on, for figures of durable writes (off by default: tests crash nodes, never PostgreSQL). */
	fsync?: boolean;
}

/** Initialises a cluster in a temporary directory and starts it on a free loopback port. */
export async function startPostgres(
	postgresBin: string,
	{ fsync = false }: TestPostgresOptions = {}
): Promise<TestPostgres> {
	const dir = mkdtempSync(join(tmpdir(), 'charter-pg-'));
	if (userInfo().uid === 0) chownSync(dir, postgresUid(), postgresGid());
	const dataDir = join(dir, 'data');
	run(
		...asPostgres(join(postgresBin, 'initdb'), [
			'-D',
			dataDir,
			'-U',
			'postgres',
			'-A',
			'trust',
			'-E',
			'UTF8',
			'--no-sync',
			'--no-instructions'
		])
	);
	const port = await freePort();
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync ? 'on' : 'off'} -c max_connections=200`;
	const pgCtl = join(postgresBin, 'pg_ctl');
	const start = () =>
		run(
			...asPostgres(pgCtl, ['-D', dataDir, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
		);
	const kill = () => run(...asPostgres(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']));
	start();
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	let databases = 0;
	return {
		port,
		url,
		async createDatabase() {
			const name = `charter_test_${++databases}`;
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			try {
				await client.query(`CREATE DATABASE ${name}`);
			} finally {
				await client.end();
			}
			return `postgres://postgres@127.0.0.1:${port}/${name}`;
		},
		async kill() {
			kill();
		},
		async start() {
			start();
		},
		async stop() {
			kill();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

function postgresUid(): number {
	return Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
}

function postgresGid(): number {
	return Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
}

/** A Redis server of the tests' own, which can be restarted on the same port. */
export interface TestRedis {
	readonly port: number;
	readonly url: string;
	/** The running server's process id (for CPU figures). */
	pid(): number;
	/** Kills the server (its streams are lost: it keeps nothing on disk). */
	kill(): Promise<void>;
	/** Starts it again on the same port, empty. */
	start(): Promise<void>;
	/** Stops it for good and removes its directory. */
	stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port with no persistence. */
export async function startRedis(redisServer: string): Promise<TestRedis> {
	const dir = mkdtempSync(join(tmpdir(), 'charter-redis-'));
	const port = await freePort();
	let child: ChildProcess | null = null;
	let output = '';
	const launch = async () => {
		const running = child as ChildProcess | null;
		if (running && running.exitCode === null && running.signalCode === null) return;
		output = '';
		child = spawn(
			redisServer,
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		const started = child;
		await waitFor(() => {
			if (started.exitCode !== null) throw new Error(`redis-server exited:\n${output}`);
			return output.includes('Ready to accept connections');
		}, `redis-server on port ${port}`);
	};
	const kill = async () => {
		const running = child as ChildProcess | null;
		child = null;
		if (!running || running.exitCode !== null || running.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			running.once('exit', () => resolve());
			running.kill('SIGKILL');
		});
	};
	await launch();
	return {
		port,
		url: `redis://127.0.0.1:${port}`,
		pid: () => (child as ChildProcess | null)?.pid ?? 0,
		kill,
		start: launch,
		async stop() {
			await kill();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
