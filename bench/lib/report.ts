import { cpus, release, totalmem } from 'node:os';
import type { ColdOpenFigures } from '../scenarios/cold-open.ts';
import type { FanoutFigures } from '../scenarios/fanout.ts';
import type { RoomsFigures } from '../scenarios/rooms.ts';
import type { StoreFigures } from '../scenarios/store.ts';

/** The JSON document `npm run bench -- --json` prints (the shape issue 6 asks for, and more). */
export interface BenchReport {
	machine: { cpu: string; cores: number; memory_gib: number; node: string; kernel: string };
	settings: Record<string, unknown>;
	scenarios: {
		fanout: Record<string, FanoutFigures>;
		rooms: Record<string, RoomsFigures>;
		cold_open: Record<string, ColdOpenFigures>;
		store: Record<string, StoreFigures>;
	};
	/** Charter's figures divided by the peers' (lower is better), as the targets state them. */
	ratios: Record<string, number>;
}

/** The machine the bench ran on. */
export function machine(): BenchReport['machine'] {
	return {
		cpu: cpus()[0]?.model.trim() ?? 'unknown',
		cores: cpus().length,
		memory_gib: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		kernel: release()
	};
}

const PEERS = ['y-websocket', 'hocuspocus', 'hocuspocus-sqlite'];

function best(figures: Record<string, Record<string, number>>, field: string): number {
	const values = PEERS.map((peer) => figures[peer]?.[field]).filter((v) => v !== undefined);
	return values.length > 0 ? Math.min(...values) : Number.NaN;
}

/** The ratios the targets of DESIGN.md §9 are stated in. */
export function ratios(scenarios: BenchReport['scenarios']): Record<string, number> {
	const { fanout, rooms, cold_open: coldOpen } = scenarios;
	const entries: Array<[string, number | undefined]> = [
		[
			'fanout_cpu_vs_best_peer',
			fanout.charter && fanout.charter.cpu_us_per_msg / best(fanout, 'cpu_us_per_msg')
		],
		[
			'fanout_cpu_vs_floor',
			fanout.charter && fanout.floor && fanout.charter.cpu_us_per_msg / fanout.floor.cpu_us_per_msg
		],
		['fanout_p99_vs_best_peer', fanout.charter && fanout.charter.p99_ms / best(fanout, 'p99_ms')],
		[
			'fanout_p99_two_nodes_vs_one',
			fanout.charter &&
				fanout['charter-2-nodes'] &&
				fanout['charter-2-nodes'].p99_ms / fanout.charter.p99_ms
		],
		[
			'fanout_cpu_two_nodes_vs_one',
			fanout.charter &&
				fanout['charter-2-nodes'] &&
				fanout['charter-2-nodes'].cpu_us_per_msg / fanout.charter.cpu_us_per_msg
		],
		[
			'fanout_p99_vs_floor',
			fanout.charter && fanout.floor && fanout.charter.p99_ms / fanout.floor.p99_ms
		],
		[
			'rooms_memory_vs_hocuspocus',
			rooms.charter &&
				rooms.hocuspocus &&
				rooms.charter.rss_kib_per_room / rooms.hocuspocus.rss_kib_per_room
		],
		[
			'cold_open_ms_vs_y_websocket',
			coldOpen.charter &&
				coldOpen['y-websocket'] &&
				coldOpen.charter.synced_ms / coldOpen['y-websocket'].synced_ms
		],
		[
			'cold_open_bytes_vs_y_websocket',
			coldOpen.charter &&
				coldOpen['y-websocket'] &&
				coldOpen.charter.bytes / coldOpen['y-websocket'].bytes
		]
	];
	return Object.fromEntries(
		entries.filter((entry): entry is [string, number] => Number.isFinite(entry[1]))
	);
}

const TARGETS: Record<string, { limit: number; what: string }> = {
	fanout_cpu_vs_best_peer: { limit: 0.9, what: 'CPU per delivered message vs the better peer' },
	fanout_cpu_vs_floor: { limit: Infinity, what: 'CPU per delivered message vs the floor' },
	fanout_p99_vs_best_peer: { limit: 1.3, what: 'fan-out p99 vs the better peer (tie band 1.3)' },
	fanout_p99_vs_floor: { limit: Infinity, what: 'fan-out p99 vs the floor' },
	fanout_p99_two_nodes_vs_one: {
		limit: Infinity,
		what: 'fan-out p99, two nodes (PostgreSQL + Redis) vs one'
	},
	fanout_cpu_two_nodes_vs_one: {
		limit: Infinity,
		what: 'CPU per delivered message, two nodes + Redis vs one'
	},
	rooms_memory_vs_hocuspocus: { limit: 0.5, what: 'memory per loaded room vs Hocuspocus' },
	cold_open_ms_vs_y_websocket: { limit: 1.0, what: 'cold open time vs y-websocket (in memory)' },
	cold_open_bytes_vs_y_websocket: { limit: 1.0, what: 'cold open bytes vs y-websocket' }
};

