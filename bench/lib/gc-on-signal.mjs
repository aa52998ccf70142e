// Preloaded into every server the bench starts (NODE_OPTIONS="--expose-gc --import=…"), so the
// many-rooms scenario can ask for a full garbage collection before it reads resident memory:
// SIGUSR2 collects, then prints one line with what V8 holds, which the bench waits for. Plain
// JavaScript, so it loads before any TypeScript loader does.
import { getHeapSpaceStatistics } from 'node:v8';

// Several collections a moment apart: V8 returns freed pages to the system only over more than one.
const collect = async () => {
	for (let i = 0; i < 3; i++) {
		globalThis.gc?.();
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
};

process.on('SIGUSR2', async () => {
	await collect();
	const spaces = Object.fromEntries(
		getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size])
	);
	const memory = { ...process.memoryUsage(), spaces };
	process.stderr.write(`bench: gc done ${JSON.stringify(memory)}\n`);
});
