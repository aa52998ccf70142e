import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the app's build is made from: a change to any of them calls for a new build. */
export const BUILD_SOURCES = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
] as const;

/** The file the build writes last that the server needs (server/http.ts serves through it). */
export const BUILD_OUTPUT = 'build/handler.js';

/** Why `npm start` builds first, or null when the build there is newer than every source. */
export function buildNeeded(root: string): string | null {
	const output = join(root, BUILD_OUTPUT);
	if (!existsSync(output)) return 'there is no build yet';
	const built = statSync(output).mtimeMs;
	for (const source of BUILD_SOURCES) {
		const changed = newerFile(join(root, source), built);
		if (changed) return `${changed.slice(root.length + 1)} changed since the last build`;
	}
	return null;
}

// The first file under `path` modified after `time`, or null.
function newerFile(path: string, time: number): string | null {
	if (!existsSync(path)) return null;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs > time ? path : null;
	for (const entry of readdirSync(path)) {
		const found = newerFile(join(path, entry), time);
		if (found) return found;
	}
	return null;
}
