// A healthy client in a process of its own, so that what it measures is the server's latency and
// not the test process's event loop: it times sync round trips (see ProtocolSocket.roundTrip)
// and prints one `rtt <phase> <ms>` line each. Reads `phase <name>` and `stop` lines on stdin.
import { createInterface } from 'node:readline';
import { ProtocolSocket } from './protocol-client.ts';

const { PROBE_SYNC_URL, PROBE_BOARD_ID, PROBE_KEY } = process.env;
const intervalMs = Number(process.env.PROBE_INTERVAL_MS ?? 10);

let phase = 'idle';
let running = true;
createInterface({ input: process.stdin }).on('line', (line) => {
	const [command, argument] = line.trim().split(' ');
	if (command === 'phase' && argument) phase = argument;
	if (command === 'stop') running = false;
});

const socket = await ProtocolSocket.open(PROBE_SYNC_URL!, PROBE_BOARD_ID!, PROBE_KEY!);
await socket.greeted();
console.log('ready');
while (running && socket.open) {
	try {
		const ms = await socket.roundTrip();
		if (phase !== 'idle') console.log(`rtt ${phase} ${ms.toFixed(3)}`);
	} catch (error) {
		console.log(`error ${error instanceof Error ? error.message : String(error)}`);
	}
	await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
const closed = await socket.closedWithin(0);
if (closed) console.log(`closed ${closed.code}`);
socket.terminate();
process.exit(0);
