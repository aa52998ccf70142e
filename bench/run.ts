/**
 * npm run bench — Charter's sync server side by side with the y-websocket reference server,
 * Hocuspocus (in memory and with SQLite) and a raw relay (the floor), each its own process on
 * loopback, in one run: fan-out, many rooms, cold open and the store alone (DESIGN.md §9).
 * Fan-out also runs two Charter nodes on PostgreSQL and Redis (charter-2-nodes) when Debian's
 * postgresql and redis-server are installed.
 *
 *   npm run bench                 full run, medians of 3, a table on stdout
 *   npm run bench -- --json       the same as one JSON document on stdout
 *   npm run bench -- --quick      every scenario shortened, one repeat (under two minutes)
 *   --only=fanout,rooms,cold_open,store   --servers=charter,floor   --repeats=N
 *   npm run bench -- --from=report.json   the table of a JSON report saved earlier
 *   BENCH_CHARTER_REF=<checkout> adds `charter-ref`: another checkout's server, to measure a change
 *   BENCH_NODE_ARGS="--cpu-prof …" passes flags to every server process, to profile it
 *
 * Progress goes to stderr, so stdout holds only the table or the JSON. The peer servers are
 * bench/'s own dependencies (bench/package.json): a run installs them first when
 * bench/node_modules is missing or stale (`npm ci --prefix bench`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { machine, formatReport, ratios, type BenchReport } from './lib/report.ts';
import { findServiceBinaries } from '../tests/helpers/services.ts';
import { ensurePeersInstalled, PeerInstallError } from './lib/peer-install.ts';
import { SERVERS, type ServerEntry } from './lib/servers.ts';
import { medianFigures } from './lib/stats.ts';
import { largeBoard, runColdOpen } from './scenarios/cold-open.ts';
import { runFanout, type FanoutSettings } from './scenarios/fanout.ts';
import { runRooms, smallBoardUpdate, type RoomsSettings } from './scenarios/rooms.ts';
import { runStore, STORES } from './scenarios/store.ts';

const SCENARIOS = ['fanout', 'rooms', 'cold_open', 'store'] as const;
type ScenarioName = (typeof SCENARIOS)[number];

/** Thrown for a command line the bench cannot run, naming what is wrong. */
class BenchUsageError extends Error {
	override name = 'BenchUsageError';
}

const USAGE = `Usage: npm run bench -- [--quick] [--json] [--only=fanout,rooms,cold_open,store]
                     [--servers=charter,floor,…] [--repeats=N] [--from=report.json]`;

/** The command line, or the usage and exit 2 for one the bench does not know (or --help). */
function readArgs() {
	try {
		const { values } = parseArgs({
			options: {
				json: { type: 'boolean', default: false },
				quick: { type: 'boolean', default: false },
				only: { type: 'string' },
				servers: { type: 'string' },
				repeats: { type: 'string' },
				from: { type: 'string' },
				help: { type: 'boolean', default: false }
			}
		});
		if (!values.help) return values;
		process.stdout.write(`${USAGE}\n`);
		process.exit(0);
	} catch (error) {
		process.stderr.write(
			`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`
		);
		process.exit(2);
	}
}
const args = readArgs();

function listArg<T extends string>(
	text: string | undefined,
	known: readonly T[],
	what: string
): T[] {
	if (!text) return [...known];
	const names = text.split(',').map((name) => name.trim());
	for (const name of names) {
		if (!known.includes(name as T)) {
			throw new BenchUsageError(`unknown ${what} "${name}"; expected one of ${known.join(', ')}`);
		}
	}
	return names as T[];
}

