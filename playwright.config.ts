import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH } from './tests/helpers/chromium.ts';

// tests/run.sh picks a free port; the fallback serves a direct `npx playwright test`.
const port = Number(process.env.CHARTER_E2E_PORT ?? 4317);
// Computed once by the runner; workers inherit it, so every process agrees on one directory.
process.env.CHARTER_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'charter-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: true,
	// One worker: each test drives two or three browsers, which fill both cores of the machine
	// CI runs on; a second worker made every test slower (a third of them used over half of a
	// 30 s timeout) for a run only a fifth shorter. CHARTER_E2E_WORKERS overrides it on a larger
	// machine. The timeout is at least twice the slowest test's time under `.ci/run-under-load`
	// (docs/testing.md), so a test that times out is stuck, not slow.
	workers: Number(process.env.CHARTER_E2E_WORKERS ?? 1),
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 15_000 },
	reporter: [
		['list'],
		// After the run: the tests that used the largest share of their timeout.
		['./tests/e2e/timing-reporter.ts'],
		...(process.env.CI ? [] : [['html', { open: 'never' }] as const])
	],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		// Debian's Chromium: Playwright never downloads a browser here.
		launchOptions: CHROMIUM_LAUNCH
	},
	webServer: {
		command: 'node --import tsx server/main.ts',
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			HOST: '127.0.0.1',
			PORT: String(port),
			DATA_DIR: process.env.CHARTER_E2E_DATA_DIR,
			LOG_LEVEL: 'warn'
		}
	}
});
