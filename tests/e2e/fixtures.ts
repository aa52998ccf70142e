import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

/**
 * Playwright's `test`, plus one rule every end-to-end test needs: the browser contexts a test
 * opens (each person is a context, see helpers.ts) are closed when it ends. Playwright closes
 * only the contexts of its own `page` fixture; a context made with `browser.newContext()` lives
 * on with the worker's browser, and its pages keep their websockets, editors and timers. On a
 * 2-core machine a hundred such pages left behind by earlier tests made later tests time out.
 * ESLint (eslint.config.js) keeps test files importing `test` from here.
 */
export const test = base.extend<{ closeContextsAfterTest: void }>({
	closeContextsAfterTest: [
		async ({ browser }, use) => {
			const before = new Set(browser.contexts());
			await use();
			const opened = browser.contexts().filter((context) => !before.has(context));
			await Promise.all(opened.map((context) => context.close()));
		},
		{ auto: true }
	]
});
