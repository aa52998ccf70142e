import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { charterSyncPlugin } from './server/vite-plugin.ts';

/** Server test files that measure latency or memory under attack, so run with nothing beside them. */
const MEASURED = [
	'tests/server/reliability/**/*.test.ts',
	'tests/server/abuse/*-flood.test.ts',
	'tests/server/abuse/pending-lock.test.ts',
	'tests/server/abuse/subdocuments.test.ts'
];

export default defineConfig({
	plugins: [sveltekit(), charterSyncPlugin()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				test: {
					name: 'server',
					include: ['tests/server/**/*.test.ts'],
					exclude: MEASURED,
					environment: 'node',
					// Two files at a time: most of a file's time is waiting on real processes (a
					// server starting, a socket closing, PostgreSQL), so two share the 2 cores
					// well. The measured files below run after these, one at a time.
					fileParallelism: true,
					maxWorkers: 2,
					sequence: { groupOrder: 1 },
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				test: {
					name: 'server-measured',
					include: MEASURED,
					environment: 'node',
					// These measure the healthy client's latency or the server's memory under an
					// attack: no other test file may run beside them (docs/testing.md).
					fileParallelism: false,
					sequence: { groupOrder: 2 },
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
