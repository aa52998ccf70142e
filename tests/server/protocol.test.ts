import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from '../../server/sync/awareness.ts';
import { ConnectionBudget, DEFAULT_LIMITS, TokenBucket } from '../../server/limits.ts';
import {
	CLOSE_CODES,
	CloseReason,
	decodeMessage,
	encodeAwareness,
	MalformedMessageError
} from '../../server/sync/protocol.ts';

describe('decoding never reads past the message', () => {
	// ws hands over messages as views into larger buffers: a length that runs past the view but
	// not past the buffer must fail, not read the neighbouring bytes.
	function viewInside(message: number[], neighbours: number[]): Uint8Array {
		const buffer = Uint8Array.from([...message, ...neighbours]);
		return buffer.subarray(0, message.length);
	}

	it('refuses a sync payload whose length runs past the message', () => {
		const frame = viewInside([0, 2, 10, 1, 2], [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(() => decodeMessage(frame)).toThrow(MalformedMessageError);
	});

	it('refuses an awareness state whose length runs past the message', () => {
		const state = [...new TextEncoder().encode('{"a":1}')];
		const update = viewInside(
			[1, 5, 1, 20, ...state],
			[...new TextEncoder().encode('xxxxxxxxxxxxxx')]
		);
		expect(() => decodeAwarenessUpdate(update)).toThrow(MalformedMessageError);
	});

	it('refuses awareness states that are not UTF-8 JSON, and keeps their size', () => {
		const good = encodeAwarenessUpdate([{ clientId: 1, clock: 2, state: '{"name":"Ada"}' }]);
		expect(decodeAwarenessUpdate(good)).toEqual([
			{ clientId: 1, clock: 2, state: '{"name":"Ada"}', bytes: 14 }
		]);
		expect(() => decodeAwarenessUpdate(Uint8Array.of(1, 1, 1, 2, 0xff, 0xfe))).toThrow(
			MalformedMessageError
		);
		const notJson = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: '{nope' }]);
		expect(() => decodeMessage(encodeAwareness(notJson))).not.toThrow();
		expect(() => decodeAwarenessUpdate(notJson)).toThrow(MalformedMessageError);
	});
});

describe('CloseReason', () => {
	it('uses only the codes of issues 5 and 14 and RFC 6455', () => {
		expect([...CLOSE_CODES].sort()).toEqual([
			1001, 1002, 1003, 1006, 1007, 1009, 1011, 1013, 4400, 4409, 4413, 4415, 4422, 4429, 4507, 4529
		]);
		expect(CloseReason.rateLimited.code).toBe(4429);
		expect(CloseReason.roomFull.code).toBe(1013);
		expect(CloseReason.slowConsumer.code).toBe(1013);
	});
});

describe('TokenBucket', () => {
	it('gives a burst, then refills at its rate up to its capacity', () => {
		const bucket = new TokenBucket(3, 10, 0);
		expect([bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0)]).toEqual([
			true,
			true,
			true,
			false
		]);
		expect(bucket.take(1, 100)).toBe(true); // 100 ms at 10/s is one token
		expect(bucket.take(1, 100)).toBe(false);
		expect(bucket.take(3, 10_000)).toBe(true); // never more than the capacity
		expect(bucket.take(1, 10_000)).toBe(false);
	});

	it('takes nothing when it refuses', () => {
		const bucket = new TokenBucket(10, 1, 0);
		expect(bucket.take(11, 0)).toBe(false);
		expect(bucket.take(10, 0)).toBe(true);
	});
});

describe('ConnectionBudget', () => {
	it('holds a connection to 1,000 messages and 8 MiB in a burst by default', () => {
		const budget = new ConnectionBudget(DEFAULT_LIMITS, 0);
		let admitted = 0;
		while (budget.admit(10, 0)) admitted++;
		expect(admitted).toBe(1_000);
		const bytes = new ConnectionBudget(DEFAULT_LIMITS, 0);
		expect(bytes.admit(8 * 1024 * 1024, 0)).toBe(true);
		expect(bytes.charge(1, 0)).toBe(false);
		expect(bytes.charge(1024 * 1024, 500)).toBe(true); // 0.5 s at 2 MiB/s
	});
});
