import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	backspace,
	fromPeer,
	paste,
	peerWindows,
	select,
	textPeers,
	type,
	type TextPeer
} from './plain-text-harness.ts';

type Step =
	| { kind: 'type'; peer: number; text: string }
	| { kind: 'paste'; peer: number; text: string }
	| { kind: 'backspace'; peer: number }
	| { kind: 'select'; peer: number; start: number; end: number }
	| { kind: 'deliver'; pick: number };

const letters = fc.constantFrom('a', 'b', 'X', ' ', 'é', '😀');
const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({
		kind: fc.constant('type' as const),
		peer: fc.nat(),
		text: fc.array(letters, { minLength: 1, maxLength: 4 }).map((keys) => keys.join(''))
	}),
	fc.record({
		kind: fc.constant('paste' as const),
		peer: fc.nat(),
		text: fc.constantFrom('line\nbreak', 'ab', ' two  spaces ')
	}),
	fc.record({ kind: fc.constant('backspace' as const), peer: fc.nat() }),
	fc.record({
		kind: fc.constant('select' as const),
		peer: fc.nat(),
		start: fc.nat(30),
		end: fc.nat(30)
	}),
	fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() })
);

/** An update on its way from one peer to another; delivered in any order, as networks do. */
interface InFlight {
	readonly to: TextPeer;
	readonly update: Uint8Array;
}

const windows = peerWindows(3);
afterAll(() => {
	for (const window of windows) (window as unknown as { close(): void }).close();
});

// Where the caret and the selection of `peer` must be after a change from elsewhere: each end
// kept on its character (a caret on the one to its left, a selection's start on the one to its
// right), as Yjs relative positions keep them.
function anchorsOf(peer: TextPeer) {
	const start = peer.input.selectionStart!;
	const end = peer.input.selectionEnd!;
	const collapsed = start === end;
	return {
		start: Y.createRelativePositionFromTypeIndex(peer.text, start, collapsed ? -1 : 0),
		end: Y.createRelativePositionFromTypeIndex(peer.text, end, -1)
	};
}

function indexOf(position: Y.RelativePosition, doc: Y.Doc): number {
	return Y.createAbsolutePositionFromRelativePosition(position, doc)!.index;
}

function deliver(flight: InFlight): void {
	const { to } = flight;
	const anchors = anchorsOf(to);
	Y.applyUpdate(to.doc, flight.update, fromPeer);
	const start = indexOf(anchors.start, to.doc);
	const end = Math.max(start, indexOf(anchors.end, to.doc));
	expect(to.input.value).toBe(to.text.toString());
	expect([to.input.selectionStart, to.input.selectionEnd]).toEqual([start, end]);
}

function send(peers: readonly TextPeer[], from: TextPeer, inFlight: InFlight[]): void {
	for (const update of from.outbox.splice(0))
		for (const to of peers) if (to !== from) inFlight.push({ to, update });
}

describe('PlainTextBinding with two or three peers typing in one field', () => {
	it('converges, and keeps every caret on its character through changes delivered in any order', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 3 }),
				fc.constantFrom('input' as const, 'textarea' as const),
				fc.array(step, { maxLength: 50 }),
				(count, element, steps) => {
					const peers = textPeers(windows.slice(0, count), 'Second test', element);
					const inFlight: InFlight[] = [];
					for (const next of steps) {
						if (next.kind === 'deliver') {
							if (inFlight.length > 0) deliver(inFlight.splice(next.pick % inFlight.length, 1)[0]!);
							continue;
						}
						const peer = peers[next.peer % count]!;
						if (next.kind === 'type') type(peer, next.text);
						else if (next.kind === 'paste') paste(peer, next.text);
						else if (next.kind === 'backspace') backspace(peer);
						else select(peer, next.start, next.end);
						// What this person sees is what their doc holds: nothing typed is dropped or rewritten.
						expect(peer.input.value).toBe(peer.text.toString());
						expect(peer.input.value).not.toContain('\n');
						send(peers, peer, inFlight);
					}
					while (inFlight.length > 0) deliver(inFlight.shift()!);
					const text = peers[0]!.text.toString();
					for (const peer of peers) {
						expect(peer.text.toString()).toBe(text);
						expect(peer.input.value).toBe(text);
						expect(peer.refused).toEqual([]);
						peer.binding.destroy();
					}
				}
			),
			{ numRuns: 150 }
		);
	}, 120_000);
});
