import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { HEARTBEAT_MESSAGE } from '../../src/lib/sync/wire.ts';

export { encodeHeartbeat, KEY_PROTOCOL_PREFIX, PROTOCOL } from '../../src/lib/sync/wire.ts';

/**
 * Top-level message types: y-websocket's `sync` (0) and `awareness` (1), and Charter's own
 * `heartbeat`, far from the types y-protocols uses (0–3).
 *
 * A heartbeat is `[heartbeat, varuint id]`; the server answers it with the same message once
 * every store write queued before it on the board has finished (the room's one serial queue).
 * One connection's messages are handled in order, so the answer proves two things to the client:
 * the server is alive, and every update it sent before the heartbeat is durable on the server.
 * Only Charter's client sends it, and the server never sends one unasked, so a stock y-websocket
 * client never sees one (DESIGN.md §5). Sync step 1 could not serve: its answer says what the
 * client lacks, not what the server holds (a state vector would miss deletions, which only
 * touch the delete set), it costs a diff of the board, and it cannot be told from the provider's
 * own step 1s.
 */
export const MessageKind = { sync: 0, awareness: 1, heartbeat: HEARTBEAT_MESSAGE } as const;

/** Sync sub-messages of y-protocols. */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

/**
 * Why a socket is closed, with its code (RFC 6455 and private 4xxx). `invalidUtf8` and
 * `tooLarge` are sent by ws itself; `noHeartbeat` terminates without a close frame, so the peer
 * sees 1006.
 */
export const CloseReason = {
	goingAway: { code: 1001, reason: 'server shutting down' },
	malformed: { code: 1002, reason: 'malformed message' },
	unsupportedData: { code: 1003, reason: 'binary messages only' },
	noHeartbeat: { code: 1006, reason: 'no pong' },
	invalidUtf8: { code: 1007, reason: 'invalid UTF-8' },
	tooLarge: { code: 1009, reason: 'message too large' },
	internal: { code: 1011, reason: 'internal error' },
	storeFailed: { code: 1011, reason: 'the board could not be stored' },
	roomFull: { code: 1013, reason: 'board full, try again later' },
	slowConsumer: { code: 1013, reason: 'too far behind, reconnect' },
	rateLimited: { code: 4429, reason: 'rate limit exceeded' },
	// Update admission and quotas (update-admission.ts, pending.ts, quotas.ts). 44xx: a stock
	// y-websocket client does not reconnect; 45xx: it tries again later.
	updateTooLarge: { code: 4400, reason: 'update too large once decoded' },
	tooMuchPending: { code: 4409, reason: 'too many changes waiting for missing ones' },
	boardFull: { code: 4413, reason: 'this board is full' },
	subdocument: { code: 4415, reason: 'sub-documents are not accepted' },
	tooDeep: { code: 4422, reason: 'update nests too deep' },
	applyBudget: { code: 4429, reason: 'updates take too long to apply' },
	tooManyBoards: { code: 4507, reason: 'this server holds as many boards as it may' },
	boardsPerAddress: { code: 4529, reason: 'too many new boards from this address, try later' }
} as const;

/** One of the reasons in CloseReason. */
export type CloseReasonName = keyof typeof CloseReason;

/** Every code the server closes a socket with. */
export const CLOSE_CODES: ReadonlySet<number> = new Set(
	Object.values(CloseReason).map((entry) => entry.code)
);

/** Thrown when a message does not follow the protocol. */
export class MalformedMessageError extends Error {
	override name = 'MalformedMessageError';
}

/** A decoded client message. Payloads are views into the received frame. */
export type ClientMessage =
	| { kind: 'sync'; step: 'step1'; stateVector: Uint8Array }
	| { kind: 'sync'; step: 'step2' | 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'heartbeat'; id: number };

/** Decodes one binary frame; throws MalformedMessageError when it is not a known message. */
export function decodeMessage(frame: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(frame);
		const kind = decoding.readVarUint(decoder);
		let message: ClientMessage;
		if (kind === MessageKind.sync) {
			const step = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (step === SyncStep.step1) message = { kind: 'sync', step: 'step1', stateVector: payload };
			else if (step === SyncStep.step2) message = { kind: 'sync', step: 'step2', update: payload };
			else if (step === SyncStep.update)
				message = { kind: 'sync', step: 'update', update: payload };
			else throw new MalformedMessageError(`unknown sync step ${step}`);
		} else if (kind === MessageKind.awareness) {
			message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
		} else if (kind === MessageKind.heartbeat) {
			message = { kind: 'heartbeat', id: decoding.readVarUint(decoder) };
		} else {
			throw new MalformedMessageError(`unknown message type ${kind}`);
		}
		if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes');
		return message;
	} catch (error) {
		if (error instanceof MalformedMessageError) throw error;
		throw new MalformedMessageError('truncated message', { cause: error });
	}
}

/** Encodes a sync message of the given step around a payload. */
export function encodeSync(step: (typeof SyncStep)[keyof typeof SyncStep], payload: Uint8Array) {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageKind.sync);
	encoding.writeVarUint(encoder, step);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** Encodes an awareness message around an awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageKind.awareness);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}
