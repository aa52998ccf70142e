import { afterEach } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	createBoard,
	readCharterSection,
	type CharterSection
} from '../../../src/lib/board/index.ts';
import {
	mountRichTextField,
	type MountedRichTextField
} from '../../../src/lib/editor/rich-text-field.ts';

/** Origin of updates that arrive from the other peer, as the websocket provider's would be. */
export const fromPeer = Symbol('from-peer');

/** One person's browser: a board doc with its awareness, and the fields mounted on it. */
export interface Peer {
	readonly doc: Y.Doc;
	readonly awareness: Awareness;
	readonly fields: MountedRichTextField[];
}

/** Two peers on one kickoff board, exchanging every update as soon as it is made. */
export function connectedPeers(): [Peer, Peer] {
	const first = createBoard('kickoff');
	const second = new Y.Doc();
	Y.applyUpdate(second, Y.encodeStateAsUpdate(first), fromPeer);
	relay(first, second);
	relay(second, first);
	return [peer(first), peer(second)];
}

function peer(doc: Y.Doc): Peer {
	return { doc, awareness: new Awareness(doc), fields: [] };
}

function relay(from: Y.Doc, to: Y.Doc): void {
	from.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== fromPeer) Y.applyUpdate(to, update, fromPeer);
	});
}

/** The Y.XmlText of a charter section. */
export function sectionText(peer: Peer, section: CharterSection = 'background'): Y.XmlText {
	const text = readCharterSection(peer.doc, section);
	if (!text) throw new Error(`no charter section ${section}`);
	return text;
}

/** Mounts an editable field on a charter section of `peer`'s doc, in a fresh element. */
export function mountField(
	peer: Peer,
	section: CharterSection = 'background',
	options: { editable?: boolean } = {}
): MountedRichTextField {
	const root = document.createElement('div');
	const cursors = document.createElement('div');
	document.body.append(root, cursors);
	const field = mountRichTextField({
		root,
		cursors,
		xmlText: sectionText(peer, section),
		fieldId: `charter:${section}`,
		provider: { awareness: peer.awareness },
		focus: { section: 'charter', id: section },
		editable: options.editable ?? true
	});
	peer.fields.push(field);
	return field;
}

/**
 * Gives a test file `twoPeers()`: connected peers that are torn down after each test.
 * Call once at the top of the file.
 */
export function peersTornDownAfterEach(): () => [Peer, Peer] {
	let peers: Peer[] = [];
	afterEach(() => {
		teardown(...peers);
		peers = [];
	});
	return () => {
		const pair = connectedPeers();
		peers.push(...pair);
		return pair;
	};
}

/** Unmounts every field and releases the peers. */
export function teardown(...peers: Peer[]): void {
	for (const peer of peers) {
		for (const field of peer.fields.splice(0)) {
			field.editor.getRootElement()?.remove();
			field.destroy();
		}
		peer.awareness.destroy();
	}
	document.body.replaceChildren();
}

/** Lets Lexical commit the updates it batched (remote changes are applied that way). */
export function settle(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The text an editor shows. */
export function shownText(field: MountedRichTextField): string {
	return field.editor.getRootElement()?.textContent ?? '';
}
