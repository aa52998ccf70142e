import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The client's layers, which src/lib/board (shared with the server) may not import. */
const CLIENT_LAYERS = ['sync', 'editor', 'components', 'versions'];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'data/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with types.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Charter's state comes from Yjs through createSubscriber; plain Maps and Sets here are
			// temporaries and caches, never state a template reads.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// End-to-end tests take `test` from tests/e2e/fixtures.ts, which closes the browser
		// contexts a test opened; Playwright's own `test` leaves them running for the next tests.
		files: ['tests/e2e/**/*.ts'],
		ignores: ['tests/e2e/fixtures.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							importNames: ['test'],
							message: "Import test from './fixtures.ts' (it closes the contexts a test opens)."
						}
					]
				}
			]
		}
	},
	// The layers (docs/architecture.md, "Layers"). The board layer is plain TypeScript that the
	// server, the tests and the benchmark import: it knows nothing of the client around it.
	{
		files: ['src/lib/board/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: CLIENT_LAYERS.flatMap((layer) => [`$lib/${layer}/*`, `**/${layer}/*`]),
							message:
								'src/lib/board is the layer the server shares: it may not import the client (sync, editor, components, versions).'
						},
						{
							group: ['**/server/*', '$app/*'],
							message: 'src/lib/board may not import the server or SvelteKit.'
						}
					]
				}
			]
		}
	},
	// The server imports the board layer and the wire's shared modules, never the client's UI.
	{
		files: ['server/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'**/src/lib/*/**',
								'!**/src/lib/board/**',
								'!**/src/lib/sync/keys.ts',
								'!**/src/lib/sync/wire.ts',
								'!**/src/lib/versions/schema.ts',
								'**/src/routes/**',
								'**/*.svelte',
								'**/*.svelte.ts'
							],
							message:
								'The server may import src/lib/board, and of the client only sync/keys.ts, sync/wire.ts and versions/schema.ts.'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
