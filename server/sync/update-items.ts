import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './protocol.ts';

/** How an item of an update says where it goes. */
export type Placement =
	/** Directly in a root type (`doc.get(name)`). */
	| { kind: 'root' }
	/** In the type held by the item with this id. */
	| { kind: 'parent'; client: number; clock: number }
	/** Next to the item with this id, in the same type; else next to `alternative`. */
	| { kind: 'beside'; client: number; clock: number; alternative: Placement | null };

/** One item of an update: its clock range, where it goes and whether it holds a Y type. */
export interface ItemRecord {
	clock: number;
	length: number;
	isType: boolean;
	placement: Placement;
	/** Depth of the type the item goes into, once type-depth.ts resolved it. */
	parentDepth?: number;
}

/** The clocks one client's structs cover in an update. */
export interface ClientRange {
	start: number;
	end: number;
	/** True when a skipped range (a gap Yjs fills with a Skip) lies inside. */
	gaps: boolean;
	/** Where the first gap starts, when there is one. */
	gapAt?: number;
}

/** An update read struct by struct, without building any of it. */
export interface UpdateItems {
	/** The items of each client, in clock order (collected ranges and skips left out). */
	items: Map<number, ItemRecord[]>;
	ranges: Map<number, ClientRange>;
	/** Ranges the update deletes. */
	deletes: Array<{ client: number; clock: number; length: number }>;
}

/** Info bits of an item header (Yjs `Item.write`). */
const SKIP = 10;
const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_PARENT_SUB = 0b0010_0000;
const CONTENT_BITS = 0b0001_1111;
const TYPE_CONTENT = 7;
/** Type refs whose encoding carries a name (Yjs `typeRefs`): XmlElement and XmlHook. */
const NAMED_TYPE_REFS: ReadonlySet<number> = new Set([3, 5]);

/**
 * Reads every struct of a Yjs update (format v1): each item's id range, where it goes and
 * whether it holds a Y type, and the delete set. Content is read where its clock length depends
 * on it (strings count UTF-16 units, as Yjs does), else skipped. Throws MalformedMessageError
 * when the bytes are not an update.
 */
export function readUpdateItems(update: Uint8Array): UpdateItems {
	try {
		return readItems(decoding.createDecoder(update));
	} catch (error) {
		throw new MalformedMessageError('the update cannot be read', { cause: error });
	}
}

/** The item of `items` (one client's, in clock order) whose range holds `clock`, if any. */
export function findItem(
	items: readonly ItemRecord[] | undefined,
	clock: number
): ItemRecord | null {
	if (!items) return null;
	let low = 0;
	let high = items.length - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const item = items[middle]!;
		if (clock < item.clock) high = middle - 1;
		else if (clock >= item.clock + item.length) low = middle + 1;
		else return item;
	}
	return null;
}

/**
 * What a board stored as one update holds, read in one pass: whether everything in it can be
 * integrated (no struct waits for one the update lacks, no delete names an unknown struct) and
 * its state vector (what `Y.encodeStateVectorFromUpdate` answers), so a resting board costs
 * no second pass to greet a peer.
 */
export function inspectStoredUpdate(update: Uint8Array): {
	complete: boolean;
	stateVector: Uint8Array;
} {
	const { items, ranges, deletes } = readUpdateItems(update);
	const has = (client: number, clock: number) => {
		const range = ranges.get(client);
		return range !== undefined && range.start === 0 && !range.gaps && clock < range.end;
	};
	let complete = true;
	for (const [client, range] of ranges) {
		if (range.start !== 0 || range.gaps) complete = false;
		if (!complete) break;
		for (const item of items.get(client) ?? []) {
			if (!placementKnown(item.placement, has)) {
				complete = false;
				break;
			}
		}
	}
	for (const range of deletes) {
		if (!complete) break;
		if (!has(range.client, range.clock + range.length - 1)) complete = false;
	}
	return { complete, stateVector: stateVectorOf(ranges) };
}

function placementKnown(
	placement: Placement,
	has: (client: number, clock: number) => boolean
): boolean {
	if (placement.kind === 'root') return true;
	if (!has(placement.client, placement.clock)) return false;
	return placement.kind === 'parent' || placement.alternative === null
		? true
		: placementKnown(placement.alternative, has);
}