const quick = args.quick;
const repeats = args.repeats ? Number(args.repeats) : quick ? 1 : 3;
if (!Number.isInteger(repeats) || repeats < 1) {
	throw new BenchUsageError(`--repeats=${args.repeats}: expected a whole number from 1`);
}
const scenarios = listArg<ScenarioName>(args.only, SCENARIOS, 'scenario');
const services = findServiceBinaries();
const servers = listArg(
	args.servers,
	SERVERS.map((server) => server.name),
	'server'
)
	.map((name) => SERVERS.find((server) => server.name === name)!)
	// Two nodes need PostgreSQL and Redis: left out of a default run without them, with the reason.
	.filter((server) => {
		if (server.name !== 'charter-2-nodes' || services.ok || args.servers) return true;
		progress(`charter-2-nodes left out: ${services.reason}`);
		return false;
	});

const fanoutSettings: FanoutSettings = {
	clients: 50,
	updatesPerSecond: 2,
	durationMs: quick ? 5_000 : 20_000,
	threads: 2
};
const roomsSettings: RoomsSettings = { rooms: quick ? 100 : 500, clientsPerRoom: 3, threads: 2 };
const storeMs = quick ? 1_000 : 4_000;

function progress(message: string): void {
	process.stderr.write(`bench: ${message}\n`);
}

// Each repeat runs every server once, in turn, so a drift of the machine hits them all alike.
async function alternating<F extends Record<string, number>>(
	scenario: string,
	entries: readonly ServerEntry[],
	run: (server: ServerEntry) => Promise<F>
): Promise<Record<string, F>> {
	const runs = new Map<string, F[]>();
	for (let repeat = 1; repeat <= repeats; repeat++) {
		for (const server of entries) {
			progress(`${scenario} · ${server.name} · run ${repeat} of ${repeats}`);
			const figures = await run(server);
			runs.set(server.name, [...(runs.get(server.name) ?? []), figures]);
		}
	}
	return Object.fromEntries([...runs].map(([name, list]) => [name, medianFigures(list)]));
}

async function main(): Promise<void> {
	if (args.from) {
		// `npm run bench -- --json > file` also catches npm's own "> charter@… bench" banner
		// (`npm run -s` leaves it out): the report starts at its first line that opens an object.
		const text = readFileSync(args.from, 'utf8');
		const start = text.search(/^\{/m);
		if (start < 0) throw new Error(`${args.from} holds no JSON report`);
		const saved = JSON.parse(text.slice(start)) as BenchReport;
		process.stdout.write(`${formatReport(saved)}\n`);
		return;
	}
	ensurePeersInstalled(progress);
	const report: BenchReport = {
		machine: machine(),
		settings: {
			quick,
			repeats: { count: repeats },
			fanout: fanoutSettings,
			rooms: roomsSettings,
			store: { durationMs: storeMs }
		},
		scenarios: { fanout: {}, rooms: {}, cold_open: {}, store: {} },
		ratios: {}
	};
	const yjsServers = servers.filter((server) => server.speaksYjs && !server.fanoutOnly);
	if (scenarios.includes('fanout')) {
		report.scenarios.fanout = await alternating('fan-out', servers, (server) =>
			runFanout(server, fanoutSettings)
		);
	}
	if (scenarios.includes('rooms')) {
		const seed = smallBoardUpdate();
		report.scenarios.rooms = await alternating('many rooms', yjsServers, (server) =>
			runRooms(server, roomsSettings, seed)
		);
	}
	if (scenarios.includes('cold_open')) {
		progress('building the large board');
		const board = await largeBoard();
		report.scenarios.cold_open = await alternating('cold open', yjsServers, (server) =>
			runColdOpen(server, board)
		);
	}
	if (scenarios.includes('store')) {
		for (const entry of STORES) {
			const runs = [];
			for (let repeat = 1; repeat <= repeats; repeat++) {
				progress(`store · ${entry.name} · run ${repeat} of ${repeats}`);
				runs.push(await runStore(entry, storeMs));
			}
			report.scenarios.store[entry.name] = medianFigures(runs);
		}
	}
	report.ratios = ratios(report.scenarios);
	process.stdout.write(
		args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`
	);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		if (error instanceof PeerInstallError) process.stderr.write(`${error.message}\n`);
		else process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	}
);
