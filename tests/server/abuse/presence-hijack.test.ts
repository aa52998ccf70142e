import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from '../../../server/sync/awareness.ts';
import { encodeAwareness } from '../../../server/sync/protocol.ts';
import { generateBoardKeys } from '../../../src/lib/sync/keys.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import { metricValue } from '../../helpers/metrics.ts';
import { ProtocolSocket } from '../../helpers/protocol-client.ts';
import { startServer } from '../../helpers/server.ts';
import { releasedAfterEach } from '../../helpers/test-resources.ts';
import { waitFor } from '../../helpers/wait.ts';

const made = releasedAfterEach();

const ADA = { user: { id: 'user-ada', name: 'Ada', color: '#2563eb' } };
const MALLORY = { user: { id: 'user-ada', name: 'Ada (Mallory)', color: '#2563eb' } };

function nameOf(client: TestClient, clientId: number): string | undefined {
	const state = client.provider.awareness.getStates().get(clientId) as typeof ADA | undefined;
	return state?.user?.name;
}

/** Every name `client` was ever shown for `clientId`. */
function namesSeen(client: TestClient, clientId: number): Set<string> {
	const seen = new Set<string>();
	client.provider.awareness.on('change', () => {
		const name = nameOf(client, clientId);
		if (name) seen.add(name);
	});
	return seen;
}

/** Sends a presence state for someone else's client id, as a view-key attacker would. */
function claim(socket: ProtocolSocket, clientId: number, clock: number): void {
	socket.send(
		encodeAwareness(encodeAwarenessUpdate([{ clientId, clock, state: JSON.stringify(MALLORY) }]))
	);
}

async function notOwnedDrops(): Promise<number> {
	return metricValue(made.server!, 'charter_rejected_total', { reason: 'awareness_not_owner' });
}

/**
 * An editor seen by a view-link observer as Ada, then disconnected and gone from the observer's
 * presence. `beforeLeaving` runs once the observer sees the editor (to start recording).
 */
async function editorThatLeft(
	beforeLeaving: (observer: TestClient, editorId: number) => void = () => {}
) {
	const server = (made.server = await startServer());
	const keys = await generateBoardKeys();
	const editor = connectClient(server, keys.boardId, keys.editKey);
	const observer = connectClient(server, keys.boardId, keys.viewKey);
	made.clients.push(editor, observer);
	await Promise.all([editor.synced(), observer.synced()]);
	const editorId = editor.doc.clientID;
	beforeLeaving(observer, editorId);
	editor.provider.awareness.setLocalState(ADA);
	await waitFor(() => nameOf(observer, editorId) === 'Ada', 'the observer to see the editor');
	editor.provider.disconnect();
	await waitFor(
		() => nameOf(observer, editorId) === undefined,
		'the editor’s presence to be removed'
	);
	return { server, keys, editor, observer, editorId };
}

describe('presence hijack', () => {
	it('fails while an editor reconnects, and the editor’s presence survives the reconnect', async () => {
		let seen = new Set<string>();
		const { server, keys, editor, observer, editorId } = await editorThatLeft(
			(observer, editorId) => (seen = namesSeen(observer, editorId))
		);
		const mallory = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.viewKey);
		made.sockets.push(mallory);
		await mallory.greeted();
		const dropsBefore = await notOwnedDrops();
		claim(mallory, editorId, 1000);
		await waitFor(async () => (await notOwnedDrops()) > dropsBefore, 'the claim to be dropped');

		editor.provider.connect();
		await editor.synced();
		await waitFor(
			() => nameOf(observer, editorId) === 'Ada',
			'the observer to see the editor again after its reconnect'
		);
		editor.provider.awareness.setLocalStateField('focus', { section: 'risks' });
		await waitFor(
			() =>
				(observer.provider.awareness.getStates().get(editorId) as { focus?: unknown })?.focus !==
				undefined,
			'the editor’s next change to reach the observer'
		);
		claim(mallory, editorId, 5000);
		await waitFor(async () => (await notOwnedDrops()) > dropsBefore + 1, 'the next claim dropped');
		await mallory.roundTrip();
		expect(nameOf(observer, editorId)).toBe('Ada');
		expect([...seen]).toEqual(['Ada']);
		expect(mallory.open).toBe(true);
	});

	it('keeps a change an editor makes the moment it reconnects', async () => {
		const { editor, observer, editorId } = await editorThatLeft();

		// The change goes out before anything the room answers to the reconnect can arrive.
		editor.provider.on('status', ({ status }: { status: string }) => {
			if (status === 'connected')
				setImmediate(() => editor.provider.awareness.setLocalStateField('focus', 'risks'));
		});
		editor.provider.connect();
		await editor.synced();
		const focusOf = (client: TestClient) =>
			(client.provider.awareness.getStates().get(editorId) as { focus?: string })?.focus;
		await waitFor(() => focusOf(observer) === 'risks', 'the observer to see the editor’s focus');
		expect(focusOf(editor)).toBe('risks');
		expect(focusOf(observer)).toBe('risks');
	});

	it('lets an editor take back its id from a viewer that claimed it first', async () => {
		const server = (made.server = await startServer());
		const keys = await generateBoardKeys();
		const observer = connectClient(server, keys.boardId, keys.editKey);
		made.clients.push(observer);
		await observer.synced();
		// The editor's id is known before it connects (as after a restart of the server).
		const editorDoc = new Y.Doc();
		const editorId = editorDoc.clientID;
		const mallory = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.viewKey);
		made.sockets.push(mallory);
		await mallory.greeted();
		claim(mallory, editorId, 1000);
		await waitFor(
			() => nameOf(observer, editorId) === 'Ada (Mallory)',
			'the viewer’s claim of an unknown id'
		);

		const editor = connectClient(server, keys.boardId, keys.editKey, editorDoc);
		made.clients.push(editor);
		editor.provider.awareness.setLocalState(ADA);
		await editor.synced();
		await waitFor(() => nameOf(observer, editorId) === 'Ada', 'the editor to take its id back');
		await waitFor(
			() => (editor.provider.awareness.getLocalState() as typeof ADA).user.name === 'Ada',
			'the editor’s own presence to be its own'
		);
		const dropsBefore = await notOwnedDrops();
		claim(mallory, editorId, 9000);
		await waitFor(async () => (await notOwnedDrops()) > dropsBefore, 'the viewer to be refused');
		await mallory.roundTrip();
		expect(nameOf(observer, editorId)).toBe('Ada');
	});
});
