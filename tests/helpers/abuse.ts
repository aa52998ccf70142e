import { readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import * as Y from 'yjs';
import type { BoardKeys } from '../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from './clients.ts';
import { startServer, type TestServer, type TestServerOptions } from './server.ts';
import { waitFor } from './wait.ts';

/** Where the honest clients of the abuse tests write: a list of their edits, in order. */
const HONEST_LOG = 'honestLog';

/** The edits honest writers made on one board, to check later that none was lost. */
export type HonestEdits = Map<string, string[]>;

/** Honest writers and readers on some boards, writing while an attack runs. */
export interface HonestTraffic {
	/** Stops writing; resolves once every reader holds every edit of its board. */
	stop(): Promise<HonestEdits>;
	/** Times an honest client's connection dropped so far (0 is the target). */
	disconnects(): number;
	/** True while every honest connection is open. */
	allConnected(): boolean;
	destroy(): void;
}

/**
 * On each board: a writer (edit key) that appends an edit every `intervalMs`, and a reader (view
 * key) that must receive every one of them, both stock y-websocket clients.
 */
export async function startHonestTraffic(
	server: Pick<TestServer, 'syncUrl'>,
	boards: readonly BoardKeys[],
	intervalMs = 50
): Promise<HonestTraffic> {
	const pairs = boards.map((keys) => ({
		keys,
		writer: connectClient(server, keys.boardId, keys.editKey),
		reader: connectClient(server, keys.boardId, keys.viewKey)
	}));
	const clients = pairs.flatMap(({ writer, reader }) => [writer, reader]);
	let disconnects = 0;
	for (const client of clients) {
		client.provider.on('status', ({ status }) => {
			if (status === 'disconnected') disconnects++;
		});
	}
	await Promise.all(clients.map((client) => client.synced()));
	let edit = 0;
	const timer = setInterval(() => {
		edit++;
		for (const { keys, writer } of pairs) {
			writer.doc.getArray<string>(HONEST_LOG).push([`${keys.boardId.slice(0, 6)}-${edit}`]);
		}
	}, intervalMs);
	return {
		async stop() {
			clearInterval(timer);
			const edits: HonestEdits = new Map();
			for (const { keys, writer, reader } of pairs) {
				const written = writer.doc.getArray<string>(HONEST_LOG).toArray();
				await waitFor(
					() => reader.doc.getArray<string>(HONEST_LOG).length === written.length,
					`the reader of ${keys.boardId} to receive all ${written.length} edits`,
					30_000
				);
				edits.set(keys.boardId, written);
			}
			return edits;
		},
		disconnects: () => disconnects,
		allConnected: () => clients.every((client) => client.provider.wsconnected),
		destroy() {
			clearInterval(timer);
			for (const client of clients) client.destroy();
		}
	};
}

/** Opens each board with a fresh client and returns the honest edits it holds. */
export async function readHonestEdits(
	server: Pick<TestServer, 'syncUrl'>,
	boards: readonly BoardKeys[]
): Promise<HonestEdits> {
	const edits: HonestEdits = new Map();
	for (const keys of boards) {
		const client: TestClient = connectClient(server, keys.boardId, keys.viewKey, new Y.Doc());
		try {
			await client.synced();
			edits.set(keys.boardId, client.doc.getArray<string>(HONEST_LOG).toArray());
		} finally {
			client.destroy();
		}
	}
	return edits;
}

/** Stops a server (SIGTERM, a clean shutdown) and starts it again on the same data. */
export async function restart(
	server: TestServer,
	options: TestServerOptions = {}
): Promise<TestServer> {
	await server.stop();
	return startServer({ ...options, dataDir: server.dataDir });
}

/** Resident memory of a process, sampled while something runs, in MiB. */
export interface RssSampler {
	/** RSS when sampling started. */
	readonly startMiB: number;
	/** Highest RSS seen so far. */
	peakMiB(): number;
	stop(): void;
}

/** Samples a process's resident memory (from /proc) every `intervalMs`. */
export function sampleRss(pid: number, intervalMs = 100): RssSampler {
	const read = () => {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	};
	const startMiB = read();
	let peak = startMiB;
	const timer = setInterval(() => {
		try {
			peak = Math.max(peak, read());
		} catch {
			// The process is gone: the test's own checks report it.
		}
	}, intervalMs);
	return { startMiB, peakMiB: () => peak, stop: () => clearInterval(timer) };
}

/**
 * Lowers this process's CPU priority, so that an attack run from it stands in for an attacker on
 * another machine: on 2 shared cores, an attacker at full priority measures its own contention
 * with the server as much as the server's. Processes started before (the server, the RTT probe)
 * keep theirs.
 */
export function attackFromLowerPriority(): void {
	try {
		setPriority(Math.max(getPriority(), 10));
	} catch {
		// Not allowed here: measure as is.
	}
}
