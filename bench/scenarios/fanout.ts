import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import type { ClientAddress } from '../load/clients.ts';
import { LoadWorker, split } from '../lib/pool.ts';
import { cpuMicrosOf, rssKibOf, sleep } from '../lib/proc.ts';
import type { ServerEntry } from '../lib/servers.ts';
import { percentile } from '../lib/stats.ts';

/** How the fan-out scenario is run. */
export interface FanoutSettings {
	clients: number;
	updatesPerSecond: number;
	durationMs: number;
	/** Load-generator threads the clients are spread over. */
	threads: number;
}

/** What one fan-out run measured. */
export interface FanoutFigures extends Record<string, number> {
	p50_ms: number;
	p95_ms: number;
	p99_ms: number;
	/** Server CPU time (user + system, all its processes) per message delivered to a client. */
	cpu_us_per_msg: number;
	/** Server resident memory at the end of the run. */
	rss_mib: number;
	/** Messages received by clients, and how many of the expected ones that is. */
	delivered: number;
	delivered_ratio: number;
	/** CPU the load generator used, in percent of one core. */
	generator_cpu_pct: number;
}

const DRAIN_MS = 1_500;
const FRAME_BYTES = 60;

/**
 * 1 room × N clients, each sending a small edit M times a second: delivery latency from send
 * to receipt at every other client, and the server's CPU time per delivered message.
 */
export async function runFanout(
	server: ServerEntry,
	settings: FanoutSettings
): Promise<FanoutFigures> {
	const started = await server.start();
	try {
		const keys = await generateBoardKeys();
		const addresses: ClientAddress[] = Array.from({ length: settings.clients }, (_, i) => ({
			kind: server.clientKind,
			url: started.urls[i % started.urls.length]!,
			room: keys.boardId,
			protocols: server.protocols(keys)
		}));
		let firstIndex = 0;
		const workers = split(addresses, settings.threads).map((clients) => {
			const worker = new LoadWorker({
				type: 'fanout',
				clients,
				firstIndex,
				totalClients: settings.clients,
				updatesPerSecond: settings.updatesPerSecond,
				durationMs: settings.durationMs,
				drainMs: DRAIN_MS,
				frameBytes: FRAME_BYTES
			});
			firstIndex += clients.length;
			return worker;
		});
		await Promise.all(workers.map((worker) => worker.next('ready')));
		// Let the joins' awareness and sync traffic die down before measuring.
		await sleep(1_000);
		const cpuBefore = cpuMicrosOf(started.pids);
		const generatorBefore = process.cpuUsage();
		const wallBefore = performance.now();
		const startAt = Date.now() + 100;
		for (const worker of workers) worker.command(String(startAt));
		const reports = await Promise.all(workers.map((worker) => worker.next('done')));
		const cpu = cpuMicrosOf(started.pids) - cpuBefore;
		const generator = process.cpuUsage(generatorBefore);
		const wallMs = performance.now() - wallBefore;
		const rssKib = rssKibOf(started.pids);
		await Promise.all(workers.map((worker) => worker.close()));
		const latencies = Float64Array.from(reports.flatMap((report) => [...report.latencies]));
		latencies.sort();
		const sent = reports.reduce((sum, report) => sum + report.sent, 0);
		return {
			p50_ms: percentile(latencies, 0.5),
			p95_ms: percentile(latencies, 0.95),
			p99_ms: percentile(latencies, 0.99),
			cpu_us_per_msg: cpu / latencies.length,
			rss_mib: rssKib / 1024,
			delivered: latencies.length,
			delivered_ratio: latencies.length / (sent * (settings.clients - 1)),
			generator_cpu_pct: ((generator.user + generator.system) / 1000 / wallMs) * 100
		};
	} finally {
		await started.stop();
	}
}
