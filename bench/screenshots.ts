/**
 * npm run screenshots — the README's pictures: a demo kickoff board in Chromium, each section in
 * light and dark on a laptop, and light on a phone (390 px, touch), written to docs/screenshots/.
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { generateBoardKeys } from '../src/lib/sync/keys.ts';
import { subprotocols } from '../src/lib/sync/wire.ts';
import { CHROMIUM_LAUNCH } from '../tests/helpers/chromium.ts';
import { removeDataDir, startServer } from '../tests/helpers/server.ts';
import { buildDemoBoard } from './fixtures/demo-board.ts';
import { createRichTextWriter } from './fixtures/rich-text-writer.ts';

const OUT = 'docs/screenshots';
const SECTIONS = ['', 'charter', 'people', 'risks', 'raci', 'milestones', 'actions'];
/** Each picture's name ends with its variant: a laptop in light and dark, a phone in light. */
const VARIANTS = [
	{ name: 'light', colorScheme: 'light', viewport: { width: 1360, height: 900 }, phone: false },
	{ name: 'dark', colorScheme: 'dark', viewport: { width: 1360, height: 900 }, phone: false },
	{ name: 'phone', colorScheme: 'light', viewport: { width: 390, height: 844 }, phone: true }
] as const;

if (!existsSync('build/handler.js')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
const server = await startServer();
const keys = await generateBoardKeys();
const doc = buildDemoBoard(await createRichTextWriter());
const writer = new WebsocketProvider(server.syncUrl, keys.boardId, doc, {
	protocols: subprotocols(keys.editKey),
	WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
	disableBc: true
});
await new Promise<void>((resolve) => writer.once('sync', () => resolve()));
await new Promise((resolve) => setTimeout(resolve, 500));
writer.destroy();

const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
	for (const variant of VARIANTS) {
		const context = await browser.newContext({
			viewport: variant.viewport,
			colorScheme: variant.colorScheme,
			isMobile: variant.phone,
			hasTouch: variant.phone
		});
		await context.addInitScript(() =>
			localStorage.setItem(
				'charter.profile',
				JSON.stringify({ id: 'screenshot-user', name: 'Maya Chen', color: '#7c3aed' })
			)
		);
		const page = await context.newPage();
		for (const section of SECTIONS) {
			const path = section ? `/${section}` : '';
			await page.goto(`${server.httpUrl}/b/${keys.boardId}${path}#edit=${keys.editKey}`);
			await page.waitForFunction(
				() => performance.getEntriesByName('charter:board-shown').length > 0
			);
			await page.waitForTimeout(400);
			const file = `${OUT}/${section || 'overview'}-${variant.name}.png`;
			await page.screenshot({ path: file, fullPage: false });
			console.log(file);
		}
		await context.close();
	}
} finally {
	await browser.close();
	await server.kill();
	removeDataDir(server.dataDir);
}
