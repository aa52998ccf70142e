import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from '../../../server/sync/awareness.ts';
import { encodeAwareness, encodeSync, SyncStep } from '../../../server/sync/protocol.ts';
import {
	addPerson,
	addRisk,
	createBoard,
	readRisks,
	setTitle,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { reportFigure } from '../../helpers/figures.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { isSyncFrame, ProtocolSocket } from '../../helpers/protocol-client.ts';
import { baseSeed, Random, withSeed } from '../../helpers/random.ts';
import { removeDataDir, startServer, type TestServer } from '../../helpers/server.ts';
import { readStoredBoard } from '../../helpers/stored-board.ts';

let server: TestServer | null = null;
const clients: TestClient[] = [];
const sockets: ProtocolSocket[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	for (const socket of sockets.splice(0)) socket.terminate();
	if (server) {
		await server.kill();
		removeDataDir(server.dataDir);
		server = null;
	}
});

const VIEWER_WRITES = 300;

/** Real edits a viewer could make on its copy of the board: they would apply if accepted. */
function viewerWrite(random: Random, copy: Y.Doc): Uint8Array {
	const before = Y.encodeStateVector(copy);
	const kind = random.int(0, 3);
	if (kind === 0) setTitle(copy, `Defaced ${random.words(20)}`);
	else if (kind === 1) addRisk(copy, { title: random.words(30) });
	else if (kind === 2) addPerson(copy, { name: random.words(20) });
	else {
		const risk = random.pick(readRisks(copy).items);
		updateRisk(copy, risk.id, { impact: random.int(1, 5) });
	}
	return Y.encodeStateAsUpdate(copy, before);
}

describe('figure: read-only', () => {
	it('a viewer’s sync step 2 and updates change nothing: not applied, stored or relayed', async () => {
		const seed = baseSeed();
		await withSeed(seed, async () => {
			const random = new Random(seed);
			server = await startServer();
			const keys = await generateBoardKeys();
			const editor = connectClient(server, keys.boardId, keys.editKey, createBoard('kickoff'));
			clients.push(editor);
			await editor.synced();
			addRisk(editor.doc, { title: 'Vendor late' });
			const witness = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.editKey);
			const viewer = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.viewKey);
			sockets.push(witness, viewer);
			await witness.greeted();
			await viewer.greeted();
			// The witness's round trip returns once everything before it is stored.
			await witness.roundTrip();
			const stateBefore = Y.encodeStateVector(editor.doc);
			const storedBefore = readStoredBoard(server.dataDir, keys.boardId);
			const relaysBefore = witness.received.filter((f) => isSyncFrame(f, SyncStep.update)).length;
			const rejectedBefore = await metricValue(server, 'charter_rejected_total', {
				reason: 'read_only'
			});

			const copy = new Y.Doc();
			Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc));
			for (let i = 0; i < VIEWER_WRITES; i++) {
				const update = viewerWrite(random, copy);
				const step = random.chance(0.3) ? SyncStep.step2 : SyncStep.update;
				viewer.send(
					encodeSync(step, step === SyncStep.step2 ? Y.encodeStateAsUpdate(copy) : update)
				);
			}
			// A viewer still has presence: its awareness is relayed, not its writes.
			const state = JSON.stringify({ user: { name: 'Viewer' } });
			viewer.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 9, clock: 1, state }])));
			await viewer.roundTrip();
			await witness.roundTrip();

			const rejected =
				(await metricValue(server, 'charter_rejected_total', { reason: 'read_only' })) -
				rejectedBefore;
			const relayed =
				witness.received.filter((f) => isSyncFrame(f, SyncStep.update)).length - relaysBefore;
			const storedAfter = readStoredBoard(server.dataDir, keys.boardId);
			const fresh = connectClient(server, keys.boardId, keys.viewKey);
			clients.push(fresh);
			await fresh.synced();
			const unchanged =
				Buffer.compare(Y.encodeStateVector(fresh.doc), stateBefore) === 0 &&
				JSON.stringify(fresh.doc.getMap('meta').toJSON()) ===
					JSON.stringify(editor.doc.getMap('meta').toJSON());
			const stored = storedAfter.logRows - storedBefore.logRows;
			reportFigure({
				name: 'read-only',
				measured: `${VIEWER_WRITES} viewer writes: ${rejected} dropped, ${relayed} relayed, ${stored} stored, server state ${unchanged ? 'unchanged' : 'CHANGED'}`,
				target: 'all dropped; 0 relayed, 0 stored, state unchanged',
				pass: rejected === VIEWER_WRITES && relayed === 0 && stored === 0 && unchanged,
				seed
			});
			expect(rejected).toBe(VIEWER_WRITES);
			expect(relayed).toBe(0);
			expect(stored).toBe(0);
			expect(Y.encodeStateVector(fresh.doc)).toEqual(stateBefore);
			expect(Y.encodeStateVector(storedAfter.doc)).toEqual(stateBefore);
			expect(viewer.open).toBe(true);
			expect(witness.received.some((f) => f[0] === 1 && Buffer.from(f).includes('Viewer'))).toBe(
				true
			);
		});
	});
});
