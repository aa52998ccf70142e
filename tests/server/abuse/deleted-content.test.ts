import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSync, SyncStep } from '../../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient } from '../../helpers/clients.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { isSyncFrame, ProtocolSocket, updateOf } from '../../helpers/protocol-client.ts';
import { startServer } from '../../helpers/server.ts';
import { versionsApi } from '../../helpers/versions-api.ts';
import { releasedAfterEach } from '../../helpers/test-resources.ts';
import { waitFor } from '../../helpers/wait.ts';

const SECRET = 'edit-link-hunter2-0123456789';

const made = releasedAfterEach();

/** What a viewer with nothing receives when it syncs: the raw bytes of the server's reply. */
async function viewerSyncBytes(boardId: string, viewKey: string): Promise<Uint8Array> {
	const viewer = await ProtocolSocket.open(made.server!.syncUrl, boardId, viewKey);
	made.sockets.push(viewer);
	await viewer.greeted();
	const reply = viewer.next((frame) => isSyncFrame(frame, SyncStep.step2));
	viewer.send(encodeSync(SyncStep.step1, Uint8Array.of(0)));
	return updateOf(await reply);
}

async function unloaded(): Promise<void> {
	await waitFor(
		async () => (await metricValue(made.server!, 'charter_rooms_loaded')) === 0,
		'the board to unload (and compact)'
	);
}

describe('deleted text after compaction', () => {
	it('is absent from a viewer’s raw sync reply, while the text that stayed is there', async () => {
		const server = (made.server = await startServer());
		const keys = await generateBoardKeys();
		const editor = connectClient(server, keys.boardId, keys.editKey);
		made.clients.push(editor);
		await editor.synced();
		const field = new Y.XmlText();
		editor.doc.getMap('charter').set('background', field);
		field.insert(0, `Budget approved. Edit link: ${SECRET}`);
		field.delete('Budget approved.'.length, ` Edit link: ${SECRET}`.length);
		editor.doc.getMap('meta').set('title', 'Kickoff');
		await waitFor(
			async () =>
				(await metricValue(server, 'charter_messages_total', { type: 'sync_update' })) >= 4,
			'every edit to reach the server'
		);
		editor.provider.disconnect();
		await unloaded();

		const bytes = await viewerSyncBytes(keys.boardId, keys.viewKey);
		expect(Buffer.from(bytes).includes(SECRET)).toBe(false);
		const seen = new Y.Doc();
		Y.applyUpdate(seen, bytes);
		expect((seen.getMap('charter').get('background') as Y.XmlText).toString()).toBe(
			'Budget approved.'
		);
		expect(seen.getMap('meta').get('title')).toBe('Kickoff');
	});

	it('is absent from a version saved after it was deleted, but kept in one saved before', async () => {
		const server = (made.server = await startServer());
		const keys = await generateBoardKeys();
		const api = versionsApi(server.httpUrl, keys.boardId);
		const editor = connectClient(server, keys.boardId, keys.editKey);
		made.clients.push(editor);
		await editor.synced();
		const notes = editor.doc.getText('notes');
		notes.insert(0, `Call ${SECRET} tomorrow`);
		await waitFor(
			async () =>
				(await metricValue(server, 'charter_messages_total', { type: 'sync_update' })) >= 1,
			'the note to reach the server'
		);
		const before = (await (await api.save(keys.editKey, { label: 'With the secret' })).json()) as {
			id: string;
		};
		notes.delete(5, SECRET.length + 1);
		await waitFor(
			async () =>
				(await metricValue(server, 'charter_messages_total', { type: 'sync_update' })) >= 2,
			'the deletion to reach the server'
		);
		editor.provider.disconnect();
		await unloaded();
		const after = (await (await api.save(keys.editKey, { label: 'Without it' })).json()) as {
			id: string;
		};

		const stateBytes = async (id: string) =>
			new Uint8Array(await (await api.load(keys.viewKey, id)).arrayBuffer());
		const stateAfter = await stateBytes(after.id);
		expect(Buffer.from(stateAfter).includes(SECRET)).toBe(false);
		// Versions are copies of their own: compaction never reaches into them.
		const stateBefore = await stateBytes(before.id);
		expect(Buffer.from(stateBefore).includes(SECRET)).toBe(true);
	});
});
