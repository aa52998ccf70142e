/**
 * A load generator thread: runs the clients of one task (see LoadTask) and reports what they
 * measured. Runs in a worker thread so the clients' Yjs work never shares a thread with the
 * bench's own bookkeeping.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { sleep } from '../lib/proc.ts';
import { openDocClient, openFloorClient, type ClientAddress, type DocClient } from './clients.ts';
import type { LoadTask, WorkerReport } from './tasks.ts';

const port = parentPort!;
// Every y-websocket provider listens for the process's exit: many clients, many listeners.
process.setMaxListeners(0);
const task = workerData as LoadTask;
const clock = () => performance.timeOrigin + performance.now();

function report(message: WorkerReport): void {
	port.postMessage(message);
}

function nextCommand(): Promise<string> {
	return new Promise((resolve) => port.once('message', (message: string) => resolve(message)));
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
	for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * Waits until `doc` holds everything `stateVector` (a `Y.encodeStateVector(…).toString()`)
 * names. At least, not exactly: Charter's server numbers the risks of a board it is sent (its
 * own change), which the other servers do not.
 */
async function holds(doc: Y.Doc, stateVector: string, what: string): Promise<void> {
	const expected = Y.decodeStateVector(Uint8Array.from(stateVector.split(',').map(Number)));
	const covered = () => {
		const now = Y.decodeStateVector(Y.encodeStateVector(doc));
		for (const [client, clock] of expected) if ((now.get(client) ?? 0) < clock) return false;
		return true;
	};
	const deadline = Date.now() + 120_000;
	while (!covered()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(20);
	}
}

async function fanout(task: Extract<LoadTask, { type: 'fanout' }>): Promise<void> {
	const latencies: number[] = [];
	const senders: Array<() => void> = [];
	const stops: Array<() => void> = [];
	if (task.clients[0]?.kind === 'floor') {
		for (const address of task.clients) {
			const frame = new Uint8Array(task.frameBytes);
			const view = new DataView(frame.buffer);
			const client = openFloorClient(address, (data) =>
				latencies.push(clock() - data.readDoubleLE(0))
			);
			await client.opened;
			senders.push(() => {
				view.setFloat64(0, clock(), true);
				client.send(frame);
			});
			stops.push(() => client.destroy());
		}
	} else {
		const clients: DocClient[] = [];
		await inBatches(task.clients, 10, async (address) => {
			const client = openDocClient(address);
			clients.push(client);
			await client.synced;
		});
		clients.forEach((client, i) => {
			const sentAt = client.doc.getMap<number>('sentAt');
			const notes = client.doc.getText('notes');
			const me = `${task.firstIndex + i}`;
			sentAt.observe((event, transaction) => {
				if (transaction.local) return;
				const now = clock();
				for (const key of event.keysChanged) latencies.push(now - sentAt.get(key)!);
			});
			// A small edit, like a risk field or a few characters of text: a send time and 3 letters.
			senders.push(() =>
				client.doc.transact(() => {
					sentAt.set(me, clock());
					notes.insert(Math.floor(Math.random() * (notes.length + 1)), 'abc');
				})
			);
			stops.push(() => client.destroy());
		});
	}
	report({ type: 'ready' });
	const startAt = Number(await nextCommand());
	const interval = 1000 / task.updatesPerSecond;
	const timers: NodeJS.Timeout[] = [];
	let sent = 0;
	await sleep(Math.max(0, startAt - Date.now()));
	senders.forEach((send, i) => {
		// Spread the clients evenly over the interval, as people typing at different moments.
		const phase = ((task.firstIndex + i) / task.totalClients) * interval;
		timers.push(
			setTimeout(() => {
				send();
				sent++;
				timers.push(
					setInterval(() => {
						send();
						sent++;
					}, interval)
				);
			}, phase)
		);
	});
	await sleep(task.durationMs);
	for (const timer of timers) clearTimeout(timer);
	await sleep(task.drainMs);
	const samples = Float64Array.from(latencies);
	port.postMessage({ type: 'done', sent, latencies: samples } satisfies WorkerReport, [
		samples.buffer
	]);
	await nextCommand();
	for (const stop of stops) stop();
}

async function rooms(task: Extract<LoadTask, { type: 'rooms' }>): Promise<void> {
	const seed = task.seedUpdate;
	const seedDoc = new Y.Doc();
	Y.applyUpdate(seedDoc, seed);
	const seedState = Y.encodeStateVector(seedDoc).toString();
	const clients: DocClient[] = [];
	await inBatches(task.rooms, 20, async (addresses: ClientAddress[]) => {
		const [first, ...others] = addresses;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, seed);
		const writer = openDocClient(first!, doc);
		clients.push(writer);
		await writer.synced;
		for (const address of others) {
			const client = openDocClient(address);
			clients.push(client);
			await client.synced;
			await holds(client.doc, seedState, 'a room to sync');
		}
	});
	report({ type: 'ready' });
	await nextCommand();
	for (const client of clients) client.destroy();
}

async function storeBoard(task: Extract<LoadTask, { type: 'store-board' }>): Promise<void> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, task.update);
	const writer = openDocClient(task.address, doc);
	await writer.synced;
	// A second client proves the server holds the whole board before anyone measures.
	const check = openDocClient(task.address);
	await check.synced;
	await holds(check.doc, Y.encodeStateVector(doc).toString(), 'the server to hold the board');
	check.destroy();
	if (!task.keepConnected) writer.destroy();
	report({ type: 'ready' });
	await nextCommand();
	writer.destroy();
}

async function openBoard(task: Extract<LoadTask, { type: 'open-board' }>): Promise<void> {
	const startedAt = clock();
	const client = openDocClient(task.address);
	await client.synced;
	const syncedMs = clock() - startedAt;
	const bytes = client.messageBytes();
	const wireBytes = client.wireBytes();
	await holds(client.doc, task.stateVector, 'the opened board to be complete');
	report({ type: 'opened', syncedMs, bytes, wireBytes });
	await nextCommand();
	client.destroy();
}

async function run(): Promise<void> {
	if (task.type === 'fanout') await fanout(task);
	else if (task.type === 'rooms') await rooms(task);
	else if (task.type === 'store-board') await storeBoard(task);
	else await openBoard(task);
}

run().then(
	() => process.exit(0),
	(error: unknown) => {
		report({ type: 'error', message: error instanceof Error ? error.stack! : String(error) });
		process.exit(1);
	}
);
