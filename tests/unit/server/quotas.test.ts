import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RecentVersionRefusals, versionQuotaRefusal } from '../../../server/api/version-quota.ts';
import { AddressConnections, clientAddress } from '../../../server/client-address.ts';
import { loadConfig } from '../../../server/config.ts';
import { AddressWindow, BoardCreationQuota, DEFAULT_QUOTA_LIMITS } from '../../../server/quotas.ts';
import type { VersionInfo } from '../../../server/store/store.ts';
import {
	baselineVersionId,
	checkpointsToPrune
} from '../../../server/sync/checkpoint-retention.ts';
import { CloseReason } from '../../../server/sync/protocol.ts';
import { EXPLAINED_CLOSE_CODES, serverRefusal } from '../../../src/lib/sync/server-refusals.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const silent = pino({ level: 'silent' });

function version(id: string, createdAt: number, overrides: Partial<VersionInfo> = {}): VersionInfo {
	return { id, label: id, kind: 'auto', createdAt, createdBy: null, bytes: 100, ...overrides };
}

describe('BoardCreationQuota', () => {
	it('refuses a board past MAX_BOARDS, counting those the store already holds', async () => {
		const quota = new BoardCreationQuota(
			{ ...DEFAULT_QUOTA_LIMITS, maxBoards: 3 },
			async () => 2,
			silent
		);
		await quota.start();
		expect(quota.claim('203.0.113.1')).toBeNull();
		expect(quota.claim('203.0.113.2')).toBe('tooManyBoards');
		expect(quota.boards).toBe(3);
		quota.stop();
	});

	it('refuses more new boards per address per hour than allowed, then lets it create again', async () => {
		let now = 0;
		const quota = new BoardCreationQuota(
			{ ...DEFAULT_QUOTA_LIMITS, boardsPerAddressPerHour: 2 },
			async () => 0,
			silent,
			() => now
		);
		await quota.start();
		expect([quota.claim('203.0.113.9'), quota.claim('203.0.113.9')]).toEqual([null, null]);
		expect(quota.claim('203.0.113.9')).toBe('boardsPerAddress');
		expect(quota.claim('198.51.100.4')).toBeNull();
		// Exempt addresses (loopback by default) are not counted per address.
		for (let i = 0; i < 5; i++) expect(quota.claim('127.0.0.1')).toBeNull();
		now = HOUR + 1;
		expect(quota.claim('203.0.113.9')).toBeNull();
		quota.stop();
	});
});

describe('AddressWindow', () => {
	it('counts events within the last hour and forgets older ones', () => {
		const window = new AddressWindow();
		window.add('a', 0);
		window.add('a', HOUR / 2);
		expect(window.count('a', HOUR / 2)).toBe(2);
		expect(window.count('a', HOUR + 1)).toBe(1);
		window.sweep(3 * HOUR);
		expect(window.count('a', 3 * HOUR)).toBe(0);
	});
});

describe('versionQuotaRefusal', () => {
	const limits = { maxVersionsPerBoard: 3, versionsPerHour: 2, maxVersionBytesPerBoard: 1_000 };
	const now = 10 * DAY;

	it('lets a board within its quotas save one more', () => {
		expect(
			versionQuotaRefusal([version('a', now - DAY, { kind: 'manual' })], 100, limits, now)
		).toBeNull();
	});

	it('refuses with 507 past the count of saved versions (checkpoints do not count)', () => {
		const saved = ['a', 'b', 'c'].map((id) => version(id, now - DAY, { kind: 'manual' }));
		expect(versionQuotaRefusal(saved, 0, limits, now)).toMatchObject({ status: 507 });
		const checkpoints = ['a', 'b', 'c'].map((id) => version(id, now - DAY));
		expect(versionQuotaRefusal(checkpoints, 0, limits, now)).toBeNull();
	});

	it('refuses with 429 and a Retry-After past the hourly rate', () => {
		const recent = [
			version('a', now - 50 * 60_000, { kind: 'manual' }),
			version('b', now - 10 * 60_000, { kind: 'manual' })
		];
		const refusal = versionQuotaRefusal(recent, 0, limits, now);
		expect(refusal).toMatchObject({ status: 429, retryAfterSeconds: 10 * 60 });
		expect(refusal!.error).toMatch(/last hour/);
	});

	it('refuses with 507 when the versions would pass their bytes', () => {
		const big = [version('a', now - DAY, { bytes: 900 })];
		expect(versionQuotaRefusal(big, 200, limits, now)).toMatchObject({ status: 507 });
		expect(versionQuotaRefusal(big, 100, limits, now)).toBeNull();
	});
});

describe('RecentVersionRefusals', () => {
	it('keeps refusing a board until its Retry-After has passed, counting down', () => {
		const refusals = new RecentVersionRefusals();
		refusals.record('board', { status: 429, error: 'rate', retryAfterSeconds: 600 }, 0);
		expect(refusals.standing('board', 60_000)).toMatchObject({
			status: 429,
			retryAfterSeconds: 540
		});
		expect(refusals.standing('other', 60_000)).toBeNull();
		expect(refusals.standing('board', 600_000)).toBeNull();
	});

	it('asks the store again a minute after a board was found full', () => {
		const refusals = new RecentVersionRefusals();
		refusals.record('board', { status: 507, error: 'full' }, 0);
		expect(refusals.standing('board', 59_000)).toMatchObject({ status: 507 });
		expect(refusals.standing('board', 60_000)).toBeNull();
	});
});

