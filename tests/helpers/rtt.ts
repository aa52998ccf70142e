import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { median, quantile } from './figures.ts';
import { sleep } from './wait.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A healthy client timing round trips from a process of its own (tests/helpers/rtt-prober.ts). */
export interface RttProbe {
	/** Tags the samples measured from now on. */
	phase(name: string): void;
	/** Round-trip times (ms) measured in a phase so far. */
	samples(name: string): number[];
	/** Errors the prober reported (timeouts, a closed socket). */
	errors(): string[];
	stop(): Promise<void>;
}

/** Starts the prober on a board and resolves once its first sync is done. */
export async function startRttProbe(
	syncUrl: string,
	boardId: string,
	key: string,
	intervalMs = 10
): Promise<RttProbe> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/rtt-prober.ts'], {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH ?? '',
			PROBE_SYNC_URL: syncUrl,
			PROBE_BOARD_ID: boardId,
			PROBE_KEY: key,
			PROBE_INTERVAL_MS: String(intervalMs)
		},
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const byPhase = new Map<string, number[]>();
	const errors: string[] = [];
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the RTT prober did not start')), 20_000);
		createInterface({ input: child.stdout! }).on('line', (line) => {
			const [kind, phase, value] = line.split(' ');
			if (kind === 'ready') {
				clearTimeout(timer);
				resolve();
			} else if (kind === 'rtt' && phase && value) {
				let list = byPhase.get(phase);
				if (!list) byPhase.set(phase, (list = []));
				list.push(Number(value));
			} else errors.push(line);
		});
		child.once('exit', (code) => reject(new Error(`the RTT prober exited with ${code}`)));
	});
	return {
		phase: (name) => child.stdin!.write(`phase ${name}\n`),
		samples: (name) => [...(byPhase.get(name) ?? [])],
		errors: () => [...errors],
		async stop() {
			child.stdin!.write('stop\n');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** Samples per window of the windowed p99. */
const WINDOW = 200;

/**
 * A p99 that one scheduler hiccup cannot swing: the median of the p99s of consecutive windows of
 * 200 samples (one window when there are fewer).
 */
export function windowedP99(samples: readonly number[]): number {
	if (samples.length < 2 * WINDOW) return quantile(samples, 0.99);
	const p99s: number[] = [];
	for (let start = 0; start + WINDOW <= samples.length; start += WINDOW) {
		p99s.push(quantile(samples.slice(start, start + WINDOW), 0.99));
	}
	return median(p99s);
}

/** Round trips measured while a load ran and in the quiet moments between its rounds. */
export interface LatencyUnderLoad {
	quiet: number[];
	loaded: number[];
}

/**
 * Alternates quiet moments and rounds of load, so both sets of samples see the same background
 * (other processes on the machine, the test process itself): `quietMs` of quiet, then one round
 * of `load`, then `settleMs` whose samples are not counted, `rounds` times.
 */
export async function latencyUnderLoad(
	probe: RttProbe,
	options: { rounds: number; quietMs: number; settleMs: number },
	load: (round: number) => Promise<void>
): Promise<LatencyUnderLoad> {
	for (let round = 0; round < options.rounds; round++) {
		probe.phase('quiet');
		await sleep(options.quietMs);
		probe.phase('loaded');
		await load(round);
		probe.phase('settling');
		await sleep(options.settleMs);
	}
	probe.phase('idle');
	await sleep(50);
	return { quiet: probe.samples('quiet'), loaded: probe.samples('loaded') };
}

/** The p99 of round trips under load over the quiet p99, with both, for a figure. */
export function latencyRatio({ quiet, loaded }: LatencyUnderLoad): {
	quietP99: number;
	loadedP99: number;
	ratio: number;
	text: string;
} {
	const quietP99 = quantile(quiet, 0.99);
	const loadedP99 = quantile(loaded, 0.99);
	const ratio = loadedP99 / quietP99;
	const text =
		`healthy client p99 ${quietP99.toFixed(2)} ms quiet, ${loadedP99.toFixed(2)} ms under attack ` +
		`(${ratio.toFixed(2)}×; p50 ${median(quiet).toFixed(2)} / ${median(loaded).toFixed(2)} ms; ` +
		`${quiet.length}/${loaded.length} samples)`;
	return { quietP99, loadedP99, ratio, text };
}
