import * as encoding from 'lib0/encoding';

// What the client and the server agree on at the wire, beside y-protocols' own messages: plain
// TypeScript, imported by both (server/sync/protocol.ts has the server's side of the protocol).

/** The subprotocol Charter speaks; a client must offer it and the server answers with it. */
export const PROTOCOL = 'charter.v1';

/** Prefix of the subprotocol entry that carries a capability key. */
export const KEY_PROTOCOL_PREFIX = 'key.';

/** The subprotocols a client offers to open a board with `key`. */
export function subprotocols(key: string): string[] {
	return [PROTOCOL, `${KEY_PROTOCOL_PREFIX}${key}`];
}

/**
 * The message type of Charter's heartbeat, beside y-websocket's sync (0) and awareness (1) and
 * far from the types y-protocols uses (0–3). A heartbeat is `[type, varuint id]`; the server
 * answers it with the same bytes once everything sent before it is stored (see
 * server/sync/protocol.ts, where the server's message types are listed).
 */
export const HEARTBEAT_MESSAGE = 100;

/** Encodes a heartbeat: the client's question and, with the same id, the server's answer. */
export function encodeHeartbeat(id: number): Uint8Array<ArrayBuffer> {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, HEARTBEAT_MESSAGE);
	encoding.writeVarUint(encoder, id);
	// lib0 copies the bytes into a new ArrayBuffer (never a shared one), as WebSocket.send wants.
	return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>;
}
