import * as Y from 'yjs';
import { pino } from 'pino';
import { Metrics } from '../server/metrics.ts';
import { SqliteStore } from '../server/store/sqlite.ts';
import { Room } from '../server/sync/room.ts';
import { DEFAULT_LIMITS } from '../server/limits.ts';
import { encodeSync, SyncStep, decodeMessage } from '../server/sync/protocol.ts';
import { mkdtempSync } from 'node:fs';
const store = new SqliteStore({ dataDir: mkdtempSync('/tmp/exp/prof-') });
const metrics = new Metrics();
const room = await Room.load('board-aaaaaaaaaaaaaaaaa', {
	store,
	metrics,
	logger: pino({ level: 'silent' }),
	limits: DEFAULT_LIMITS,
	compactAfterUpdates: Number(process.env.COMPACT ?? 500)
});
const peers = Array.from({ length: 3 }, () => ({ send() {}, close() {} }));
for (const p of peers) room.join(p);
for (let round = 0; round < 5; round++) {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(encodeSync(SyncStep.update, u)));
	for (let i = 0; i < 1000; i++) doc.getArray('p').push([i]);
	const t0 = performance.now();
	for (const frame of updates) {
		const m = decodeMessage(frame);
		if (m.kind === 'sync' && m.step === 'update') room.applyUpdate(peers[0]!, m.update);
	}
	const t1 = performance.now();
	await room.settled();
	const t2 = performance.now();
	console.log(`apply ${(t1 - t0).toFixed(1)} ms, queue ${(t2 - t1).toFixed(1)} ms`);
}
