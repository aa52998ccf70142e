/**
 * Typing while others type: a keystroke to its own paint in the charter with remote peers typing
 * into the same board, and one person's keystroke to another person's screen.
 */
import type { Browser, Page } from '@playwright/test';
import * as Y from 'yjs';
import { CHARTER_SECTIONS, boardRoots } from '../../src/lib/board/index.ts';
import type { BoardKeys } from '../../src/lib/sync/keys.ts';
import type { TestServer } from '../../tests/helpers/server.ts';
import { seededRandom } from '../fixtures/large-board.ts';
import { boardUrl, peer, synced } from './boards.ts';
import { boardShown, namedContext } from './browser.ts';

const TYPING_DELAY_MS = 40;

/**
 * Stock clients typing into the charter, one character each per `everyMs`: the first
 * `sameField` into the field the user types in (Background), the rest into other sections.
 */
function typingPeers(server: TestServer, keys: BoardKeys, count: number, sameField: number) {
	const random = seededRandom(7);
	const providers = Array.from({ length: count }, () => peer(server, keys));
	let timer: NodeJS.Timeout | undefined;
	const ready = Promise.all(providers.map(synced)).then(() => {
		timer = setInterval(() => {
			providers.forEach((provider, i) => {
				const section = CHARTER_SECTIONS[i < sameField ? 0 : 1 + (i % 6)]!;
				const field = boardRoots(provider.doc).charter.get(section) as Y.XmlText;
				const paragraphs = field.toDelta() as { insert: unknown }[];
				const paragraph = paragraphs[1 + (i % Math.max(1, paragraphs.length - 1))]?.insert;
				if (!(paragraph instanceof Y.XmlText)) return;
				// Index 0 holds the text node's properties; characters follow it.
				paragraph.insert(1 + Math.floor(random() * Math.max(1, paragraph.length - 1)), 'x');
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

async function openCharter(browser: Browser, server: TestServer, keys: BoardKeys, name: string) {
	const named = await namedContext(browser, name);
	const page = await named.newPage();
	await page.goto(boardUrl(server, keys, 'charter'));
	await boardShown(page);
	return page;
}

/** Puts the caret at the end of the charter's first field (Background). */
async function focusBackground(page: Page): Promise<void> {
	await page.locator('[contenteditable="true"]').first().click();
	await page.keyboard.press('Control+End');
}

/** Keystroke to its own painted frame, `keystrokes` times, with 10 peers typing. */
export async function ownPaint(
	browser: Browser,
	server: TestServer,
	keys: BoardKeys,
	keystrokes: number
): Promise<number[]> {
	const page = await openCharter(browser, server, keys, 'Typist');
	const peers = typingPeers(server, keys, 10, 5);
	await peers.ready;
	await focusBackground(page);
	await page.evaluate(() => {
		const samples: number[] = [];
		(window as unknown as { __samples: number[] }).__samples = samples;
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
	for (let i = 0; i < keystrokes; i++) await page.keyboard.type('k', { delay: TYPING_DELAY_MS });
	await page.waitForTimeout(200);
	const samples = await page.evaluate(
		() => (window as unknown as { __samples: number[] }).__samples
	);
	peers.stop();
	await page.context().close();
	return samples;
}

/**
 * A's keystroke to B's DOM: A types `keystrokes` times into Background while B types into
 * Objectives and a third person (a stock client) types into Background too. B counts A's
 * letter in Background as each arrives; clocks are comparable (one machine, epoch ms).
 */
export async function remoteDom(
	browser: Browser,
	server: TestServer,
	keys: BoardKeys,
	keystrokes: number
): Promise<number[]> {
	const a = await openCharter(browser, server, keys, 'Ada');
	const b = await openCharter(browser, server, keys, 'Ben');
	const third = typingPeers(server, keys, 1, 1);
	await third.ready;
	// No named functions inside: tsx would wrap them in a helper the page does not have.
	await b.evaluate(() => {
		const field = document.querySelectorAll('[contenteditable="true"]')[0]!;
		const arrivals: number[] = [];
		let seen = (field.textContent ?? '').split('k').length - 1;
		new MutationObserver(() => {
			const now = (field.textContent ?? '').split('k').length - 1;
			for (; seen < now; seen++) arrivals.push(performance.timeOrigin + performance.now());
		}).observe(field, { childList: true, subtree: true, characterData: true });
		(window as unknown as { __arrivals: number[] }).__arrivals = arrivals;
	});
	await a.evaluate(() => {
		const sent: number[] = [];
		document.addEventListener(
			'keydown',
			(event) => {
				if (event.key === 'k') sent.push(performance.timeOrigin + event.timeStamp);
			},
			true
		);
		(window as unknown as { __sent: number[] }).__sent = sent;
	});
	await focusBackground(a);
	await b.locator('[contenteditable="true"]').nth(1).click();
	await b.keyboard.press('Control+End');
	let typing = true;
	const bTypes = (async () => {
		while (typing) await b.keyboard.type('b', { delay: 150 });
	})();
	for (let i = 0; i < keystrokes; i++) await a.keyboard.type('k', { delay: TYPING_DELAY_MS });
	await b
		.waitForFunction(
			(n) => (window as unknown as { __arrivals: number[] }).__arrivals.length >= n,
			keystrokes,
			{ timeout: 10_000 }
		)
		.catch(() => {});
	typing = false;
	await bTypes;
	const sent = await a.evaluate(() => (window as unknown as { __sent: number[] }).__sent);
	const arrived = await b.evaluate(
		() => (window as unknown as { __arrivals: number[] }).__arrivals
	);
	third.stop();
	await a.context().close();
	await b.context().close();
	if (arrived.length < sent.length) {
		throw new Error(`B saw ${arrived.length} of A's ${sent.length} keystrokes within 10 s`);
	}
	return sent.map((at, i) => arrived[i]! - at);
}
