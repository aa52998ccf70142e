import type { BusKind } from './bus.ts';

/** Key of a board's stream. */
export function boardStreamKey(boardId: string): string {
	return `charter:board:${boardId}`;
}

/** Key of a node's wake-up stream, written to make its blocked reader read again. */
export function wakeStreamKey(nodeId: string): string {
	return `charter:node:${nodeId}`;
}

/** The id before every entry of a stream. */
export const STREAM_START = '0-0';

/** Compares two stream ids (`<ms>-<seq>`) as Redis orders them. */
export function compareStreamIds(a: string, b: string): number {
	const [aMs, aSeq] = a.split('-').map(BigInt) as [bigint, bigint];
	const [bMs, bSeq] = b.split('-').map(BigInt) as [bigint, bigint];
	if (aMs !== bMs) return aMs < bMs ? -1 : 1;
	if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
	return 0;
}

/**
 * What a stream entry carries: the node that stored and sent it, what it is, and its bytes.
 * `resync` tells the readers that the sender could not publish some of what it stored (its
 * queue overflowed while Redis was away), so they catch up from the store.
 */
export interface StreamMessage {
	node: string;
	kind: BusKind | 'resync';
	payload: Uint8Array;
}

const KIND_CODES = { update: 'u', awareness: 'a', resync: 'r' } as const;
const KINDS_BY_CODE = new Map<string, StreamMessage['kind']>(
	Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as StreamMessage['kind']])
);

/** The field list XADD takes for a message. */
export function streamFields(message: StreamMessage): Array<string | Buffer> {
	return [
		'n',
		message.node,
		'k',
		KIND_CODES[message.kind],
		'd',
		Buffer.from(message.payload.buffer, message.payload.byteOffset, message.payload.length)
	];
}

/** Reads an entry's fields back; null when they are not a message (another writer's entry). */
export function parseStreamFields(fields: readonly Buffer[]): StreamMessage | null {
	let node: string | undefined;
	let kind: StreamMessage['kind'] | undefined;
	let payload: Uint8Array | undefined;
	for (let i = 0; i + 1 < fields.length; i += 2) {
		const name = fields[i]!.toString();
		const value = fields[i + 1]!;
		if (name === 'n') node = value.toString();
		else if (name === 'k') kind = KINDS_BY_CODE.get(value.toString());
		else if (name === 'd') payload = new Uint8Array(value.buffer, value.byteOffset, value.length);
	}
	if (node === undefined || kind === undefined || payload === undefined) return null;
	return { node, kind, payload };
}

/** One field of an XINFO STREAM reply (a flat list of names and values), or undefined. */
export function streamInfoField(info: unknown, name: string): unknown {
	if (!Array.isArray(info)) return undefined;
	for (let i = 0; i + 1 < info.length; i += 2) {
		if (String(info[i]) === name) return info[i + 1];
	}
	return undefined;
}

/** The id of a stream's oldest entry, from an XINFO STREAM reply; null when it has none. */
export function firstEntryId(info: unknown): string | null {
	const first = streamInfoField(info, 'first-entry');
	if (!Array.isArray(first) || first.length === 0) return null;
	return String(first[0]);
}
