// Preloaded into a test server (NODE_OPTIONS="--expose-gc --import=…") so a memory test can ask
// for a full garbage collection before it reads resident memory: SIGUSR2 collects, then prints
// one line the test waits for. Plain JavaScript: it loads before tsx does.
process.on('SIGUSR2', () => {
	globalThis.gc?.();
	process.stderr.write('charter-test: gc done\n');
});
