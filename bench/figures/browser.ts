/** Chromium pages for `npm run figures:board`: fresh profiles and the app's own marks. */
import type { Browser, BrowserContext, Page } from '@playwright/test';

/** A fresh browser profile whose user already has a name, so no dialog is in the way. */
export async function namedContext(browser: Browser, name = 'Figures'): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	await context.addInitScript(
		(profile) => localStorage.setItem('charter.profile', JSON.stringify(profile)),
		{ id: `figures-${name.toLowerCase()}`, name, color: '#2563eb' }
	);
	return context;
}

/** When (ms after navigation) a mark of the page was set, waiting up to a minute for it. */
export async function markTime(page: Page, mark: string): Promise<number> {
	await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
		timeout: 60_000
	});
	return page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
}

/** The board's content first painted (BoardShell sets the mark a task after the frame). */
export const boardShown = (page: Page) => markTime(page, 'charter:board-shown');

/** The browser's first contentful paint of the page. */
export const firstPaint = (page: Page) => markTime(page, 'first-contentful-paint');

/** Now, in ms since the epoch, comparable between pages of one machine. */
export function pageClock(): number {
	return performance.timeOrigin + performance.now();
}
