/**
 * npm run figures:board — how fast a large board shows in Chromium, and how fast a keystroke in a
 * rich-text field paints while 10 remote peers type into the same board (DESIGN.md §9 targets:
 * under 300 ms to show, p95 keystroke under 16 ms). Measured, never asserted: it prints figures.
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CHARTER_SECTIONS, boardRoots } from '../src/lib/board/index.ts';
import { generateBoardKeys, type BoardKeys } from '../src/lib/sync/keys.ts';
import { subprotocols } from '../src/lib/sync/wire.ts';
import { CHROMIUM_LAUNCH } from '../tests/helpers/chromium.ts';
import { removeDataDir, startServer, type TestServer } from '../tests/helpers/server.ts';
import { buildLargeBoard, LARGE_BOARD, seededRandom } from './fixtures/large-board.ts';
import { createRichTextWriter } from './fixtures/rich-text-writer.ts';

const SECTIONS = ['', 'charter', 'risks', 'raci'] as const;
const RUNS = 3;
const KEYSTROKES = 150;
const PEERS = 10;

function peer(server: TestServer, keys: BoardKeys, doc = new Y.Doc()): WebsocketProvider {
	return new WebsocketProvider(server.syncUrl, keys.boardId, doc, {
		protocols: subprotocols(keys.editKey),
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
}

function synced(provider: WebsocketProvider): Promise<void> {
	return new Promise((resolve) => {
		if (provider.synced) resolve();
		else provider.once('sync', () => resolve());
	});
}

async function storeLargeBoard(server: TestServer, keys: BoardKeys): Promise<number> {
	const doc = buildLargeBoard(LARGE_BOARD, await createRichTextWriter());
	const writer = peer(server, keys, doc);
	await synced(writer);
	// A second client proves the server holds the whole board before anyone measures.
	const check = peer(server, keys);
	const target = Y.encodeStateVector(doc).toString();
	const deadline = Date.now() + 60_000;
	while (Y.encodeStateVector(check.doc).toString() !== target) {
		if (Date.now() > deadline) throw new Error('the server did not receive the large board');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	writer.destroy();
	check.destroy();
	return Y.encodeStateAsUpdate(doc).byteLength;
}

/** A fresh browser profile whose user already has a name, so no dialog is in the way. */
async function namedContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	await context.addInitScript(() =>
		localStorage.setItem(
			'charter.profile',
			JSON.stringify({ id: 'figures-user', name: 'Figures', color: '#2563eb' })
		)
	);
	return context;
}

async function timeToShow(browser: Browser, url: string) {
	const context = await namedContext(browser);
	const page = await context.newPage();
	const shown = async () => {
		await page.waitForFunction(
			() => performance.getEntriesByName('charter:board-shown').length > 0,
			null,
			{
				timeout: 60_000
			}
		);
		return page.evaluate(() => performance.getEntriesByName('charter:board-shown')[0]!.startTime);
	};
	// Where a warm reload spends its time: the app's code, the IndexedDB copy, the first render.
	const phases = () =>
		page.evaluate(() => {
			const start = performance.getEntriesByName('charter:session-start')[0]?.startTime ?? NaN;
			const local = performance.getEntriesByName('charter:local-loaded')[0]?.startTime ?? NaN;
			return { sessionStart: start, localLoaded: local };
		});
	await page.goto(url);
	const cold = await shown();
	await page.reload();
	const warm = await shown();
	const { sessionStart, localLoaded } = await phases();
	await context.close();
	return { cold, warm, sessionStart, localLoaded };
}

function typingPeers(server: TestServer, keys: BoardKeys): { stop(): void; ready: Promise<void> } {
	const random = seededRandom(7);
	const providers = Array.from({ length: PEERS }, () => peer(server, keys));
	let timer: NodeJS.Timeout | undefined;
	const ready = Promise.all(providers.map(synced)).then(() => {
		timer = setInterval(() => {
			providers.forEach((provider, i) => {
				// Half the peers type in the field the user types in, half in other sections.
				const section = CHARTER_SECTIONS[i < PEERS / 2 ? 0 : 1 + (i % 6)]!;
				const field = boardRoots(provider.doc).charter.get(section) as Y.XmlText;
				const paragraphs = field.toDelta() as { insert: unknown }[];
				const paragraph = paragraphs[1 + (i % Math.max(1, paragraphs.length - 1))]?.insert;
				if (!(paragraph instanceof Y.XmlText)) return;
				const length = paragraph.length;
				// Index 0 holds the text node's properties; characters follow it.
				paragraph.insert(1 + Math.floor(random() * Math.max(1, length - 1)), 'x');
			});
		}, 100);
	});
	return {
		ready,
		stop() {
			clearInterval(timer);
			for (const provider of providers) provider.destroy();
		}
	};
}

