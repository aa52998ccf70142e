import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { ROOT_KEYS } from '../../src/lib/board/index.ts';
import { encodeAwarenessUpdate } from '../../server/sync/awareness.ts';
import {
	decodeMessage,
	encodeAwareness,
	encodeSync,
	MessageKind,
	SyncStep
} from '../../server/sync/protocol.ts';

/** The kinds of garbage the fuzzer sends. */
export const GARBAGE_CATEGORIES = [
	'random-bytes',
	'truncated-varint',
	'oversized-varint',
	'unknown-type',
	'trailing-bytes',
	'text-frame',
	'invalid-utf8-text',
	'corrupt-update',
	'corrupt-state-vector',
	'broken-awareness',
	'oversized-frame',
	'broken-framing'
] as const;

/** A kind of garbage. */
export type GarbageCategory = (typeof GARBAGE_CATEGORIES)[number];

/** One fuzzed frame and how to send it. */
export interface Garbage {
	category: GarbageCategory;
	bytes: Uint8Array;
	/** A binary or text websocket message, or raw bytes under the websocket framing. */
	sendAs: 'binary' | 'text' | 'raw';
	/** True when no server may accept it: its connection must be closed. */
	mustClose: boolean;
	/** Which key sends it; garbage that happens to be a real edit goes through a viewer. */
	key: 'edit' | 'view';
}

type Draft = Omit<Garbage, 'key'>;

const varint = (value: number) => {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, value);
	return encoding.toUint8Array(encoder);
};
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
const binary = (category: GarbageCategory, mustClose: boolean) => (frame: Uint8Array) =>
	({ category, bytes: frame, sendAs: 'binary', mustClose }) satisfies Draft;

const MESSAGE_PREFIXES = [[], [0], [0, 0], [0, 1], [0, 2], [1]].map((p) => Uint8Array.from(p));
const PAYLOAD_PREFIXES = [[0, 0], [0, 1], [0, 2], [1]].map((p) => Uint8Array.from(p));

const randomBytes = bytes(200).map(binary('random-bytes', false));

// A varint whose continuation bit never ends, at any level of the message.
const truncatedVarint = fc
	.tuple(
		fc.constantFrom(...MESSAGE_PREFIXES),
		fc.uint8Array({ minLength: 1, maxLength: 12, min: 0x80, max: 0xff })
	)
	.map(([prefix, tail]) => concat(prefix, tail))
	.map(binary('truncated-varint', true));

// A length that claims more bytes than follow, or a number past 2^53.
const oversizedVarint = fc
	.oneof(
		fc
			.tuple(fc.constantFrom(...PAYLOAD_PREFIXES), bytes(50), fc.integer({ min: 1, max: 2 ** 31 }))
			.map(([prefix, body, extra]) => concat(prefix, varint(body.length + extra), body)),
		fc
			.constantFrom(...PAYLOAD_PREFIXES)
			.map((prefix) => concat(prefix, new Uint8Array(10).fill(0xff), Uint8Array.of(0x01)))
	)
	.map(binary('oversized-varint', true));

const unknownType = fc
	.oneof(
		fc
			.tuple(fc.integer({ min: 2, max: 2 ** 31 }), bytes(50))
			.filter(([kind]) => kind !== MessageKind.heartbeat)
			.map(([kind, tail]) => concat(varint(kind), tail)),
		fc
			.tuple(fc.integer({ min: 3, max: 2 ** 20 }), bytes(50))
			.map(([step, tail]) => concat(Uint8Array.of(0), varint(step), tail))
	)
	.map(binary('unknown-type', true));

const VALID_MESSAGES = [
	encodeSync(SyncStep.step1, Uint8Array.of(0)),
	encodeAwareness(encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: '{}' }]))
];
const trailingBytes = fc
	.tuple(fc.constantFrom(...VALID_MESSAGES), fc.uint8Array({ minLength: 1, maxLength: 20 }))
	.map(([message, tail]) => concat(message, tail))
	.map(binary('trailing-bytes', true));

const textFrame = fc.string({ maxLength: 100 }).map((text): Draft => ({
	category: 'text-frame',
	bytes: new TextEncoder().encode(text),
	sendAs: 'text',
	mustClose: true
}));

const invalidUtf8Text = fc
	.tuple(bytes(40), fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xf8, 0x88]))
	.map(([body, bad]): Draft => ({
		category: 'invalid-utf8-text',
		bytes: concat(
			body.filter((b) => b < 0x80),
			Uint8Array.from(bad)
		),
		sendAs: 'text',
		mustClose: true
	}));

const corruptUpdate = (updates: readonly Uint8Array[]) =>
	fc
		.tuple(
			fc.constantFrom(...updates),
			fc.constantFrom(SyncStep.update, SyncStep.step2),
			fc.oneof(
				fc.nat().map((cut) => (update: Uint8Array) => update.slice(0, cut % update.length)),
				fc
					.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
						minLength: 1,
						maxLength: 4
					})
					.map((flips) => (update: Uint8Array) => {
						const copy = update.slice();
						for (const [at, xor] of flips) copy[at % copy.length]! ^= xor;
						return copy;
					}),
				fc.tuple(fc.nat(), bytes(16)).map(([at, inserted]) => (update: Uint8Array) => {
					const cut = at % update.length;
					return concat(update.slice(0, cut), inserted, update.slice(cut));
				})
			)
		)
		.map(([update, step, mutate]) => encodeSync(step, mutate(update)))
		.map(binary('corrupt-update', false));

const corruptStateVector = bytes(30)
	.map((vector) => encodeSync(SyncStep.step1, vector))
	.map(binary('corrupt-state-vector', false));

