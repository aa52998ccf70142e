import adapter from '@sveltejs/adapter-node';

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
				return tsconfig;
			}
		}
	}
};

export default config;