async function keystrokeLatency(
	browser: Browser,
	url: string,
	server: TestServer,
	keys: BoardKeys
) {
	const context = await namedContext(browser);
	const page = await context.newPage();
	await page.goto(url);
	await page.waitForFunction(() => performance.getEntriesByName('charter:board-shown').length > 0);
	const peers = typingPeers(server, keys);
	await peers.ready;
	const field = page.locator('[contenteditable="true"]').first();
	await field.click();
	await page.keyboard.press('End');
	await page.evaluate(() => {
		const samples: number[] = [];
		(window as unknown as { __keystrokes: number[] }).__keystrokes = samples;
		document.addEventListener(
			'keydown',
			(event) => {
				const start = event.timeStamp;
				// The frame that shows the keystroke has painted once a task after its rAF runs.
				requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start)));
			},
			true
		);
	});
	for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type('k', { delay: 40 });
	await page.waitForTimeout(200);
	const samples = await page.evaluate(
		() => (window as unknown as { __keystrokes: number[] }).__keystrokes
	);
	peers.stop();
	await context.close();
	return samples.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (values: number[]) =>
	percentile(
		[...values].sort((a, b) => a - b),
		50
	);

async function main(): Promise<void> {
	if (!existsSync('build/handler.js')) {
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	const server = await startServer();
	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	try {
		const keys = await generateBoardKeys();
		const bytes = await storeLargeBoard(server, keys);
		const rows: string[][] = [];
		const figures: Record<string, unknown> = { board: { ...LARGE_BOARD, bytes } };
		for (const section of SECTIONS) {
			const url = `${server.httpUrl}/b/${keys.boardId}${section ? `/${section}` : ''}#edit=${keys.editKey}`;
			const runs = [];
			for (let i = 0; i < RUNS; i++) runs.push(await timeToShow(browser, url));
			const cold = median(runs.map((run) => run.cold));
			const warm = median(runs.map((run) => run.warm));
			const start = median(runs.map((run) => run.sessionStart));
			const local = median(runs.map((run) => run.localLoaded));
			figures[`show_${section || 'overview'}`] = {
				cold_ms: cold,
				warm_ms: warm,
				warm_app_loaded_ms: start,
				warm_indexeddb_applied_ms: local
			};
			rows.push([
				`show ${section || 'overview'}`,
				`${cold.toFixed(0)} ms`,
				`${warm.toFixed(0)} ms (app loaded ${start.toFixed(0)}, IndexedDB applied ${local.toFixed(0)})`
			]);
		}
		const url = `${server.httpUrl}/b/${keys.boardId}/charter#edit=${keys.editKey}`;
		const samples = await keystrokeLatency(browser, url, server, keys);
		figures.keystroke = {
			samples: samples.length,
			p50_ms: percentile(samples, 50),
			p95_ms: percentile(samples, 95),
			p99_ms: percentile(samples, 99)
		};
		if (process.argv.includes('--json')) {
			console.log(JSON.stringify(figures, null, 2));
			return;
		}
		console.log(
			`Large board: ${LARGE_BOARD.risks} risks, ${LARGE_BOARD.tasks} × ${LARGE_BOARD.people} RACI, ` +
				`${LARGE_BOARD.richTextFields} rich-text fields, ${(bytes / 1024).toFixed(0)} KiB; medians of ${RUNS}`
		);
		console.log('figure                    fresh browser   reload (IndexedDB warm)');
		for (const [name, cold, warm] of rows)
			console.log(`${name!.padEnd(26)}${cold!.padEnd(16)}${warm}`);
		console.log(
			`keystroke to paint, ${PEERS} peers typing: p50 ${percentile(samples, 50).toFixed(1)} ms, ` +
				`p95 ${percentile(samples, 95).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms ` +
				`(${samples.length} keystrokes)`
		);
	} finally {
		await browser.close();
		await server.kill();
		removeDataDir(server.dataDir);
	}
}

await main();