const VALID_AWARENESS = encodeAwarenessUpdate([
	{ clientId: 77, clock: 3, state: '{"user":{"name":"x"}}' }
]);
const awarenessEntry = (state: Uint8Array) =>
	concat(varint(1234), varint(1), varint(state.length), state);
const brokenAwareness = fc
	.oneof(
		fc
			.constantFrom('{not json', '', '{"a":', 'undefined', "{'a':1}")
			.map((text) => concat(varint(1), awarenessEntry(new TextEncoder().encode(text)))),
		fc
			.constantFrom([0xff, 0xfe], [0x7b, 0xc0, 0x7d])
			.map((bad) => concat(varint(1), awarenessEntry(Uint8Array.from(bad)))),
		fc
			.integer({ min: 2, max: 2 ** 31 })
			.map((count) => concat(varint(count), awarenessEntry(Uint8Array.from([0x7b, 0x7d])))),
		fc.nat({ max: VALID_AWARENESS.length - 1 }).map((cut) => VALID_AWARENESS.slice(0, cut)),
		bytes(3).map((tail) => concat(encodeAwarenessUpdate([]), Uint8Array.of(1), tail))
	)
	.map((update) => encodeAwareness(update))
	.map(binary('broken-awareness', true));

/** Frames over the server's MAX_MESSAGE_BYTES (the garbage test runs the server with 64 KiB). */
const oversizedFrame = fc
	.tuple(fc.integer({ min: 65_537, max: 80_000 }), fc.integer({ min: 0, max: 255 }))
	.map(([size, fill]) => new Uint8Array(size).fill(fill))
	.map(binary('oversized-frame', true));

const mask = Uint8Array.of(0, 0, 0, 0);
const brokenFraming = fc
	.oneof(
		// A client frame without the mask bit.
		bytes(20).map((body) => concat(Uint8Array.of(0x82, body.length), body)),
		// Reserved opcodes.
		fc
			.tuple(fc.constantFrom(3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf), bytes(20))
			.map(([op, body]) => concat(Uint8Array.of(0x80 | op, 0x80 | body.length), mask, body)),
		// RSV bits with no extension negotiated.
		fc
			.tuple(fc.constantFrom(0x40, 0x20, 0x10), bytes(20))
			.map(([rsv, body]) => concat(Uint8Array.of(0x80 | rsv | 2, 0x80 | body.length), mask, body)),
		// A control frame over 125 bytes, a fragmented control frame, a stray continuation.
		fc.constant(concat(Uint8Array.of(0x89, 0x80 | 126, 0, 200), mask, new Uint8Array(200))),
		fc.constant(concat(Uint8Array.of(0x09, 0x80), mask)),
		fc.constant(concat(Uint8Array.of(0x80, 0x80 | 3), mask, Uint8Array.of(1, 2, 3)))
	)
	.map((frame): Draft => ({
		category: 'broken-framing',
		bytes: frame,
		sendAs: 'raw',
		mustClose: true
	}));

/** The fuzzer's frames, weighted towards the ones that exercise the server's own decoding. */
export function garbageArbitrary(updates: readonly Uint8Array[]): fc.Arbitrary<Draft> {
	return fc.oneof(
		{ arbitrary: randomBytes, weight: 15 },
		{ arbitrary: truncatedVarint, weight: 8 },
		{ arbitrary: oversizedVarint, weight: 8 },
		{ arbitrary: unknownType, weight: 8 },
		{ arbitrary: trailingBytes, weight: 6 },
		{ arbitrary: textFrame, weight: 4 },
		{ arbitrary: invalidUtf8Text, weight: 4 },
		{ arbitrary: corruptUpdate(updates), weight: 20 },
		{ arbitrary: corruptStateVector, weight: 6 },
		{ arbitrary: brokenAwareness, weight: 12 },
		{ arbitrary: oversizedFrame, weight: 1 },
		{ arbitrary: brokenFraming, weight: 8 }
	);
}

/**
 * Whether `frame` is an update that would change `board` (as a copy of it shows): such a frame is
 * an edit, not garbage, and only a viewer may send it without changing the board.
 */
export function wouldEdit(board: Y.Doc, frame: Uint8Array): boolean {
	let message;
	try {
		message = decodeMessage(frame);
	} catch {
		return false;
	}
	if (message.kind !== 'sync' || message.step === 'step1') return false;
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(board));
	const before = Y.encodeStateVector(copy);
	const jsonBefore = boardJson(copy);
	try {
		Y.applyUpdate(copy, message.update);
	} catch {
		// Whatever it integrated before failing still counts.
	}
	const changed =
		Buffer.compare(Y.encodeStateVector(copy), before) !== 0 || boardJson(copy) !== jsonBefore;
	copy.destroy();
	return changed;
}

/**
 * Every top-level map of a board as JSON text with sorted keys, to compare two copies of it
 * (a Y.Map lists its keys in the order this copy learnt them, which differs between peers).
 */
export function boardJson(doc: Y.Doc): string {
	const roots = Object.values(ROOT_KEYS).map((key) => [key, doc.getMap(key).toJSON()]);
	return JSON.stringify(Object.fromEntries(roots), (_key, value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
			: value
	);
}

/** `count` garbage frames from `seed`, each with the key it is sent with. */
export function garbageFrames(
	seed: number,
	count: number,
	board: Y.Doc,
	updates: readonly Uint8Array[]
): Garbage[] {
	const drafts = fc.sample(fc.tuple(garbageArbitrary(updates), fc.boolean()), {
		seed,
		numRuns: count
	});
	return drafts.map(([draft, viaEditor]) => ({
		...draft,
		key: viaEditor && !wouldEdit(board, draft.bytes) ? 'edit' : 'view'
	}));
}
