import { startServer, type RunningServer } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { Store } from '../../server/store/store.ts';

/** A Charter server inside the test process, over a store the test hands it. */
export interface InProcessServer {
	readonly httpUrl: string;
	readonly syncUrl: string;
	readonly running: RunningServer;
	close(): Promise<void>;
}

/**
 * Starts the real server code (sync, health, metrics; not the app) on a free loopback port,
 * over `store`. For tests that need a store to misbehave; everything else runs a real process.
 */
export async function startInProcessServer(
	store: Store,
	env: Record<string, string> = {}
): Promise<InProcessServer> {
	const config = loadConfig({
		HOST: '127.0.0.1',
		PORT: '0',
		LOG_LEVEL: 'silent',
		ROOM_UNLOAD_DELAY_MS: '100',
		...env
	});
	const running = await startServer(config, createLogger(config.LOG_LEVEL), {
		store,
		serveApp: false
	});
	return {
		httpUrl: `http://127.0.0.1:${running.port}`,
		syncUrl: `ws://127.0.0.1:${running.port}/sync`,
		running,
		close: () => running.close()
	};
}
