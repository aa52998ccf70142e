/**
 * npm run figures:board [-- --json] [-- --quick] — what a user feels, in Debian's Chromium:
 * opening a shared link, reloading a board, typing while others type (issue 20's table), beside
 * the floor, the home page's first paint in the same run. Measured, never asserted.
 *
 * FIGURES_CHARTER_REF=<checkout> measures another checkout (built, with its node_modules) in the
 * same run, row by row after this one: a change beside what it changes.
 */
import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { BoardKeys } from '../src/lib/sync/keys.ts';
import { CHROMIUM_LAUNCH } from '../tests/helpers/chromium.ts';
import { removeDataDir, startServer, type TestServer } from '../tests/helpers/server.ts';
import { percentile } from './lib/stats.ts';
import {
	generateBoard,
	LARGE_BOARD,
	MEDIUM_BOARD,
	SMALL_BOARD,
	storeBoard,
	type GeneratedBoard
} from './figures/boards.ts';
import { freshOpen, homeFirstPaint, RELOAD_SECTIONS, warmReloads } from './figures/open.ts';
import { ownPaint, remoteDom } from './figures/typing.ts';

// Each stock client the figures start listens for the process's exit.
process.setMaxListeners(64);

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const SAMPLES = {
	opens: quick ? 3 : 7,
	reloadsPerSection: quick ? 1 : 2,
	keystrokes: quick ? 60 : 150,
	remoteKeystrokes: quick ? 40 : 100
};

/** One row of the table: a figure's median and 95th percentile over its samples. */
interface Row {
	name: string;
	checkout: string;
	p50: number;
	p95: number;
	unit: 'ms';
	samples: number;
	/** The goal of issue 20, on p50 or p95, and whether this run meets it. */
	goal?: { stat: 'p50' | 'p95'; below: number; met: boolean };
}

/** A checkout's server with the boards stored on it. */
interface Subject {
	checkout: string;
	server: TestServer;
	boards: { small: BoardKeys; medium: BoardKeys; large: BoardKeys };
}

function row(
	name: string,
	checkout: string,
	samples: number[],
	goal?: { stat: 'p50' | 'p95'; below: number }
): Row {
	const sorted = [...samples].sort((a, b) => a - b);
	const p50 = round(percentile(sorted, 0.5));
	const p95 = round(percentile(sorted, 0.95));
	const met = goal ? (goal.stat === 'p50' ? p50 : p95) < goal.below : undefined;
	return {
		name,
		checkout,
		p50,
		p95,
		unit: 'ms',
		samples: samples.length,
		...(goal && { goal: { ...goal, met: met! } })
	};
}

const round = (value: number) => Math.round(value * 10) / 10;

async function subject(
	checkout: string,
	root: string | undefined,
	boards: Record<'small' | 'medium' | 'large', GeneratedBoard>
): Promise<Subject> {
	const server = await startServer({ root });
	return {
		checkout,
		server,
		boards: {
			small: await storeBoard(server, boards.small),
			medium: await storeBoard(server, boards.medium),
			large: await storeBoard(server, boards.large)
		}
	};
}

async function repeat<T>(times: number, measure: () => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	for (let i = 0; i < times; i++) results.push(await measure());
	return results;
}

/** Every row of the table for one checkout, in the table's order. */
async function* measure(browser: Browser, { checkout, server, boards }: Subject) {
	const floor = await repeat(SAMPLES.opens, () => homeFirstPaint(browser, server));
	yield row('floor: home page first paint, fresh browser', checkout, floor);
	const small = await repeat(SAMPLES.opens, () => freshOpen(browser, server, boards.small));
	yield row(
		'open a shared link, fresh browser, 10-risk board: first paint',
		checkout,
		small.map((open) => open.firstPaint),
		{ stat: 'p50', below: 200 }
	);
	yield row(
		'open a shared link, fresh browser, 10-risk board: board shown',
		checkout,
		small.map((open) => open.shown),
		{ stat: 'p50', below: 800 }
	);
	const medium = await repeat(SAMPLES.opens, () => freshOpen(browser, server, boards.medium));
	yield row(
		'open a shared link, fresh browser, 200-risk board + 110 KB charter',
		checkout,
		medium.map((open) => open.shown),
		{ stat: 'p50', below: 1000 }
	);
	const sections = RELOAD_SECTIONS.length;
	yield row(
		`reload (IndexedDB warm), 10-risk board, ${sections} sections`,
		checkout,
		await warmReloads(browser, server, boards.small, SAMPLES.reloadsPerSection),
		{ stat: 'p95', below: 300 }
	);
	yield row(
		`reload (IndexedDB warm), 1,000-risk board, ${sections} sections`,
		checkout,
		await warmReloads(browser, server, boards.large, SAMPLES.reloadsPerSection),
		{ stat: 'p95', below: 300 }
	);
	yield row(
		'keystroke to own paint, charter, 10 peers typing',
		checkout,
		await ownPaint(browser, server, boards.small, SAMPLES.keystrokes),
		{ stat: 'p95', below: 16 }
	);
	yield row(
		"A's keystroke to B's DOM, 3 people typing",
		checkout,
		await remoteDom(browser, server, boards.small, SAMPLES.remoteKeystrokes),
		{ stat: 'p95', below: 30 }
	);
}

function printRow(r: Row): void {
	const goal = r.goal ? `${r.goal.stat} < ${r.goal.below} ${r.goal.met ? 'met' : 'missed'}` : '';
	const figures = `p50 ${r.p50.toFixed(1)}  p95 ${r.p95.toFixed(1)} ms (${r.samples})`;
	console.log(`${r.checkout.padEnd(5)} ${r.name.padEnd(68)} ${figures.padEnd(32)} ${goal}`);
}

async function main(): Promise<void> {
	if (!existsSync('build/handler.js')) {
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	const reference = process.env.FIGURES_CHARTER_REF;
	if (reference && !existsSync(join(reference, 'build/handler.js'))) {
		throw new Error(
			`FIGURES_CHARTER_REF=${reference} has no build: run "npx vite build" there first`
		);
	}
	const boards = {
		small: await generateBoard(SMALL_BOARD),
		medium: await generateBoard(MEDIUM_BOARD),
		large: await generateBoard(LARGE_BOARD)
	};
	const subjects = [await subject('this', undefined, boards)];
	if (reference) subjects.push(await subject('ref', resolve(reference), boards));
	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	const rows: Row[] = [];
	try {
		const runs = subjects.map((s) => measure(browser, s));
		// Row by row, each checkout in turn, so that both meet the same moments of a noisy machine.
		for (let done = false; !done;) {
			done = true;
			for (const run of runs) {
				const next = await run.next();
				if (next.done) continue;
				done = false;
				rows.push(next.value);
				if (!json) printRow(next.value);
			}
		}
	} finally {
		await browser.close();
		for (const { server } of subjects) {
			await server.stop();
			removeDataDir(server.dataDir);
		}
	}
	const sizes = Object.fromEntries(
		Object.entries(boards).map(([size, board]) => [
			size,
			{ ...board.spec, bytes: board.update.byteLength }
		])
	);
	if (json) console.log(JSON.stringify({ cores: cpus().length, boards: sizes, rows }, null, 2));
}

await main();
// The rich-text writer's jsdom window keeps timers alive after the figures are printed.
process.exit(0);
