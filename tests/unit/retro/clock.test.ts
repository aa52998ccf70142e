import { describe, expect, it } from 'vitest';
import {
	measureClockOffset,
	sampleServerClock,
	type FetchTime
} from '../../../src/lib/sync/retro-clock.svelte.ts';
import { elapsedFraction, formatRemaining } from '../../../src/lib/components/retro/timer.ts';

/**
 * A fake network and clocks: the local clock runs `skew` ms behind the server's, and each
 * request takes `delays[i]` ms there and back (split evenly unless `asymmetric`).
 */
function fakeNetwork(skew: number, delays: number[]) {
	let local = 1_700_000_000_000;
	let call = 0;
	const now = () => local;
	const fetchTime: FetchTime = async (url) => {
		expect(url).toBe('/api/time');
		const delay = delays[call++ % delays.length]!;
		local += delay / 2;
		const serverNow = local + skew;
		local += delay / 2;
		return { ok: true, json: async () => ({ now: serverNow }) };
	};
	return { now, fetchTime };
}

describe('clock offset against the server', () => {
	it('measures how far the server clock is ahead, from the middle of the round trip', async () => {
		const { now, fetchTime } = fakeNetwork(90_000, [40]);
		const sample = await sampleServerClock(fetchTime, now);
		expect(sample).toEqual({ offset: 90_000, roundTrip: 40 });
	});

	it('measures a clock that runs ahead of the server as a negative offset', async () => {
		const { now, fetchTime } = fakeNetwork(-3_600_000, [10]);
		expect((await sampleServerClock(fetchTime, now)).offset).toBe(-3_600_000);
	});

	it('keeps the sample with the shortest round trip', async () => {
		const { now, fetchTime } = fakeNetwork(5_000, [400, 12, 250, 90]);
		const best = await measureClockOffset(fetchTime, 4, now);
		expect(best.roundTrip).toBe(12);
		expect(best.offset).toBe(5_000);
	});

	it('fails on an answer that is not a time, so the last estimate stays', async () => {
		const fetchTime: FetchTime = async () => ({ ok: true, json: async () => ({ now: 'soon' }) });
		await expect(sampleServerClock(fetchTime)).rejects.toThrow();
		const down: FetchTime = async () => ({ ok: false, json: async () => ({}) });
		await expect(sampleServerClock(down)).rejects.toThrow();
	});
});

describe('countdown display', () => {
	it('shows m:ss rounded up, and 0:00 only once time is up', () => {
		expect(formatRemaining(5 * 60_000)).toBe('5:00');
		expect(formatRemaining(61_001)).toBe('1:02');
		expect(formatRemaining(1)).toBe('0:01');
		expect(formatRemaining(0)).toBe('0:00');
		expect(formatRemaining(-5_000)).toBe('0:00');
	});

	it('shows how much of the countdown passed', () => {
		expect(elapsedFraction(0, 100, 25)).toBe(0.25);
		expect(elapsedFraction(0, 100, 500)).toBe(1);
		expect(elapsedFraction(null, 100, 50)).toBe(0);
	});
});
