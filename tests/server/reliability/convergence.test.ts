import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addPerson,
	addRaciTask,
	addRisk,
	BoardCommandError,
	CHARTER_SECTIONS,
	createBoard,
	isInitialized,
	movePerson,
	moveRaciTask,
	moveRisk,
	readCharterSection,
	readPeople,
	readRaciTasks,
	readRisks,
	RISK_STATUSES,
	removePerson,
	removeRisk,
	setRaciCell,
	updatePerson,
	updateRisk,
	type RaciValue
} from '../../../src/lib/board/index.ts';
import { generateBoardKeys, type BoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { reportFigure } from '../../helpers/figures.ts';
import { boardJson } from '../../helpers/garbage.ts';
import { baseSeed, Random, withSeed } from '../../helpers/random.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';

let servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await Promise.all(servers.map((running) => running.kill()));
	for (const dir of new Set(servers.map((running) => running.dataDir))) removeDataDir(dir);
	servers = [];
});

const SEEDS = 50;
const OPERATIONS = 300;
const CLIENTS = 5;

/** What every client of a board ended with. */
interface Final {
	keys: BoardKeys;
	seed: number;
	state: Uint8Array;
	json: string;
}

const RACI: Array<RaciValue | null> = ['R', 'A', 'C', 'I', null];

/** One random operation on the board schema, through the commands as the app makes them. */
function operate(random: Random, doc: Y.Doc): void {
	const risks = readRisks(doc).items;
	const people = readPeople(doc).items;
	const tasks = readRaciTasks(doc).items;
	const some = <T>(items: readonly T[]) => (items.length > 0 ? random.pick(items) : null);
	const risk = some(risks);
	const person = some(people);
	const task = some(tasks);
	switch (random.int(0, 13)) {
		case 0:
		case 1:
			addRisk(doc, { title: random.words(40), likelihood: random.int(1, 5) });
			break;
		case 2:
			if (risk) updateRisk(doc, risk.id, { title: random.words(40) });
			break;
		case 3:
			if (risk)
				updateRisk(doc, risk.id, { impact: random.int(1, 5), status: random.pick(RISK_STATUSES) });
			break;
		case 4:
			if (risk) moveRisk(doc, risk.id, random.int(0, risks.length));
			break;
		case 5:
			if (risk && random.chance(0.5)) removeRisk(doc, risk.id);
			break;
		case 6:
			addPerson(doc, { name: random.words(20), role: random.words(10) });
			break;
		case 7:
			if (person) updatePerson(doc, person.id, { role: random.words(15) });
			else addPerson(doc, { name: random.words(20) });
			break;
		case 8:
			if (person) movePerson(doc, person.id, random.int(0, people.length));
			break;
		case 9:
			if (person && random.chance(0.3)) removePerson(doc, person.id);
			break;
		case 10:
			if (task && random.chance(0.3)) moveRaciTask(doc, task.id, random.int(0, tasks.length));
			else addRaciTask(doc, { title: random.words(20) });
			break;
		case 11:
			if (task && person) setRaciCell(doc, task.id, person.id, random.pick(RACI));
			break;
		default: {
			const text = readCharterSection(doc, random.pick(CHARTER_SECTIONS));
			if (!text) break;
			const at = random.int(0, text.length);
			if (text.length > 0 && random.chance(0.3)) {
				text.delete(Math.min(at, text.length - 1), random.int(1, 5));
			} else if (random.chance(0.2)) {
				text.insert(at, random.words(10), { bold: true });
			} else {
				text.insert(at, random.words(10));
			}
		}
	}
}

function converged(docs: readonly Y.Doc[]): boolean {
	const state = Y.encodeStateVector(docs[0]!);
	const json = boardJson(docs[0]!);
	return docs.every(
		(doc) => Buffer.compare(Y.encodeStateVector(doc), state) === 0 && boardJson(doc) === json
	);
}

/** Five clients make OPERATIONS random edits, dropping and regaining their connection at random. */
async function runSeed(server: TestServer, seed: number): Promise<Final> {
	const random = new Random(seed);
	const keys = await generateBoardKeys();
	const board = Array.from({ length: CLIENTS }, (_, i) =>
		connectClient(server, keys.boardId, keys.editKey, i === 0 ? createBoard('kickoff') : undefined)
	);
	clients.push(...board);
	for (const client of board) await client.synced();
	await waitFor(() => board.every((client) => isInitialized(client.doc)), 'the board to reach all');

	for (let op = 0; op < OPERATIONS; op++) {
		const client = random.pick(board);
		if (random.chance(0.04)) {
			if (client.provider.shouldConnect) client.provider.disconnect();
			else client.provider.connect();
		} else {
			try {
				operate(random, client.doc);
			} catch (error) {
				// A peer removed what this client aimed at: the command refused, as in the app.
				if (!(error instanceof BoardCommandError)) throw error;
			}
		}
		if (random.chance(0.3)) await sleep(random.int(0, 4));
	}
	for (const client of board) if (!client.provider.shouldConnect) client.provider.connect();
	await waitFor(
		() => board.every((client) => client.provider.synced) && converged(board.map((c) => c.doc)),
		`the ${CLIENTS} clients of seed ${seed} to converge`,
		20_000
	);
	const fresh = connectClient(server, keys.boardId, keys.viewKey);
	clients.push(fresh);
	await fresh.synced();
	expect(converged([fresh.doc, ...board.map((client) => client.doc)])).toBe(true);
	const final = {
		keys,
		seed,
		state: Y.encodeStateVector(fresh.doc),
		json: boardJson(fresh.doc)
	};
	for (const client of clients.splice(0)) client.destroy();
	return final;
}

describe('figure: convergence', () => {
	it('5 clients × 50 seeds × 300 random operations with disconnects: every client, and a fresh client after a restart, hold the same board', async () => {
		const base = baseSeed();
		await withSeed(base, async () => {
			const server = await startServer();
			servers.push(server);
			const finals: Final[] = [];
			const started = performance.now();
			for (let i = 0; i < SEEDS; i++) finals.push(await runSeed(server, (base + i) >>> 0));
			const runMs = performance.now() - started;

			await server.stop();
			const restarted = await startServer({ dataDir: server.dataDir });
			servers.push(restarted);
			const disagreeing: number[] = [];
			for (const final of finals) {
				const fresh = connectClient(restarted, final.keys.boardId, final.keys.viewKey);
				clients.push(fresh);
				await fresh.synced();
				const same =
					Buffer.compare(Y.encodeStateVector(fresh.doc), final.state) === 0 &&
					boardJson(fresh.doc) === final.json;
				if (!same) disagreeing.push(final.seed);
				fresh.destroy();
				clients.splice(0);
			}

			reportFigure({
				name: 'convergence',
				measured:
					`${SEEDS} seeds × ${OPERATIONS} operations × ${CLIENTS} clients with random disconnects ` +
					`(${(runMs / 1000).toFixed(0)} s): every seed converged; ` +
					`${SEEDS - disagreeing.length}/${SEEDS} boards identical (JSON and state vector) in a fresh client after a restart`,
				target: 'all clients and a fresh client after restart identical, every seed',
				pass: disagreeing.length === 0,
				seed: base
			});
			expect(disagreeing).toEqual([]);
		});
	}, 600_000);
});
