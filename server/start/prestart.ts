// `npm start` runs this first: it builds the app only when the build is missing or older than
// its sources, and says so in one line; a second start reuses the build and serves in seconds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildNeeded } from './build-freshness.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const reason = buildNeeded(root);
if (reason !== null) {
	const started = Date.now();
	console.log(`Building Charter (${reason})…`);
	// The bundler's report is for developers (`npm run build`); it is shown only when it fails.
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (build.status !== 0) {
		process.stderr.write(build.stdout + build.stderr);
		console.error('charter: the build failed (above); run `npm run build` to see it again.');
		process.exit(1);
	}
	console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
