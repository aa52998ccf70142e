import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './app.ts';
import { createLogger } from './log.ts';

// Wiring only: read the configuration, start the server, stop it cleanly on a signal.
let config;
try {
	config = loadConfig();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`charter: ${error.message}`);
	process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL);
const running = await startServer(config, logger).catch((error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`charter: could not start on ${config.HOST}:${config.PORT}: ${message}`);
	process.exit(1);
});
logger.info(
	{ host: config.HOST, port: running.port, dataDir: config.DATA_DIR },
	`Charter is listening on http://${config.HOST}:${running.port}`
);

let stopping = false;
async function stop(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	logger.info({ signal }, 'shutting down');
	await running.close();
	process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