// What Yjs's encodeStateVectorFromUpdate writes: per client whose structs start at 0, the clock
// up to the first gap.
function stateVectorOf(ranges: ReadonlyMap<number, ClientRange>): Uint8Array {
	const entries = [...ranges].filter(
		([, range]) => range.start === 0 && (range.gapAt ?? range.end) > 0
	);
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [client, range] of entries) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, range.gapAt ?? range.end);
	}
	return encoding.toUint8Array(encoder);
}

function readItems(decoder: decoding.Decoder): UpdateItems {
	const uint = () => decoding.readVarUint(decoder);
	const skipBytes = () => {
		const length = uint();
		if (decoder.pos + length > decoder.arr.length) throw new Error('truncated update');
		decoder.pos += length;
	};
	const items = new Map<number, ItemRecord[]>();
	const ranges = new Map<number, ClientRange>();
	const clients = uint();
	for (let c = 0; c < clients; c++) {
		const structs = uint();
		const client = uint();
		let clock = uint();
		let records = items.get(client);
		if (!records) items.set(client, (records = []));
		const range: ClientRange = ranges.get(client) ?? { start: clock, end: clock, gaps: false };
		if (clock !== range.end) {
			range.gapAt ??= range.end;
			range.gaps = true;
		}
		ranges.set(client, range);
		for (let s = 0; s < structs; s++) {
			const info = decoding.readUint8(decoder);
			if (info === undefined) throw new Error('truncated update');
			if (info === SKIP || (info & CONTENT_BITS) === 0) {
				if (info === SKIP) {
					range.gapAt ??= clock;
					range.gaps = true;
				}
				clock += uint();
				continue;
			}
			const placement = readPlacement(info, uint, skipBytes);
			const kind = info & CONTENT_BITS;
			const length = readContentLength(decoder, kind, skipBytes);
			records.push({ clock, length, isType: kind === TYPE_CONTENT, placement });
			clock += length;
		}
		range.end = clock;
	}
	const deletes: UpdateItems['deletes'] = [];
	const deleteClients = uint();
	for (let c = 0; c < deleteClients; c++) {
		const client = uint();
		const count = uint();
		for (let d = 0; d < count; d++) deletes.push({ client, clock: uint(), length: uint() });
	}
	return { items, ranges, deletes };
}

function readPlacement(info: number, uint: () => number, skipBytes: () => void): Placement {
	const origin = info & HAS_ORIGIN ? { client: uint(), clock: uint() } : null;
	const rightOrigin = info & HAS_RIGHT_ORIGIN ? { client: uint(), clock: uint() } : null;
	if (origin || rightOrigin) {
		// Yjs takes the parent of the left neighbour, else of the right one.
		const first = (origin ?? rightOrigin)!;
		const second = origin && rightOrigin ? rightOrigin : null;
		return {
			kind: 'beside',
			...first,
			alternative: second ? { kind: 'beside', ...second, alternative: null } : null
		};
	}
	const placement: Placement =
		uint() === 1
			? (skipBytes(), { kind: 'root' })
			: { kind: 'parent', client: uint(), clock: uint() };
	if (info & HAS_PARENT_SUB) skipBytes();
	return placement;
}

// The clock length of an item's content, reading past it (Yjs `contentRefs` and `getLength`).
function readContentLength(decoder: decoding.Decoder, kind: number, skipBytes: () => void): number {
	switch (kind) {
		case 1: // deleted
			return decoding.readVarUint(decoder);
		case 2: {
			// JSON: a count of strings
			const count = decoding.readVarUint(decoder);
			for (let i = 0; i < count; i++) skipBytes();
			return count;
		}
		case 3: // binary
		case 5: // embed
			skipBytes();
			return 1;
		case 4: // string: its length in UTF-16 units, as Yjs counts it
			return decoding.readVarString(decoder).length;
		case 6: // format: a key and a value
			skipBytes();
			skipBytes();
			return 1;
		case TYPE_CONTENT:
			if (NAMED_TYPE_REFS.has(decoding.readVarUint(decoder))) skipBytes();
			return 1;
		case 8: {
			// any: a count of values
			const count = decoding.readVarUint(decoder);
			for (let i = 0; i < count; i++) decoding.readAny(decoder);
			return count;
		}
		case 9: // doc: a guid and options
			skipBytes();
			decoding.readAny(decoder);
			return 1;
		default:
			throw new Error(`unknown content kind ${kind}`);
	}
}
