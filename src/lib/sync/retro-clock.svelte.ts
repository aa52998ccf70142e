import * as z from 'zod';

/** One measurement of this device's clock against the server's. */
export interface ClockSample {
	/** Server time minus local time, in ms. */
	readonly offset: number;
	/** How long the request took; the shorter, the more the offset can be trusted. */
	readonly roundTrip: number;
}

const serverTimeSchema = z.object({ now: z.number().nonnegative() });

/** A fetch-like function: the browser's fetch, or a fake in tests. */
export type FetchTime = (url: string) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/**
 * Asks the server for its time. The answer was stamped somewhere between sending and
 * receiving; assuming the middle (as NTP does) errs by at most half the round trip.
 */
export async function sampleServerClock(
	fetchTime: FetchTime,
	now: () => number = Date.now
): Promise<ClockSample> {
	const sent = now();
	const response = await fetchTime('/api/time');
	if (!response.ok) throw new Error('the server did not tell its time');
	const { now: serverNow } = serverTimeSchema.parse(await response.json());
	const received = now();
	return { offset: serverNow - (sent + received) / 2, roundTrip: received - sent };
}

/** Takes `count` samples and keeps the one with the shortest round trip. */
export async function measureClockOffset(
	fetchTime: FetchTime,
	count = 4,
	now: () => number = Date.now
): Promise<ClockSample> {
	let best: ClockSample | null = null;
	for (let i = 0; i < count; i++) {
		const sample = await sampleServerClock(fetchTime, now);
		if (best === null || sample.roundTrip < best.roundTrip) best = sample;
	}
	return best!;
}

const REMEASURE_MS = 5 * 60_000;

/**
 * The server's clock as this device estimates it, so a countdown ends at the same instant on
 * every device whatever their own clocks say. Until a measurement succeeds (offline), the local
 * clock stands in. Browser only.
 */
export class ServerClock {
	#offset = $state(0);
	#measured = $state(false);
	readonly #fetchTime: FetchTime;
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(fetchTime: FetchTime = (url) => fetch(url, { cache: 'no-store' })) {
		this.#fetchTime = fetchTime;
	}

	/** Server time minus local time, in ms. */
	get offset(): number {
		return this.#offset;
	}

	/** True once the offset was measured against the server. */
	get measured(): boolean {
		return this.#measured;
	}

	/** The server's current time as estimated here. */
	now(): number {
		return Date.now() + this.#offset;
	}

	/** Measures again; a failure keeps the previous estimate. */
	async measure(): Promise<void> {
		try {
			const sample = await measureClockOffset(this.#fetchTime);
			this.#offset = Math.round(sample.offset);
			this.#measured = true;
		} catch {
			// Offline or an old server: the last estimate (or the local clock) will do.
		}
	}

	/** Measures now, every few minutes, and whenever the browser comes back online. */
	start(): void {
		void this.measure();
		this.#timer = setInterval(() => void this.measure(), REMEASURE_MS);
		addEventListener('online', this.#onOnline);
	}

	/** Stops measuring. */
	destroy(): void {
		if (this.#timer !== null) clearInterval(this.#timer);
		removeEventListener('online', this.#onOnline);
	}

	#onOnline = () => void this.measure();
}