function table(header: string[], rows: string[][]): string {
	const widths = header.map((cell, i) =>
		Math.max(cell.length, ...rows.map((row) => row[i]!.length))
	);
	const line = (cells: string[]) =>
		`| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
	const rule = `|${widths.map((width, i) => (i === 0 ? '-' : '') + '-'.repeat(width + 1) + (i === 0 ? '' : ':')).join('|')}|`;
	return [line(header), rule, ...rows.map(line)].join('\n');
}

const fixed = (value: number | undefined, digits: number) =>
	value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const whole = (value: number | undefined) =>
	value === undefined || !Number.isFinite(value) ? '—' : Math.round(value).toLocaleString('en-US');

/** The report as Markdown tables, for the terminal and docs/benchmarks.md. */
export function formatReport(report: BenchReport): string {
	const { fanout, rooms, cold_open: coldOpen, store } = report.scenarios;
	const s = report.settings as Record<string, Record<string, number>>;
	const parts: string[] = [];
	const m = report.machine;
	parts.push(
		`Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gib} GiB, Node ${m.node}, Linux ${m.kernel}; medians of ${s.repeats?.count ?? 1}.`
	);
	if (Object.keys(fanout).length > 0) {
		const f = s.fanout!;
		parts.push(
			`\nFan-out: 1 room × ${f.clients} clients × ${f.updatesPerSecond} updates/s for ${f.durationMs! / 1000} s\n\n` +
				table(
					[
						'server',
						'p50 ms',
						'p95 ms',
						'p99 ms',
						'CPU µs/msg',
						'RSS MiB',
						'delivered',
						'generator CPU'
					],
					Object.entries(fanout).map(([name, x]) => [
						name,
						fixed(x.p50_ms, 2),
						fixed(x.p95_ms, 2),
						fixed(x.p99_ms, 2),
						fixed(x.cpu_us_per_msg, 1),
						fixed(x.rss_mib, 1),
						`${(x.delivered_ratio * 100).toFixed(1)}%`,
						`${fixed(x.generator_cpu_pct, 0)}%`
					])
				)
		);
	}
	if (Object.keys(rooms).length > 0) {
		const r = s.rooms!;
		parts.push(
			`\nMany rooms: ${r.rooms} rooms × ${r.clientsPerRoom} clients, idle after sync\n\n` +
				table(
					['server', 'RSS KiB per room', 'JS heap KiB per room', 'RSS MiB'],
					Object.entries(rooms).map(([name, x]) => [
						name,
						fixed(x.rss_kib_per_room, 1),
						fixed(x.heap_kib_per_room, 1),
						fixed(x.rss_mib, 1)
					])
				)
		);
	}
	if (Object.keys(coldOpen).length > 0) {
		parts.push(
			'\nCold open of the large board (1,000 risks, 40 × 30 RACI, 20 rich-text fields)\n\n' +
				table(
					['server', 'synced ms', 'bytes', 'wire bytes'],
					Object.entries(coldOpen).map(([name, x]) => [
						name,
						fixed(x.synced_ms, 1),
						whole(x.bytes),
						whole(x.wire_bytes)
					])
				)
		);
	}
	if (Object.keys(store).length > 0) {
		parts.push(
			'\nStore alone: durable appends of a 60-byte update\n\n' +
				table(
					['store', 'appends/s (one per commit)', 'appends/s (50 per commit)'],
					Object.entries(store).map(([name, x]) => [
						name,
						whole(x.appends_per_s),
						whole(x.batched_appends_per_s)
					])
				)
		);
	}
	const ratioRows = Object.entries(report.ratios).map(([key, value]) => {
		const target = TARGETS[key]!;
		const verdict =
			target.limit === Infinity
				? ''
				: value <= target.limit
					? `met (≤ ${target.limit})`
					: `MISSED (≤ ${target.limit})`;
		return [target.what, `${value.toFixed(2)}×`, verdict];
	});
	if (ratioRows.length > 0)
		parts.push(
			'\nCharter against the targets\n\n' + table(['ratio', 'charter', 'target'], ratioRows)
		);
	return parts.join('\n');
}
