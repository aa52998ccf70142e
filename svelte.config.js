import { existsSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';

/**
 * The benchmark's peer servers are bench/'s own dependencies (bench/package.json), which the app's
 * `npm ci` leaves out: the two files that import them are type-checked once bench/node_modules
 * holds them (`npm ci --prefix bench`, or any `npm run bench`). Nothing else imports them.
 */
const benchPeersInstalled = existsSync(
	new URL('./bench/node_modules/@hocuspocus', import.meta.url)
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our own code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// Absolute asset paths: the service worker serves one cached shell for every page,
		// so its script and style URLs must not depend on the page's path.
		paths: { relative: false },
		// Content-Security-Policy of every page, sent as a header with the hashes of SvelteKit's
		// inline bootstrap script: only the app's own scripts run. Styles allow inline ones:
		// Svelte's style attributes and Lexical's formatting set them. `connect-src 'self'`
		// covers the sync websocket on the same host (CSP 3). The server's own answers (API,
		// health) carry a stricter policy (server/http-hardening.ts).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// Kit's generated tsconfig covers src/ and tests/: the server and benchmark share its
			// settings so svelte-check type-checks them too.
			config(tsconfig) {
				tsconfig.include.push(
					'../server/**/*.ts',
					'../bench/**/*.ts',
					'../vite.config.ts',
					'../playwright.config.ts'
				);
				if (!benchPeersInstalled) tsconfig.exclude.push('../bench/peers/hocuspocus-*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
