import { describe, expect, it } from 'vitest';
import {
	boardStreamKey,
	compareStreamIds,
	firstEntryId,
	parseStreamFields,
	streamFields
} from '../../../server/bus/redis-stream.ts';

const asBuffers = (fields: Array<string | Buffer>) =>
	fields.map((field) => (typeof field === 'string' ? Buffer.from(field) : field));

describe('stream ids', () => {
	it('compare by milliseconds, then by sequence, as numbers', () => {
		expect(compareStreamIds('10-0', '9-5')).toBe(1);
		expect(compareStreamIds('9-5', '10-0')).toBe(-1);
		expect(compareStreamIds('5-10', '5-9')).toBe(1);
		expect(compareStreamIds('1795978393471-0', '1795978393471-0')).toBe(0);
		expect(compareStreamIds('0-0', '1-0')).toBe(-1);
	});
});

describe('stream entries', () => {
	it('carry the node, the kind and the bytes there and back', () => {
		const payload = Uint8Array.of(0, 255, 10, 13);
		for (const kind of ['update', 'awareness', 'resync'] as const) {
			const fields = asBuffers(streamFields({ node: 'node-1', kind, payload }));
			expect(parseStreamFields(fields)).toEqual({ node: 'node-1', kind, payload });
		}
	});

	it('are not messages when a field is missing or the kind is unknown', () => {
		expect(parseStreamFields(asBuffers(['n', 'node-1', 'd', 'x']))).toBeNull();
		expect(parseStreamFields(asBuffers(['n', 'node-1', 'k', 'z', 'd', 'x']))).toBeNull();
		expect(parseStreamFields(asBuffers(['w', '1']))).toBeNull();
	});

	it('live in one stream per board', () => {
		expect(boardStreamKey('abc')).toBe('charter:board:abc');
	});
});

describe('firstEntryId', () => {
	it('reads the oldest entry of an XINFO STREAM reply, or null for an empty stream', () => {
		expect(firstEntryId(['length', 2, 'first-entry', ['5-1', ['d', 'x']], 'groups', 0])).toBe(
			'5-1'
		);
		expect(firstEntryId(['length', 0, 'first-entry', null])).toBeNull();
		expect(firstEntryId(null)).toBeNull();
	});
});
