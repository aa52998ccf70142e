/**
 * Websocket frames built once and written as they are to every peer. A server's frames are never
 * masked (RFC 6455 §5.1) and Charter negotiates no extension (perMessageDeflate is off), so a
 * binary frame is the same bytes for every socket: a relay to 50 peers frames its message once
 * instead of 50 times, and each peer costs one socket write of a shared buffer.
 */

const FIN_BINARY = 0x82;

/** A complete, unmasked, final binary frame around `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
	const length = payload.length;
	const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(headerLength + length);
	frame[0] = FIN_BINARY;
	if (length < 126) {
		frame[1] = length;
	} else if (length < 65_536) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeBigUInt64BE(BigInt(length), 2);
	}
	frame.set(payload, headerLength);
	return frame;
}
