import * as Y from 'yjs';

/** How long a board stays built as a Y.Doc after its last change before it rests as bytes. */
export const REST_AFTER_MS = 1_000;

/** Never wait longer than this to rest, however long the board took to build. */
const MAX_REST_AFTER_MS = 30_000;

/** The state vector of an empty document: a peer that has nothing. */
export const EMPTY_STATE_VECTOR = Uint8Array.of(0);

/** An update that holds nothing: what a client with an empty document answers sync step 1 with. */
export function isEmptyUpdate(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * A board's Yjs state inside a room, built as a Y.Doc only while it is being edited. A board that
 * nobody changes rests as the one encoded update the store holds: a Y.Doc costs some 20 times its
 * encoded size in memory, and most loaded boards are idle tabs. Peers that sync with a resting
 * board are answered from the bytes (`Y.diffUpdate`), so opening a stored board needs no Y.Doc.
 */
export class BoardState {
	#doc: Y.Doc | null = null;
	#bytes: Uint8Array | null = null;
	#bytesStateVector: Uint8Array | null = null;
	#restTimer: NodeJS.Timeout | null = null;
	/** How long the last build took: a board that is slow to build waits longer to rest. */
	#buildMs = 0;

	/**
	 * `onBuilt` is called with each Y.Doc this state builds, before its bytes are applied to it
	 * with `origin`.
	 */
	constructor(
		private readonly onBuilt: (doc: Y.Doc) => void,
		private readonly origin: unknown,
		private readonly restAfterMs = REST_AFTER_MS
	) {}

	/**
	 * Starts resting as `bytes`, a single update holding the whole board; `stateVector` is its
	 * state vector when the caller already read it (else it is computed when first needed).
	 */
	restAs(bytes: Uint8Array, stateVector?: Uint8Array): void {
		this.#drop();
		this.#bytes = bytes;
		this.#bytesStateVector = stateVector ?? null;
	}

	/** True while the board is held as bytes, with no Y.Doc. */
	get resting(): boolean {
		return this.#doc === null;
	}

	/** The size of the encoded board while it rests (null while it is built as a Y.Doc). */
	get restingBytes(): number | null {
		return this.#doc ? null : (this.#bytes?.length ?? null);
	}

	/** The board as a Y.Doc, built from its bytes if it was resting. */
	get doc(): Y.Doc {
		return this.#doc ?? this.#build();
	}

	/** The board's state vector. */
	stateVector(): Uint8Array {
		if (this.#doc) return Y.encodeStateVector(this.#doc);
		this.#bytesStateVector ??= Y.encodeStateVectorFromUpdate(this.#bytes!);
		return this.#bytesStateVector;
	}

	/** What a peer at `stateVector` lacks, as one update. */
	missing(stateVector: Uint8Array): Uint8Array {
		if (this.#doc) return Y.encodeStateAsUpdate(this.#doc, stateVector);
		// A peer with nothing gets the stored bytes as they are: no decoding, no re-encoding.
		if (sameBytes(stateVector, EMPTY_STATE_VECTOR)) return this.#bytes!;
		return Y.diffUpdate(this.#bytes!, stateVector);
	}

	/**
	 * Rests the board once it has not changed for a while and `settled` resolved (everything the
	 * doc holds is stored), then calls `rested`. Called after every change; each call restarts
	 * the wait.
	 */
	restWhenIdle(settled: () => Promise<void>, rested: () => void = () => {}): void {
		if (this.#restTimer) clearTimeout(this.#restTimer);
		const wait = Math.min(MAX_REST_AFTER_MS, Math.max(this.restAfterMs, 20 * this.#buildMs));
		const timer = setTimeout(async () => {
			await settled();
			if (this.#restTimer !== timer || !this.#doc) return;
			this.#restTimer = null;
			const bytes = Y.encodeStateAsUpdate(this.#doc);
			this.#doc.destroy();
			this.#doc = null;
			this.#bytes = bytes;
			this.#bytesStateVector = null;
			rested();
		}, wait);
		timer.unref();
		this.#restTimer = timer;
	}

	/** Frees the state (at unload). */
	destroy(): void {
		this.#drop();
		this.#bytes = null;
	}

	#build(): Y.Doc {
		const started = performance.now();
		const doc = new Y.Doc();
		this.onBuilt(doc);
		if (this.#bytes) Y.applyUpdate(doc, this.#bytes, this.origin);
		this.#buildMs = performance.now() - started;
		this.#doc = doc;
		this.#bytes = null;
		this.#bytesStateVector = null;
		return doc;
	}

	#drop(): void {
		if (this.#restTimer) clearTimeout(this.#restTimer);
		this.#restTimer = null;
		this.#doc?.destroy();
		this.#doc = null;
	}
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
