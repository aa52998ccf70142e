import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoardKeys } from '../../src/lib/sync/keys.ts';
import { subprotocols } from '../../src/lib/sync/wire.ts';
import { freePort } from '../../tests/helpers/server.ts';
import { findServiceBinaries, startPostgres, startRedis } from '../../tests/helpers/services.ts';
import { sleep, waitForPort } from './proc.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GC_PRELOAD = fileURLToPath(new URL('./gc-on-signal.mjs', import.meta.url));
const GC_DONE = 'bench: gc done';

/** What a server process holds after a full collection (process.memoryUsage, in bytes). */
export interface HeapReport {
	rss: number;
	heapTotal: number;
	heapUsed: number;
	external: number;
	arrayBuffers: number;
	/** Size of each V8 heap space. */
	spaces: Record<string, number>;
}

/** Which client library speaks to a server: y-websocket's provider, Hocuspocus's, or raw frames. */
export type ClientKind = 'y-websocket' | 'hocuspocus' | 'floor';

/**
 * The names the JSON report uses for servers; `charter-ref` is another checkout of Charter
 * (BENCH_CHARTER_REF), to measure a change against what it changes.
 */
export type ServerName =
	| 'charter'
	| 'charter-ref'
	| 'charter-2-nodes'
	| 'y-websocket'
	| 'hocuspocus'
	| 'hocuspocus-sqlite'
	| 'floor';

/** A started server: one or more processes, the URLs clients are spread over, and a way out. */
export interface StartedServer {
	/** Websocket base URLs; client i uses urls[i % urls.length]. */
	urls: string[];
	/** Every process that serves, whose CPU time and memory are the server's. */
	pids: number[];
	/** Forces a full garbage collection in every process; resolves with what each then holds. */
	collectGarbage(): Promise<HeapReport[]>;
	/** Stops every process and removes what it stored. */
	stop(): Promise<void>;
}

/**
 * One server the bench compares. A multi-node setup (say two Charter nodes sharing PostgreSQL
 * and Redis) is one more entry whose `start` returns several urls and pids.
 */
export interface ServerEntry {
	name: ServerName;
	clientKind: ClientKind;
	/** False for a server with no Yjs (the floor), which only takes part in fan-out. */
	speaksYjs: boolean;
	/** True when a board lives only while someone is connected, so cold open keeps a holder. */
	forgetsEmptyBoards: boolean;
	/** True for a setup measured in fan-out only (several nodes: the other scenarios are per node). */
	fanoutOnly?: boolean;
	/** Subprotocols a client offers for a board (Charter's capability key). */
	protocols(keys: BoardKeys): string[];
	start(): Promise<StartedServer>;
	/** Resolves once a board nobody is connected to has been stored and unloaded. */
	boardUnloaded(server: StartedServer): Promise<void>;
}

/** A server process started with the bench's garbage-collection hook preloaded. */
interface NodeProcess {
	child: ChildProcess;
	output(): string;
}

// BENCH_NODE_ARGS (say "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to every server process,
// for profiling a server under the bench's load.
const EXTRA_NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

