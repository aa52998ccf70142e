import * as decoding from 'lib0/decoding';
import { MalformedMessageError } from './protocol.ts';

/**
 * What an update carries, read from its bytes without building any of it: how many structs,
 * whether it holds sub-documents, what it would cost in memory once applied, and whether it
 * nests Y types (which `type-depth.ts` then measures against the board).
 */
export interface UpdateShape {
	/** Structs the update carries: items, garbage-collected ranges and skips. */
	structs: number;
	/** Items whose content is a sub-document (Yjs ContentDoc): Charter's schema has none. */
	subdocuments: number;
	/** Estimated JavaScript heap the update takes once applied (see HEAP_COST). */
	heapBytes: number;
	/** Deepest nesting of arrays and objects inside one value (JSON-like item content). */
	valueDepth: number;
	/** True when some new Y type is placed inside another type rather than at the root. */
	nestsTypes: boolean;
}

/**
 * Heap bytes an applied struct costs, measured with `node --expose-gc` on Yjs 13.6 (an Item
 * with its ID and content object; a Y type with its maps and event handlers; a sub-document
 * with its whole Y.Doc), plus what its values hold. The figures are rounded up: admission
 * compares their sum with the update's size (MAX_UPDATE_EXPANSION).
 */
export const HEAP_COST = {
	item: 200,
	gc: 64,
	/** The content object of a list of values (JSON, any) or of a format, embed or binary. */
	valueList: 150,
	type: 480,
	subdocument: 2_400,
	value: 16,
	container: 180,
	/** Per byte of string, JSON or binary content. */
	byte: 1
} as const;

/** Content kinds of an item, by the low five bits of its info byte (Yjs `contentRefs`). */
const Content = {
	deleted: 1,
	json: 2,
	binary: 3,
	string: 4,
	embed: 5,
	format: 6,
	type: 7,
	any: 8,
	doc: 9
} as const;

/** Info byte of a skipped range (Yjs `Skip`), and the bits that say what an item header holds. */
const SKIP = 10;
const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_PARENT_SUB = 0b0010_0000;
const CONTENT_BITS = 0b0001_1111;

/** Type refs whose encoding carries a name (Yjs `typeRefs`): XmlElement and XmlHook. */
const NAMED_TYPE_REFS: ReadonlySet<number> = new Set([3, 5]);

/**
 * Reads the structure of a Yjs update (format v1, what y-websocket sends) without building
 * it. Throws MalformedMessageError when the bytes are not an update Yjs could read, so the
 * caller refuses it as it would any malformed message. Costs one pass over the bytes and
 * allocates nothing per struct.
 */
export function readUpdateShape(update: Uint8Array): UpdateShape {
	const reader = new ShapeReader(update);
	try {
		reader.read();
	} catch (error) {
		if (error instanceof MalformedMessageError) throw error;
		throw new MalformedMessageError('the update cannot be read', { cause: error });
	}
	return reader.shape;
}

class ShapeReader {
	readonly shape: UpdateShape = {
		structs: 0,
		subdocuments: 0,
		heapBytes: 0,
		valueDepth: 0,
		nestsTypes: false
	};
	readonly #decoder: decoding.Decoder;

	constructor(update: Uint8Array) {
		this.#decoder = decoding.createDecoder(update);
	}

	read(): void {
		const clients = this.#uint();
		for (let c = 0; c < clients; c++) {
			const structs = this.#uint();
			this.#uint(); // client
			this.#uint(); // first clock
			for (let s = 0; s < structs; s++) this.#struct();
		}
		this.#deleteSet();
	}

	#struct(): void {
		const shape = this.shape;
		shape.structs++;
		const info = this.#byte();
		if (info === SKIP || (info & CONTENT_BITS) === 0) {
			this.#uint(); // length of the skipped or collected range
			shape.heapBytes += HEAP_COST.gc;
			return;
		}
		shape.heapBytes += HEAP_COST.item;
		if (info & HAS_ORIGIN) this.#id();
		if (info & HAS_RIGHT_ORIGIN) this.#id();
		const placedByParent = (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0;
		let parentIsRoot = false;
		if (placedByParent) {
			parentIsRoot = this.#uint() === 1;
			if (parentIsRoot) this.#skipString();
			else this.#id();
			if (info & HAS_PARENT_SUB) this.#skipString();
		}
		this.#content(info & CONTENT_BITS, placedByParent && parentIsRoot);
	}

