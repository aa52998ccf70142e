import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

/** The services a node depends on. */
export type DependencyName = 'store' | 'bus';

/** A dependency and how to ask whether it answers. */
export interface Dependency {
	name: DependencyName;
	/** Which implementation: sqlite or postgres, local or redis. */
	kind: string;
	ping(): Promise<void>;
}

/** What /healthz reports of one dependency (why it is down goes to the log, not to callers). */
export interface DependencyStatus {
	kind: string;
	up: boolean;
}

/** What /healthz answers: 200 with status ok when every dependency is up, else 503. */
export interface HealthReport {
	status: 'ok' | 'unavailable';
	dependencies: Record<DependencyName, DependencyStatus>;
}

/** Options of the monitor. */
export interface DependencyMonitorOptions {
	metrics: Metrics;
	logger: Logger;
	/** Time between checks while everything is up. */
	intervalMs: number;
	/** A check that takes longer than this counts as failed. */
	timeoutMs?: number;
}

/**
 * Checks the store and the bus now and then, keeps `charter_dependency_up` current and counts
 * failures. While a dependency is down it is checked again with a growing backoff, which is
 * also what makes a pooled client reconnect, and each change of state is logged once.
 */
export class DependencyMonitor {
	readonly #status = new Map<DependencyName, DependencyStatus>();
	#timer: NodeJS.Timeout | null = null;
	#running: Promise<HealthReport> | null = null;
	#failures = 0;
	#stopped = false;

	constructor(
		private readonly dependencies: readonly Dependency[],
		private readonly options: DependencyMonitorOptions
	) {
		for (const dependency of dependencies) {
			this.#status.set(dependency.name, { kind: dependency.kind, up: true });
			options.metrics.dependencyUp.set({ dependency: dependency.name }, 1);
		}
	}

	/** Starts the periodic checks. */
	start(): void {
		this.#schedule(this.options.intervalMs);
	}

	/**
	 * Checks every dependency now and reports what it found. Callers that ask while a check runs
	 * share it, so a burst of /healthz requests makes one round of probes, not one each.
	 */
	check(): Promise<HealthReport> {
		this.#running ??= this.#checkAll().finally(() => (this.#running = null));
		return this.#running;
	}

	async #checkAll(): Promise<HealthReport> {
		await Promise.all(this.dependencies.map((dependency) => this.#check(dependency)));
		const dependencies = Object.fromEntries(this.#status) as Record<
			DependencyName,
			DependencyStatus
		>;
		const up = [...this.#status.values()].every((status) => status.up);
		return { status: up ? 'ok' : 'unavailable', dependencies };
	}

	/** Stops checking. */
	stop(): void {
		this.#stopped = true;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	#schedule(delayMs: number): void {
		if (this.#stopped) return;
		this.#timer = setTimeout(() => void this.#tick(), delayMs);
		this.#timer.unref();
	}

	async #tick(): Promise<void> {
		const report = await this.check();
		this.#failures = report.status === 'ok' ? 0 : this.#failures + 1;
		const backoff = Math.min(250 * 2 ** this.#failures, this.options.intervalMs);
		this.#schedule(report.status === 'ok' ? this.options.intervalMs : backoff);
	}

	async #check(dependency: Dependency): Promise<void> {
		const { metrics, logger, timeoutMs = 2_000 } = this.options;
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
		});
		const was = this.#status.get(dependency.name)!;
		try {
			await Promise.race([dependency.ping(), timeout]);
			this.#status.set(dependency.name, { kind: dependency.kind, up: true });
			metrics.dependencyUp.set({ dependency: dependency.name }, 1);
			if (!was.up) logger.info({ dependency: dependency.name }, 'dependency is back');
		} catch (error) {
			this.#status.set(dependency.name, { kind: dependency.kind, up: false });
			metrics.dependencyUp.set({ dependency: dependency.name }, 0);
			metrics.dependencyErrors.inc({ dependency: dependency.name });
			if (was.up) logger.error({ dependency: dependency.name, err: error }, 'dependency is down');
		} finally {
			clearTimeout(timer);
		}
	}
}