describe('checkpointsToPrune', () => {
	const now = Date.UTC(2026, 5, 30, 12);

	it('keeps every checkpoint of the last day', () => {
		const versions = [1, 2, 3, 4].map((h) => version(`v${h}`, now - h * HOUR));
		expect(checkpointsToPrune(versions, now, new Set())).toEqual([]);
	});

	it('keeps the newest of each day for a month, then the newest of each week', () => {
		const versions = [
			version('day2-late', now - 2 * DAY + HOUR),
			version('day2-early', now - 2 * DAY - HOUR),
			version('day5-a', Date.UTC(2026, 5, 25, 10)),
			version('day5-b', Date.UTC(2026, 5, 25, 9)),
			// Two in the week of Monday 6 April 2026, more than a month ago.
			version('old-week-newest', Date.UTC(2026, 3, 9)),
			version('old-week-oldest', Date.UTC(2026, 3, 6)),
			version('older-week', Date.UTC(2026, 3, 3))
		];
		expect(checkpointsToPrune(versions, now, new Set()).sort()).toEqual(
			['day2-early', 'day5-b', 'old-week-oldest'].sort()
		);
	});

	it('never prunes a labelled version or the baseline', () => {
		const versions = [
			version('checkpoint-newest', Date.UTC(2026, 5, 20, 18)),
			version('baseline', Date.UTC(2026, 5, 20, 12)),
			version('saved', Date.UTC(2026, 5, 20, 9), { kind: 'manual' }),
			version('checkpoint-oldest', Date.UTC(2026, 5, 20, 6))
		];
		expect(checkpointsToPrune(versions, now, new Set(['baseline']))).toEqual(['checkpoint-oldest']);
	});

	it('reads the baseline id from a board state', () => {
		const doc = new Y.Doc();
		expect(baselineVersionId(Y.encodeStateAsUpdate(doc))).toBeNull();
		doc.getMap('meta').set('baselineVersionId', 'v'.repeat(21));
		expect(baselineVersionId(Y.encodeStateAsUpdate(doc))).toBe('v'.repeat(21));
	});
});

describe('clientAddress', () => {
	const request = (remoteAddress: string, forwarded?: string) =>
		({
			socket: { remoteAddress },
			headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }
		}) as unknown as IncomingMessage;

	it('is the peer address, IPv4 written as IPv4', () => {
		expect(clientAddress(request('::ffff:203.0.113.5'), false)).toBe('203.0.113.5');
		expect(clientAddress(request('2001:db8::1', '198.51.100.1'), false)).toBe('2001:db8::1');
	});

	it('behind a trusted proxy, is the last X-Forwarded-For entry, which the client cannot forge', () => {
		const forged = request('127.0.0.1', '10.0.0.1, 203.0.113.7');
		expect(clientAddress(forged, true)).toBe('203.0.113.7');
		expect(clientAddress(request('127.0.0.1', 'garbage'), true)).toBe('127.0.0.1');
	});
});

describe('AddressConnections', () => {
	it('bounds open connections per address, except for exempt ones', () => {
		const connections = new AddressConnections(2, ['127.0.0.1']);
		expect([connections.acquire('a'), connections.acquire('a'), connections.acquire('a')]).toEqual([
			true,
			true,
			false
		]);
		connections.release('a');
		expect(connections.acquire('a')).toBe(true);
		for (let i = 0; i < 5; i++) expect(connections.acquire('127.0.0.1')).toBe(true);
		expect(connections.openFrom('127.0.0.1')).toBe(5);
	});
});

describe('server refusals in the client', () => {
	it('explains every close code of admission and quotas, and tells final from transient', () => {
		const serverCodes = Object.values(CloseReason)
			.map((entry) => entry.code)
			.filter((code) => code >= 4400);
		expect([...new Set(serverCodes)].sort()).toEqual([...EXPLAINED_CLOSE_CODES].sort());
		expect(serverRefusal(CloseReason.boardFull.code)).toMatchObject({ final: true });
		expect(serverRefusal(CloseReason.boardFull.code)!.message).toMatch(/this board is full/i);
		expect(serverRefusal(CloseReason.boardsPerAddress.code)).toMatchObject({ final: false });
		expect(serverRefusal(1006)).toBeNull();
	});
});

describe('issue-14 configuration', () => {
	it('reads the defaults, and stops with one line naming a bad variable', () => {
		const config = loadConfig({});
		expect(config.MAX_BOARD_BYTES).toBe(64 * 1024 * 1024);
		expect(config.QUOTA_EXEMPT_ADDRESSES).toEqual(['127.0.0.1', '::1']);
		expect(loadConfig({ QUOTA_EXEMPT_ADDRESSES: 'none' }).QUOTA_EXEMPT_ADDRESSES).toEqual([]);
		expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
		expect(() => loadConfig({ MAX_BOARDS: '0' })).toThrow(/MAX_BOARDS/);
		expect(() => loadConfig({ QUOTA_EXEMPT_ADDRESSES: 'localhost' })).toThrow(
			/QUOTA_EXEMPT_ADDRESSES/
		);
		expect(() =>
			loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' })
		).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
	});
});
