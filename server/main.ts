import { startServer } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import {
	DependencyStartError,
	openDependencies,
	storeKind,
	type Dependencies
} from './dependencies.ts';
import { createLogger } from './log.ts';
import { Metrics } from './metrics.ts';
import { runningLines } from './start/addresses.ts';
import { SqliteStore } from './store/sqlite.ts';

// Wiring only: read the configuration, start the server, stop it cleanly on a signal.
let config: Config;
try {
	config = loadConfig();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`charter: ${error.message}`);
	process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL);
// Nothing a peer sends may end the process: whatever escapes every guard is logged, not fatal.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

const metrics = new Metrics();
let dependencies: Dependencies;
try {
	dependencies = await openDependencies(config, logger, metrics);
} catch (error) {
	if (!(error instanceof DependencyStartError)) throw error;
	console.error(`charter: ${error.message}`);
	process.exit(1);
}
const { store, bus } = dependencies;
const running = await startServer(config, logger, { ...dependencies, metrics }).catch(
	(error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		console.error(`charter: could not start on ${config.HOST}:${config.PORT}: ${message}`);
		process.exit(1);
	}
);
logger.info(
	{
		host: config.HOST,
		port: running.port,
		store: storeKind(store),
		bus: bus.kind,
		...(running.metricsPort === null ? {} : { metricsPort: running.metricsPort }),
		...(store instanceof SqliteStore ? { dataDir: config.DATA_DIR, ...store.settings() } : {})
	},
	`Charter is listening on http://${config.HOST}:${running.port}`
);
// For the person who ran `npm start`: where to open it, in plain words (one write, so a reader
// of the output gets the lines together).
console.log(runningLines(config.HOST, running.port).join('\n'));

let stopping = false;
async function stop(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	logger.info({ signal }, 'shutting down');
	const deadline = setTimeout(() => {
		logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out');
		process.exit(1);
	}, config.SHUTDOWN_TIMEOUT_MS);
	deadline.unref();
	await running.close();
	logger.info('stopped');
	process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
