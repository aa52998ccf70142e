import { Worker } from 'node:worker_threads';
import type { LoadTask, WorkerReport } from '../load/tasks.ts';

const WORKER = new URL('../load/worker-entry.mjs', import.meta.url);

/** A load-generator thread running one task, with the reports it has sent. */
export class LoadWorker {
	readonly #worker: Worker;
	readonly #reports: WorkerReport[] = [];
	readonly #waiting: Array<() => void> = [];
	#failure: Error | null = null;
	readonly #exited: Promise<void>;

	constructor(task: LoadTask) {
		this.#worker = new Worker(WORKER, { workerData: task });
		this.#worker.on('message', (report: WorkerReport) => {
			if (report.type === 'error') this.#failure = new Error(`load worker: ${report.message}`);
			else this.#reports.push(report);
			this.#wake();
		});
		this.#worker.on('error', (error) => {
			this.#failure = error;
			this.#wake();
		});
		this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
		this.#exited.then(() => {
			this.#failure ??= new Error('load worker exited');
			this.#wake();
		});
	}

	/** Waits for the next report of the given type (failing if the thread failed). */
	async next<T extends WorkerReport['type']>(type: T): Promise<Extract<WorkerReport, { type: T }>> {
		for (;;) {
			const index = this.#reports.findIndex((report) => report.type === type);
			if (index >= 0)
				return this.#reports.splice(index, 1)[0] as Extract<WorkerReport, { type: T }>;
			if (this.#failure) throw this.#failure;
			await new Promise<void>((resolve) => this.#waiting.push(resolve));
		}
	}

	/** Sends the thread its next command (a start time, or 'close'). */
	command(text: string): void {
		this.#worker.postMessage(text);
	}

	/** Tells the thread to close its clients and waits for it to exit. */
	async close(): Promise<void> {
		this.command('close');
		const timer = setTimeout(() => void this.#worker.terminate(), 10_000);
		await this.#exited;
		clearTimeout(timer);
	}

	#wake(): void {
		for (const resolve of this.#waiting.splice(0)) resolve();
	}
}

/** Splits items into `parts` nearly equal runs, keeping their order. */
export function split<T>(items: readonly T[], parts: number): T[][] {
	const runs: T[][] = [];
	const size = Math.ceil(items.length / parts);
	for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
	return runs;
}
