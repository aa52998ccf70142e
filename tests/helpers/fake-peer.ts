import type { RoomPeer } from '../../server/sync/room.ts';
import {
	decodeMessage,
	type ClientMessage,
	type CloseReasonName
} from '../../server/sync/protocol.ts';
import type { Capability } from '../../src/lib/sync/keys.ts';

/** The payload of an unmasked binary frame made by `binaryFrame` (server/sync/frame.ts). */
function payloadOf(frame: Buffer): Uint8Array {
	const length = frame[1]!;
	return frame.subarray(length < 126 ? 2 : length === 126 ? 4 : 10);
}

/**
 * A connection without a socket, for the room's unit tests: it records every message the room
 * sends it, decoded, and every reason it was closed with.
 */
export class FakePeer implements RoomPeer {
	readonly received: ClientMessage[] = [];
	readonly closedWith: CloseReasonName[] = [];

	constructor(
		readonly name: string,
		readonly capability: Capability = 'edit'
	) {}

	/** {@inheritDoc RoomPeer.send} */
	send(message: Uint8Array): void {
		this.received.push(decodeMessage(message));
	}

	/** {@inheritDoc RoomPeer.sendFrame} */
	sendFrame(frame: Buffer): void {
		this.received.push(decodeMessage(payloadOf(frame)));
	}

	/** {@inheritDoc RoomPeer.close} */
	close(reason: CloseReasonName): void {
		this.closedWith.push(reason);
	}

	/** The board updates relayed to it, as plain arrays of bytes. */
	get updates(): number[][] {
		return this.received.flatMap((message) =>
			message.kind === 'sync' && message.step === 'update' ? [[...message.update]] : []
		);
	}

	/** The ids of the heartbeats it was answered. */
	get heartbeats(): number[] {
		return this.received.flatMap((message) => (message.kind === 'heartbeat' ? [message.id] : []));
	}
}
