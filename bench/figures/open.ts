/**
 * What opening a board costs a user: a shared link in a fresh browser, a reload with the board
 * in IndexedDB, and the floor (the home page's first paint, a static page of the same app).
 */
import type { Browser } from '@playwright/test';
import type { BoardKeys } from '../../src/lib/sync/keys.ts';
import type { TestServer } from '../../tests/helpers/server.ts';
import { boardUrl } from './boards.ts';
import { boardShown, firstPaint, namedContext } from './browser.ts';

/** Every section a reload is measured on ("any section" of the table). */
export const RELOAD_SECTIONS = ['', 'charter', 'risks', 'raci', 'people', 'milestones', 'actions'];

/** A shared link opened in a browser that never saw the board: first paint and board shown. */
export async function freshOpen(
	browser: Browser,
	server: TestServer,
	keys: BoardKeys
): Promise<{ firstPaint: number; shown: number }> {
	const context = await namedContext(browser);
	const page = await context.newPage();
	await page.goto(boardUrl(server, keys));
	const shown = await boardShown(page);
	const painted = await firstPaint(page);
	await context.close();
	return { firstPaint: painted, shown };
}

/** Each section reloaded `times` in a browser that holds the board: ms to the board shown. */
export async function warmReloads(
	browser: Browser,
	server: TestServer,
	keys: BoardKeys,
	times: number
): Promise<number[]> {
	const context = await namedContext(browser);
	const page = await context.newPage();
	await page.goto(boardUrl(server, keys));
	await boardShown(page);
	const samples: number[] = [];
	for (const section of RELOAD_SECTIONS) {
		await page.goto(boardUrl(server, keys, section));
		await boardShown(page);
		for (let i = 0; i < times; i++) {
			await page.reload();
			samples.push(await boardShown(page));
		}
	}
	await context.close();
	return samples;
}

/** The home page's first paint in a fresh browser: the floor of every figure above. */
export async function homeFirstPaint(browser: Browser, server: TestServer): Promise<number> {
	const context = await namedContext(browser);
	const page = await context.newPage();
	await page.goto(`${server.httpUrl}/`);
	const painted = await firstPaint(page);
	await context.close();
	return painted;
}