function spawnNode(args: string[], env: Record<string, string>): NodeProcess {
	const child = spawn(process.execPath, [...EXTRA_NODE_ARGS, ...args], {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			NODE_ENV: 'production',
			NODE_OPTIONS: `--expose-gc --import=${GC_PRELOAD}`,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return { child, output: () => output };
}

async function collect(node: NodeProcess): Promise<HeapReport> {
	const before = node.output().split(GC_DONE).length;
	node.child.kill('SIGUSR2');
	const deadline = Date.now() + 10_000;
	while (node.output().split(GC_DONE).length === before) {
		if (Date.now() > deadline) throw new Error('a server did not collect garbage');
		await sleep(20);
	}
	const line = node.output().split(GC_DONE).at(-1)!.split('\n')[0]!;
	return JSON.parse(line) as HeapReport;
}

async function stopNode(node: NodeProcess): Promise<void> {
	const { child } = node;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
	await exited;
	clearTimeout(timer);
}

/** Starts one node process listening on a free loopback port and waits until it accepts. */
async function startNode(
	args: string[],
	env: Record<string, string>,
	path: string,
	cleanup: () => void = () => {}
): Promise<StartedServer> {
	const port = await freePort();
	const node = spawnNode(args, { HOST: '127.0.0.1', PORT: String(port), ...env });
	const early = new Promise<never>((_, reject) =>
		node.child.once('exit', (code) =>
			reject(new Error(`${args.join(' ')} exited with ${code}:\n${node.output()}`))
		)
	);
	early.catch(() => {});
	await Promise.race([waitForPort(port), early]);
	return {
		urls: [`ws://127.0.0.1:${port}${path}`],
		pids: [node.child.pid!],
		collectGarbage: async () => [await collect(node)],
		async stop() {
			await stopNode(node);
			cleanup();
		}
	};
}

function tempDir(): string {
	return mkdtempSync(join(tmpdir(), 'charter-bench-'));
}

const noProtocols = () => [];
const TSX = ['--import', 'tsx'];

/** Charter's server from the checkout at `root` with its SQLite store: durable before broadcast. */
function charterAt(name: ServerName, root: string): ServerEntry {
	return {
		name,
		clientKind: 'y-websocket',
		speaksYjs: true,
		forgetsEmptyBoards: false,
		protocols: (keys) => subprotocols(keys.editKey),
		async start() {
			const dataDir = tempDir();
			return startNode(
				[...TSX, join(root, 'server/main.ts')],
				{ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ROOM_UNLOAD_DELAY_MS: '300' },
				'/sync',
				() => rmSync(dataDir, { recursive: true, force: true })
			);
		},
		async boardUnloaded(server) {
			for (const url of server.urls) await charterUnloaded(url);
		}
	};
}

/** Charter's production server (`npm start`) with its SQLite store: durable before broadcast. */
export const charter: ServerEntry = charterAt('charter', ROOT);

async function charterUnloaded(url: string): Promise<void> {
	const base = url.replace('ws://', 'http://').replace(/\/sync$/, '');
	const deadline = Date.now() + 20_000;
	for (;;) {
		const text = await fetch(`${base}/metrics`).then((res) => res.text());
		if (/^charter_rooms_loaded 0$/m.test(text)) return;
		if (Date.now() > deadline) throw new Error('charter did not unload the board');
		await sleep(50);
	}
}

/**
 * Two Charter nodes sharing PostgreSQL and Redis (Debian's, started for the run on loopback),
 * clients alternating between them, so half of every board's traffic crosses Redis. Its CPU is
 * both nodes' and Redis's; PostgreSQL's backends come and go with the pool and are not counted.
 */
export const charterTwoNodes: ServerEntry = {
	name: 'charter-2-nodes',
	clientKind: 'y-websocket',
	speaksYjs: true,
	forgetsEmptyBoards: false,
	fanoutOnly: true,
	protocols: charter.protocols,
	async start() {
		const binaries = findServiceBinaries();
		if (!binaries.ok) throw new Error(`charter-2-nodes needs ${binaries.reason}`);
		const postgres = await startPostgres(binaries.postgresBin);
		const redis = await startRedis(binaries.redisServer);
		const env = {
			DATABASE_URL: await postgres.createDatabase(),
			REDIS_URL: redis.url,
			LOG_LEVEL: 'warn',
			ROOM_UNLOAD_DELAY_MS: '300'
		};
		const nodes = [
			await startNode([...TSX, 'server/main.ts'], env, '/sync'),
			await startNode([...TSX, 'server/main.ts'], env, '/sync')
		];
		return {
			urls: nodes.flatMap((node) => node.urls),
			pids: [...nodes.flatMap((node) => node.pids), redis.pid()],
			async collectGarbage() {
				const reports: HeapReport[] = [];
				for (const node of nodes) reports.push(...(await node.collectGarbage()));
				return reports;
			},
			async stop() {
				for (const node of nodes) await node.stop();
				await redis.stop();
				await postgres.stop();
			}
		};
	},
	boardUnloaded: (server) => charter.boardUnloaded(server)
};

/** The reference server: y-websocket 2.1.0's bin/server.cjs (bench/'s own install), boards in memory. */
export const yWebsocket: ServerEntry = {
	name: 'y-websocket',
	clientKind: 'y-websocket',
	speaksYjs: true,
	forgetsEmptyBoards: false,
	protocols: noProtocols,
	start: () => startNode(['bench/node_modules/y-websocket-server-ref/bin/server.cjs'], {}, ''),
	// It keeps every board in memory for as long as it runs.
	boardUnloaded: async () => {}
};

/** Hocuspocus 3.4.4 in memory. */
export const hocuspocus: ServerEntry = {
	name: 'hocuspocus',
	clientKind: 'hocuspocus',
	speaksYjs: true,
	forgetsEmptyBoards: true,
	protocols: noProtocols,
	start: () => startNode([...TSX, 'bench/peers/hocuspocus-server.ts'], {}, ''),
	boardUnloaded: async () => {}
};

/** Hocuspocus 3.4.4 with @hocuspocus/extension-sqlite: its durable variant. */
export const hocuspocusSqlite: ServerEntry = {
	name: 'hocuspocus-sqlite',
	clientKind: 'hocuspocus',
	speaksYjs: true,
	forgetsEmptyBoards: false,
	protocols: noProtocols,
	async start() {
		const dir = tempDir();
		return startNode(
			[...TSX, 'bench/peers/hocuspocus-server.ts'],
			{ HOCUSPOCUS_SQLITE: join(dir, 'hocuspocus.sqlite') },
			'',
			() => rmSync(dir, { recursive: true, force: true })
		);
	},
	// It stores a board as soon as its last connection leaves, then unloads it; give it time.
	boardUnloaded: () => sleep(1_500)
};

/** The floor: a raw ws relay with no Yjs and no storage. */
export const floor: ServerEntry = {
	name: 'floor',
	clientKind: 'floor',
	speaksYjs: false,
	forgetsEmptyBoards: true,
	protocols: noProtocols,
	start: () => startNode([...TSX, 'bench/peers/floor-relay.ts'], {}, ''),
	boardUnloaded: async () => {}
};

const reference = process.env.BENCH_CHARTER_REF;

/** Every server the bench compares, in the order of the table. */
export const SERVERS: readonly ServerEntry[] = [
	charter,
	charterTwoNodes,
	...(reference ? [charterAt('charter-ref', reference)] : []),
	yWebsocket,
	hocuspocus,
	hocuspocusSqlite,
	floor
];
