/**
 * A small seeded pseudo-random generator (sfc32), so a failing scenario can be replayed from the
 * seed it prints.
 */
export class Random {
	#a: number;
	#b: number;
	#c: number;
	#d: number;

	constructor(readonly seed: number) {
		this.#a = 0x9e3779b9;
		this.#b = 0x243f6a88;
		this.#c = 0xb7e15162;
		this.#d = seed >>> 0;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		this.#a >>>= 0;
		this.#b >>>= 0;
		this.#c >>>= 0;
		this.#d >>>= 0;
		const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
		this.#d = (this.#d + 1) | 0;
		this.#a = this.#b ^ (this.#b >>> 9);
		this.#b = (this.#c + (this.#c << 3)) | 0;
		this.#c = (this.#c << 21) | (this.#c >>> 11);
		this.#c = (this.#c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One element of a non-empty list. */
	pick<T>(items: readonly T[]): T {
		return items[this.int(0, items.length - 1)]!;
	}

	/** A short random string of letters and spaces that starts with a letter. */
	words(maxLength: number): string {
		const length = this.int(1, maxLength);
		let text = 'abcdefghijklmnopqrstuvwxyz'[this.int(0, 25)]!;
		for (let i = 1; i < length; i++) text += 'abcdefghij klmnopqrstuvwxyz'[this.int(0, 26)];
		return text;
	}
}

/**
 * The base seed of a randomized test: `CHARTER_SEED` when set (to replay a failure), else a
 * fresh one.
 */
export function baseSeed(): number {
	const fromEnv = process.env.CHARTER_SEED;
	if (fromEnv !== undefined && fromEnv !== '') return Number(fromEnv) >>> 0;
	return Math.floor(Math.random() * 2 ** 32);
}

/** Runs `scenario`; when it fails, its error says which seed replays it. */
export async function withSeed<T>(seed: number, scenario: () => Promise<T>): Promise<T> {
	try {
		return await scenario();
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(`${message}\n  replay with CHARTER_SEED=${seed}`, { cause: error });
	}
}
