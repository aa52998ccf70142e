import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bus } from './bus/bus.ts';
import { LocalBus } from './bus/local.ts';
import { limitsOf, type Config } from './config.ts';
import { createSqliteStore, dependencyChecks } from './dependencies.ts';
import { quotaLimitsOf } from './hardening-config.ts';
import { DependencyMonitor } from './health.ts';
import { HostAllowlist, ownHosts } from './host-check.ts';
import { loadAppHandler, requestListener } from './http.ts';
import { httpServerOptions, withSecurityHeaders } from './http-hardening.ts';
import type { Logger } from './log.ts';
import { startMetricsServer, type MetricsAccess, type MetricsServer } from './metrics-access.ts';
import { Metrics } from './metrics.ts';
import { guardRequests } from './request-guards.ts';
import type { Store } from './store/store.ts';
import { AppendOutcomes, TrackedStore } from './store/tracked-store.ts';
import { readBoardState } from './api/board-state.ts';
import { BoardCreationQuota } from './quotas.ts';
import { Checkpoints } from './sync/checkpoints.ts';
import { syncHardeningOf } from './sync/hardening.ts';
import { SyncServer } from './sync/sync-server.ts';

/** The parts a running Charter server is made of. */
export interface CharterServices {
	store: Store;
	bus: Bus;
	metrics: Metrics;
	sync: SyncServer;
	health: DependencyMonitor;
	/** The names requests and upgrades may carry as Host. */
	hosts: HostAllowlist;
	/** Stops syncing, stores and unloads every board, and closes the bus and the store. */
	close(): Promise<void>;
}

/** Parts of the services made elsewhere: opened dependencies, or a store a test hands in. */
export interface ServiceParts {
	store?: Store;
	bus?: Bus;
	metrics?: Metrics;
}

/**
 * Creates the sync server and the dependency monitor from the configuration, over the store
 * and bus given (by default SQLite in DATA_DIR and the in-process bus).
 */
export function createServices(
	config: Config,
	logger: Logger,
	parts: ServiceParts = {}
): CharterServices {
	const openedStore = parts.store ?? createSqliteStore(config);
	const bus = parts.bus ?? new LocalBus();
	const metrics = parts.metrics ?? new Metrics();
	// Health reflects a write probe and the outcome of the latest append (see dependencyChecks).
	const appends = new AppendOutcomes();
	const store = new TrackedStore(openedStore, appends);
	const health = new DependencyMonitor(
		dependencyChecks({ store: openedStore, bus }, appends, 3 * config.HEALTH_CHECK_MS),
		{ metrics, logger, intervalMs: config.HEALTH_CHECK_MS }
	);
	appends.onFailing(() => void health.check());
	health.start();
	const quotas = quotaLimitsOf(config);
	const boards = new BoardCreationQuota(quotas, () => store.countBoards(), logger);
	void boards.start();
	const hosts = new HostAllowlist([...ownHosts(config.HOST), ...config.ALLOWED_HOSTS]);
	const checkpoints = new Checkpoints({
		store,
		logger,
		intervalMs: config.CHECKPOINT_INTERVAL_MS,
		maxVersionBytes: quotas.maxVersionBytesPerBoard,
		readState: (boardId) => readBoardState(boardId, sync.rooms, store)
	});
	const sync = new SyncServer({
		store,
		bus,
		metrics,
		logger,
		allowedOrigins: config.ALLOWED_ORIGINS,
		hosts,
		limits: limitsOf(config),
		roomUnloadDelayMs: config.ROOM_UNLOAD_DELAY_MS,
		compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
		onStored: (boardId) => checkpoints.changed(boardId),
		hardening: syncHardeningOf(config, boards)
	});
	return {
		store,
		bus,
		metrics,
		sync,
		health,
		hosts,
		async close() {
			health.stop();
			boards.stop();
			checkpoints.close();
			await sync.close();
			await bus.close();
			await store.close();
		}
	};
}

/** A listening Charter server. */
export interface RunningServer {
	server: Server;
	port: number;
	/** The loopback port serving /metrics when METRICS_PORT is set. */
	metricsPort: number | null;
	services: CharterServices;
	close(): Promise<void>;
}

/** Options of startServer: opened dependencies (or, in tests, a given store), and no app. */
export interface StartOptions extends ServiceParts {
	/** False to serve sync, health and metrics only, even when the app is built. */
	serveApp?: boolean;
}

/** Starts Charter on the configured host and port: the app, the sync endpoint, health, metrics. */
export async function startServer(
	config: Config,
	logger: Logger,
	options: StartOptions = {}
): Promise<RunningServer> {
	const services = createServices(config, logger, options);
	const app = options.serveApp === false ? null : await loadAppHandler();
	if (!app && options.serveApp !== false) {
		logger.warn('the app is not built (run `npm run build`): serving sync and health only');
	}
	const timeouts = {
		requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
		headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS
	};
	const quotas = quotaLimitsOf(config);
	const metricsAccess: MetricsAccess = {
		token: config.METRICS_TOKEN,
		separatePort: config.METRICS_PORT !== undefined
	};
	const server = createServer(
		httpServerOptions(timeouts),
		withSecurityHeaders(
			guardRequests(
				{ hosts: services.hosts, metricsAccess, metrics: services.metrics },
				requestListener({ ...services, rooms: services.sync.rooms, logger, quotas }, app)
			)
		)
	);
	server.on('upgrade', (req, socket, head) => {
		if (!services.sync.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.PORT, config.HOST, resolve);
	});
	const { port } = server.address() as AddressInfo;
	let metricsServer: MetricsServer | null = null;
	if (config.METRICS_PORT !== undefined) {
		metricsServer = await startMetricsServer(config.METRICS_PORT, services.metrics, metricsAccess);
	}
	return {
		server,
		port,
		metricsPort: metricsServer?.port ?? null,
		services,
		// Stop accepting first, then let the sync server finish its work and close its sockets.
		async close() {
			await metricsServer?.close();
			server.close();
			server.closeIdleConnections();
			await services.close();
			server.closeAllConnections();
		}
	};
}
