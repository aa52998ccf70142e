import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addPerson,
	addRaciTask,
	addRisk,
	BoardCommandError,
	createBoard,
	readPeople,
	readRaci,
	readRisks,
	setRaciCell,
	setTitle,
	updatePerson,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { reportFigure } from '../../helpers/figures.ts';
import {
	HOSTILE_IDS,
	HOSTILE_PEOPLE,
	HOSTILE_TEXTS,
	prototypePolluted,
	writeHostileEntries
} from '../../helpers/hostile.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';
import { waitFor } from '../../helpers/wait.ts';

let servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await Promise.all(servers.map((running) => running.kill()));
	for (const dir of new Set(servers.map((running) => running.dataDir))) removeDataDir(dir);
	servers = [];
});

async function client(server: TestServer, boardId: string, key: string, doc?: Y.Doc) {
	const connected = connectClient(server, boardId, key, doc);
	clients.push(connected);
	await connected.synced();
	return connected;
}

/** Tries every command that takes text or an id with every hostile value; counts refusals. */
function attemptHostileCommands(
	doc: Y.Doc,
	{ person, risk, task }: { person: string; risk: string; task: string }
): { attempts: number; refused: number } {
	const attempts: Array<() => unknown> = [];
	for (const text of HOSTILE_TEXTS) {
		attempts.push(
			() => setTitle(doc, text),
			() => addPerson(doc, { name: text }),
			() => addRisk(doc, { title: text }),
			() => updatePerson(doc, person, { name: text }),
			() => updateRisk(doc, risk, { title: text })
		);
	}
	for (const id of HOSTILE_IDS) {
		attempts.push(
			() => updateRisk(doc, id, { impact: 5 }),
			() => updatePerson(doc, id, { role: 'x' }),
			() => setRaciCell(doc, id, person, 'R'),
			() => setRaciCell(doc, task, id, 'A')
		);
	}
	let refused = 0;
	for (const attempt of attempts) {
		try {
			attempt();
		} catch (error) {
			if (error instanceof BoardCommandError) refused++;
			else throw error;
		}
	}
	return { attempts: attempts.length, refused };
}

describe('figure: hostile content', () => {
	it('is refused by the command layer, or stored and relayed without harm and skipped by reads', async () => {
		const server = await startServer();
		servers.push(server);
		const keys = await generateBoardKeys();
		const owner = await client(server, keys.boardId, keys.editKey, createBoard('kickoff'));

		const targets = {
			person: addPerson(owner.doc, { name: 'Ana' }),
			risk: addRisk(owner.doc, { title: 'Vendor late' }),
			task: addRaciTask(owner.doc, { title: 'Plan' })
		};
		const stateBefore = Y.encodeStateVector(owner.doc);
		const { attempts, refused } = attemptHostileCommands(owner.doc, targets);
		const nothingWritten = Buffer.compare(Y.encodeStateVector(owner.doc), stateBefore) === 0;

		const attacker = await client(server, keys.boardId, keys.editKey);
		writeHostileEntries(attacker.doc);
		const reader = await client(server, keys.boardId, keys.viewKey);
		await waitFor(() => reader.doc.getMap('people').size >= HOSTILE_PEOPLE + 2, 'the relay');
		const people = readPeople(reader.doc);
		const raci = readRaci(reader.doc);

		await server.stop();
		const restarted = await startServer({ dataDir: server.dataDir });
		servers.push(restarted);
		const fresh = await client(restarted, keys.boardId, keys.viewKey);
		const sameAfterRestart =
			Buffer.compare(Y.encodeStateVector(fresh.doc), Y.encodeStateVector(reader.doc)) === 0;
		const freshPeople = readPeople(fresh.doc);
		const healthy = (await fetch(`${restarted.httpUrl}/healthz`)).status === 200;
		const polluted = prototypePolluted();

		const pass =
			refused === attempts &&
			nothingWritten &&
			people.skipped === HOSTILE_PEOPLE &&
			freshPeople.skipped === HOSTILE_PEOPLE &&
			sameAfterRestart &&
			healthy &&
			!polluted;
		reportFigure({
			name: 'hostile content',
			measured:
				`${refused}/${attempts} hostile command inputs refused, ${nothingWritten ? 'nothing' : 'SOMETHING'} written; ` +
				`${HOSTILE_PEOPLE} hostile peer entries stored and relayed verbatim, ` +
				`${people.skipped} skipped by reads, prototype ${polluted ? 'POLLUTED' : 'intact'}, ` +
				`server ${healthy ? 'up' : 'DOWN'}`,
			target: 'every hostile input refused or skipped; no crash, no pollution',
			pass
		});
		expect(refused).toBe(attempts);
		expect(nothingWritten).toBe(true);
		expect(people.skipped).toBe(HOSTILE_PEOPLE);
		expect(people.items.map((person) => person.name).sort()).toEqual(['Ana', 'Smuggler']);
		expect(raci.cells.size).toBe(0);
		expect(readRisks(reader.doc).items.map((risk) => risk.title)).toEqual(['Vendor late']);
		expect(sameAfterRestart).toBe(true);
		expect(freshPeople.skipped).toBe(HOSTILE_PEOPLE);
		expect(healthy).toBe(true);
		expect(polluted).toBe(false);
	});
});
