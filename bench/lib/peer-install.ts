/**
 * The peer servers the bench measures (Hocuspocus, y-websocket's reference server) are bench/'s
 * own dependencies (bench/package.json), so the app's `npm ci` never installs or builds them.
 * Everything else the bench imports (yjs, ws, tsx, …) comes from the app's install.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(new URL('..', import.meta.url));

/** Thrown when bench/'s own install failed; the message is one line naming what to run. */
export class PeerInstallError extends Error {
	override name = 'PeerInstallError';
}

/** The part of a package-lock.json (or npm's record of an install) read here. */
interface Lockfile {
	packages: Record<string, { version?: string; optional?: boolean }>;
}

function readLockfile(path: string): Lockfile | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Lockfile;
	} catch {
		return null;
	}
}

/**
 * Why bench/node_modules needs `npm ci`, or null when it holds every package of
 * bench/package-lock.json at its locked version. npm records what it installed in
 * node_modules/.package-lock.json; optional packages it skipped may be missing.
 */
export function peerInstallProblem(): string | null {
	const installed = readLockfile(join(BENCH, 'node_modules/.package-lock.json'));
	if (!installed) return 'bench/node_modules is missing';
	const locked = readLockfile(join(BENCH, 'package-lock.json'));
	if (!locked)
		throw new PeerInstallError('bench: bench/package-lock.json is missing or unreadable');
	for (const [path, entry] of Object.entries(locked.packages)) {
		if (path === '') continue;
		const found = installed.packages[path];
		if (found ? found.version !== entry.version : !entry.optional) {
			return `bench/node_modules does not match bench/package-lock.json (${path})`;
		}
	}
	return null;
}

/** Runs `npm ci --prefix bench` when bench/node_modules is missing or stale, saying so in one line. */
export function ensurePeersInstalled(say: (line: string) => void): void {
	const problem = peerInstallProblem();
	if (!problem) return;
	say(`${problem}: installing the peer servers (npm ci --prefix bench)`);
	const result = spawnSync('npm', ['ci', '--prefix', BENCH], { encoding: 'utf8' });
	if (result.status === 0) return;
	const reason =
		result.error?.message ??
		`${result.stderr}`
			.split('\n')
			.find((line) => line.startsWith('npm error') && !line.startsWith('npm error code')) ??
		`exit ${result.status}`;
	throw new PeerInstallError(
		`bench: \`npm ci --prefix bench\` failed (${reason.trim()}); run it in the repository to see why`
	);
}
