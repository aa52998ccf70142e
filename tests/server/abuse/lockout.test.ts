import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from '../../../server/sync/awareness.ts';
import { encodeAwareness } from '../../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { reportFigure } from '../../helpers/figures.ts';
import { largeBoardState, storeBoard } from '../../helpers/large-stored-board.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { ProtocolSocket } from '../../helpers/protocol-client.ts';
import { makeDataDir, startServer } from '../../helpers/server.ts';
import { releasedAfterEach } from '../../helpers/test-resources.ts';
import { waitFor } from '../../helpers/wait.ts';

const made = releasedAfterEach();

const KiB = 1024;
const MiB = 1024 * KiB;

/** Connects a fresh stock client and resolves once it is synced, with how long that took. */
async function freshClient(
	boardId: string,
	key: string
): Promise<{ client: TestClient; ms: number }> {
	const started = performance.now();
	const client = connectClient(made.server!, boardId, key);
	made.clients.push(client);
	let closedWith: number | null = null;
	client.provider.on('connection-close', (event: CloseEvent | null) => {
		closedWith ??= event?.code ?? 0;
	});
	await waitFor(
		() => client.provider.synced || closedWith !== null,
		'a fresh client to sync',
		60_000
	);
	expect(closedWith, 'the fresh client was closed').toBeNull();
	return { client, ms: performance.now() - started };
}

/** Proves a client's connection is still open: presence set by someone else reaches it. */
async function stillConnected(boardId: string, key: string, client: TestClient): Promise<void> {
	const witness = connectClient(made.server!, boardId, key);
	made.clients.push(witness);
	witness.provider.awareness.setLocalState({ user: { name: 'Witness' } });
	await waitFor(
		() => client.provider.awareness.getStates().has(witness.doc.clientID),
		'the client to still hear the board',
		30_000
	);
	expect(client.provider.wsconnected).toBe(true);
}

describe('newcomers are not locked out', () => {
	// A 12 MiB board takes seconds to encode, send and apply on a busy 2-core machine.
	it(
		'opens a 12 MiB board in a fresh stock client, with either key',
		{ timeout: 120_000 },
		async () => {
			const keys = await generateBoardKeys();
			const dataDir = makeDataDir();
			const state = largeBoardState(12);
			expect(state.length).toBeGreaterThan(12 * MiB);
			await storeBoard(dataDir, keys.boardId, state);
			const server = (made.server = await startServer({ dataDir }));

			const viewer = await freshClient(keys.boardId, keys.viewKey);
			expect(viewer.client.doc.getMap('statusUpdates').size).toBe(192);
			const editor = await freshClient(keys.boardId, keys.editKey);
			expect(Y.encodeStateAsUpdate(editor.client.doc).length).toBeGreaterThan(12 * MiB);
			await stillConnected(keys.boardId, keys.viewKey, viewer.client);
			await stillConnected(keys.boardId, keys.editKey, editor.client);
			expect(await metricValue(server, 'charter_rejected_total', { reason: 'rate_limited' })).toBe(
				0
			);
			expect(await metricValue(server, 'charter_rejected_total', { reason: 'slow_consumer' })).toBe(
				0
			);
			reportFigure({
				name: 'large board',
				measured: `${(state.length / MiB).toFixed(1)} MiB board synced by a fresh viewer in ${Math.round(viewer.ms)} ms, by a fresh editor in ${Math.round(editor.ms)} ms`,
				target: 'a fresh client reaches synced and stays connected',
				pass: true
			});
		}
	);

	it(
		'lets a fresh stock client in during a presence flood of 150 view links × 8 states × 8 KB',
		{
			timeout: 120_000
		},
		async () => {
			const server = (made.server = await startServer());
			const keys = await generateBoardKeys();
			const editor = connectClient(server, keys.boardId, keys.editKey);
			made.clients.push(editor);
			editor.provider.awareness.setLocalState({ user: { name: 'Ada' } });
			await editor.synced();

			const state = JSON.stringify({ user: { name: 'Flood', padding: 'x'.repeat(8_000) } });
			let nextId = 1_000_000;
			const flooders = await Promise.all(
				Array.from({ length: 150 }, () =>
					ProtocolSocket.open(server.syncUrl, keys.boardId, keys.viewKey)
				)
			);
			made.sockets.push(...flooders);
			for (const flooder of flooders) {
				const entries = Array.from({ length: 8 }, () => ({ clientId: nextId++, clock: 1, state }));
				flooder.send(encodeAwareness(encodeAwarenessUpdate(entries)));
			}
			await waitFor(
				async () =>
					(await metricValue(server, 'charter_messages_total', { type: 'awareness' })) >= 150,
				'every flood message to be handled',
				30_000
			);

			const newcomer = await freshClient(keys.boardId, keys.viewKey);
			await waitFor(
				() => newcomer.client.provider.awareness.getStates().has(editor.doc.clientID),
				'the newcomer to see the editor'
			);
			await stillConnected(keys.boardId, keys.viewKey, newcomer.client);
			const browser = await freshClient(keys.boardId, keys.editKey);
			const presenceBytes = [...newcomer.client.provider.awareness.getStates().values()].reduce(
				(sum: number, shown) => sum + JSON.stringify(shown).length,
				0
			);
			expect(presenceBytes).toBeLessThanOrEqual(MiB + 16 * KiB);
			expect(flooders.every((flooder) => flooder.open)).toBe(true);
			expect(
				await metricValue(server, 'charter_rejected_total', { reason: 'awareness_over_budget' })
			).toBeGreaterThan(0);
			expect(await metricValue(server, 'charter_rejected_total', { reason: 'slow_consumer' })).toBe(
				0
			);
			reportFigure({
				name: 'presence flood',
				measured: `150 view links × 8 states × 8 KB: a fresh viewer synced in ${Math.round(newcomer.ms)} ms holding ${Math.round(presenceBytes / KiB)} KiB of presence, a fresh editor in ${Math.round(browser.ms)} ms`,
				target: 'a fresh client reaches synced; presence it receives ≤ 1 MiB',
				pass: true
			});
		}
	);
});
