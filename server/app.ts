import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { loadAppHandler, requestListener } from './http.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { SqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';
import { SyncServer } from './sync/sync-server.ts';

/** The parts a running Charter server is made of. */
export interface CharterServices {
	store: Store;
	metrics: Metrics;
	sync: SyncServer;
	/** Stops syncing, stores and unloads every board, and closes the store. */
	close(): Promise<void>;
}

/** Creates the store, metrics and sync server from the configuration. */
export function createServices(config: Config, logger: Logger): CharterServices {
	const store = new SqliteStore({ dataDir: config.DATA_DIR, durability: config.DURABILITY });
	const metrics = new Metrics();
	const sync = new SyncServer({
		store,
		metrics,
		logger,
		allowedOrigins: config.ALLOWED_ORIGINS,
		maxMessageBytes: config.MAX_MESSAGE_BYTES,
		roomUnloadDelayMs: config.ROOM_UNLOAD_DELAY_MS,
		compactAfterUpdates: config.COMPACT_AFTER_UPDATES
	});
	return {
		store,
		metrics,
		sync,
		async close() {
			await sync.close();
			await store.close();
		}
	};
}

/** A listening Charter server. */
export interface RunningServer {
	server: Server;
	port: number;
	close(): Promise<void>;
}

/** Starts Charter on the configured host and port: the app, the sync endpoint, health, metrics. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
	const services = createServices(config, logger);
	const app = await loadAppHandler();
	if (!app) logger.warn('the app is not built (run `npm run build`): serving sync and health only');
	const server = createServer(requestListener({ ...services, logger }, app));
	server.on('upgrade', (req, socket, head) => {
		if (!services.sync.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.PORT, config.HOST, resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		server,
		port,
		async close() {
			server.close();
			await services.close();
			server.closeAllConnections();
		}
	};
}
