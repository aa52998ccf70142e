import type { Logger } from 'pino';
import type { Bus } from './bus/bus.ts';
import { LocalBus } from './bus/local.ts';
import { RedisBus } from './bus/redis.ts';
import type { Config } from './config.ts';
import type { Dependency, DependencyName } from './health.ts';
import type { Metrics } from './metrics.ts';
import { redactUrl } from './redact.ts';
import { PostgresStore } from './store/postgres.ts';
import { SqliteStore } from './store/sqlite.ts';
import { StoreError, type Store } from './store/store.ts';
import type { AppendOutcomes } from './store/tracked-store.ts';

/** Thrown when a store or bus the configuration names cannot be opened at start. */
export class DependencyStartError extends Error {
	override name = 'DependencyStartError';
	constructor(
		readonly variable: string,
		message: string,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

/** The store and the bus a node runs on. */
export interface Dependencies {
	store: Store;
	bus: Bus;
}

/** What kind of store this is, for /healthz and the start-up log. */
export function storeKind(store: Store): 'postgres' | 'sqlite' {
	return store instanceof PostgresStore ? 'postgres' : 'sqlite';
}

/**
 * The store and bus as the dependency monitor checks them. The store is up when a write probe
 * succeeds and its latest append did not fail: a failed append keeps it reported down until an
 * append succeeds, or for `appendFailureHoldMs` (after that the probe alone decides, so a store
 * that healed while nobody wrote is not reported down forever).
 */
export function dependencyChecks(
	{ store, bus }: Dependencies,
	appends?: AppendOutcomes,
	appendFailureHoldMs = 15_000
): Dependency[] {
	const storeWrites = async () => {
		await store.probe();
		const failedAt = appends?.failedAt ?? null;
		if (failedAt !== null && performance.now() - failedAt < appendFailureHoldMs) {
			throw new StoreError('the latest append failed', null);
		}
	};
	return [
		{ name: 'store', kind: storeKind(store), ping: storeWrites },
		{ name: 'bus', kind: bus.kind, ping: () => bus.ping() }
	];
}

/** The SQLite store the configuration asks for. */
export function createSqliteStore(config: Config): SqliteStore {
	return new SqliteStore({ dataDir: config.DATA_DIR, durability: config.DURABILITY });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const causeOf = (error: unknown) =>
	error instanceof Error && error.cause !== undefined ? `: ${message(error.cause)}` : '';

/**
 * Opens what the configuration names: PostgreSQL when DATABASE_URL is set (else SQLite in
 * DATA_DIR), Redis Streams when REDIS_URL is set (else the in-process bus). Each is given up to
 * DEPENDENCY_WAIT_MS to answer; throws DependencyStartError naming the variable otherwise.
 */
export async function openDependencies(
	config: Config,
	logger: Logger,
	metrics: Metrics
): Promise<Dependencies> {
	// Until both are open, a failure ends the start with one line; after that, it is logged.
	let opened = false;
	const lost = (dependency: DependencyName) => (error: Error) => {
		metrics.dependencyErrors.inc({ dependency });
		if (opened) logger.warn({ dependency, error: error.message }, 'dependency connection error');
	};
	const store = await openStore(config, lost('store'));
	try {
		const bus = await openBus(config, logger, lost('bus'));
		opened = true;
		return { store, bus };
	} catch (error) {
		await store.close();
		throw error;
	}
}

async function openStore(
	config: Config,
	onConnectionError: (error: Error) => void
): Promise<Store> {
	if (!config.DATABASE_URL) {
		try {
			return createSqliteStore(config);
		} catch (error) {
			throw new DependencyStartError(
				'DATA_DIR',
				`could not open the store in DATA_DIR=${config.DATA_DIR}: ${message(error)}`,
				{ cause: error }
			);
		}
	}
	try {
		return await PostgresStore.open({
			url: config.DATABASE_URL,
			connectRetryForMs: config.DEPENDENCY_WAIT_MS,
			onConnectionError
		});
	} catch (error) {
		throw new DependencyStartError(
			'DATABASE_URL',
			`could not open PostgreSQL at DATABASE_URL=${redactUrl(config.DATABASE_URL)}: ${message(error)}${causeOf(error)}`,
			{ cause: error }
		);
	}
}

async function openBus(
	config: Config,
	logger: Logger,
	onConnectionError: (error: Error) => void
): Promise<Bus> {
	if (!config.REDIS_URL) return new LocalBus();
	try {
		return await RedisBus.connect(
			{
				url: config.REDIS_URL,
				maxLen: config.REDIS_STREAM_MAXLEN,
				logger,
				onConnectionError
			},
			config.DEPENDENCY_WAIT_MS
		);
	} catch (error) {
		throw new DependencyStartError(
			'REDIS_URL',
			`could not connect to Redis at REDIS_URL=${redactUrl(config.REDIS_URL)}: ${message(error)}`,
			{ cause: error }
		);
	}
}
