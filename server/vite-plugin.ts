import type { Plugin } from 'vite';
import { createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { openDependencies } from './dependencies.ts';
import { quotaLimitsOf } from './hardening-config.ts';
import { admitHost } from './host-check.ts';
import { serviceRoutes } from './http.ts';
import { createLogger } from './log.ts';
import { Metrics } from './metrics.ts';

/**
 * Attaches Charter's sync server, health and metrics to Vite's dev server, so `npm run dev`
 * runs the same server code as `npm start`.
 */
export function charterSyncPlugin(): Plugin {
	return {
		name: 'charter-sync',
		apply: 'serve',
		async configureServer(server) {
			// Vitest starts a Vite server too; it needs no sync endpoint.
			if (process.env.VITEST || !server.httpServer) return;
			const config = loadConfig();
			const logger = createLogger(config.LOG_LEVEL);
			const metrics = new Metrics();
			const dependencies = await openDependencies(config, logger, metrics);
			const services = createServices(config, logger, { ...dependencies, metrics });
			const quotas = quotaLimitsOf(config);
			// Vite checks Host for its own pages; Charter's routes are checked like in production.
			server.middlewares.use((req, res, next) => {
				if (admitHost(services.hosts, req, res)) next();
			});
			server.middlewares.use(
				serviceRoutes({ ...services, rooms: services.sync.rooms, logger, quotas })
			);
			// Vite's own HMR socket shares this server: leave every other upgrade to it.
			server.httpServer.on('upgrade', (req, socket, head) => {
				services.sync.handleUpgrade(req, socket, head);
			});
			server.httpServer.on('close', () => void services.close());
		}
	};
}