	#content(kind: number, atRoot: boolean): void {
		const shape = this.shape;
		switch (kind) {
			case Content.deleted:
				this.#uint();
				return;
			case Content.json: {
				shape.heapBytes += HEAP_COST.valueList;
				const values = this.#uint();
				for (let i = 0; i < values; i++) shape.heapBytes += HEAP_COST.value + this.#skipString();
				return;
			}
			case Content.string:
				shape.heapBytes += this.#skipString();
				return;
			case Content.binary:
			case Content.embed:
				shape.heapBytes += HEAP_COST.valueList + this.#skipString();
				return;
			case Content.format:
				shape.heapBytes += HEAP_COST.valueList + this.#skipString() + this.#skipString();
				return;
			case Content.type: {
				const typeRef = this.#uint();
				if (NAMED_TYPE_REFS.has(typeRef)) shape.heapBytes += this.#skipString();
				shape.heapBytes += HEAP_COST.type;
				if (!atRoot) shape.nestsTypes = true;
				return;
			}
			case Content.any: {
				shape.heapBytes += HEAP_COST.valueList;
				const values = this.#uint();
				for (let i = 0; i < values; i++) this.#skipAny();
				return;
			}
			case Content.doc:
				shape.subdocuments++;
				shape.heapBytes += HEAP_COST.subdocument + this.#skipString();
				this.#skipAny();
				return;
			default:
				throw new MalformedMessageError(`unknown content kind ${kind}`);
		}
	}

	// Values nest (arrays, objects): walked with a stack of what is left at each level rather
	// than by recursion, so a deeply nested value cannot exhaust the stack here. An object's
	// entries are a key and a value in turn.
	#skipAny(): void {
		const shape = this.shape;
		const levels: Array<{ left: number; keyed: boolean }> = [{ left: 1, keyed: false }];
		while (levels.length > 0) {
			const level = levels[levels.length - 1]!;
			if (level.left === 0) {
				levels.pop();
				continue;
			}
			level.left--;
			if (level.keyed) shape.heapBytes += this.#skipString();
			shape.heapBytes += HEAP_COST.value;
			const tag = this.#byte();
			switch (tag) {
				case 127: // undefined
				case 126: // null
				case 121: // false
				case 120: // true
					break;
				case 125:
					decoding.readVarInt(this.#decoder);
					break;
				case 124:
					this.#skip(4);
					break;
				case 123:
				case 122:
					this.#skip(8);
					break;
				case 119: // a string
				case 116: // a Uint8Array
					shape.heapBytes += this.#skipString();
					break;
				case 118: // an object
				case 117: {
					// an array
					const count = this.#uint();
					shape.heapBytes += HEAP_COST.container;
					if (levels.length > shape.valueDepth) shape.valueDepth = levels.length;
					if (count > 0) levels.push({ left: count, keyed: tag === 118 });
					break;
				}
				default:
					throw new MalformedMessageError(`unknown value tag ${tag}`);
			}
		}
	}

	#deleteSet(): void {
		const clients = this.#uint();
		for (let c = 0; c < clients; c++) {
			this.#uint(); // client
			const ranges = this.#uint();
			for (let r = 0; r < ranges; r++) {
				this.#uint();
				this.#uint();
			}
		}
	}

	#id(): void {
		this.#uint();
		this.#uint();
	}

	#uint(): number {
		return decoding.readVarUint(this.#decoder);
	}

	#byte(): number {
		const decoder = this.#decoder;
		if (decoder.pos >= decoder.arr.length) throw new MalformedMessageError('truncated update');
		return decoder.arr[decoder.pos++]!;
	}

	// Skips a length-prefixed string or byte array; returns its length in bytes.
	#skipString(): number {
		const length = this.#uint();
		this.#skip(length);
		return length * HEAP_COST.byte;
	}

	#skip(bytes: number): void {
		const decoder = this.#decoder;
		if (decoder.pos + bytes > decoder.arr.length) {
			throw new MalformedMessageError('truncated update');
		}
		decoder.pos += bytes;
	}
}
