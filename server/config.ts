import { z } from 'zod';
import { checkHardeningConfig, hardeningConfigShape } from './hardening-config.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { redactUrl } from './redact.ts';

const MiB = 1024 * 1024;

const integer = (min: number, max: number) =>
	z.coerce
		.number({ error: `expected an integer from ${min} to ${max}` })
		.int({ error: `expected an integer from ${min} to ${max}` })
		.min(min, { error: `expected an integer from ${min} to ${max}` })
		.max(max, { error: `expected an integer from ${min} to ${max}` });

/** A comma-separated list whose entries each pass `entry` (empty entries are ignored). */
const commaList = <Entry extends z.ZodType<unknown, string>>(entry: Entry) =>
	z
		.string()
		.default('')
		.transform((text) =>
			text
				.split(',')
				.map((item) => item.trim())
				.filter(Boolean)
		)
		.pipe(z.array(entry));

const origins = commaList(
	z
		.url({ error: 'expected a comma-separated list of origins like https://charter.example' })
		.transform((url) => new URL(url).origin)
);

const HOST_ENTRY = /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$|^\[?[0-9a-f:.]+\]?$/i;

// Host names this server answers to, besides its own (see host-check.ts).
const hostNames = commaList(
	z.string().regex(HOST_ENTRY, {
		error: 'expected a comma-separated list of host names like charter.example or *.example.org'
	})
);

/** A URL of a service: one of `protocols`, with a host. */
const serviceUrl = (protocols: readonly string[], example: string) => {
	const error = `expected a ${protocols.map((p) => `${p}//`).join(' or ')} URL like ${example}`;
	return z
		.string()
		.refine(
			(text) => {
				try {
					const url = new URL(text);
					return protocols.includes(url.protocol) && url.hostname !== '';
				} catch {
					return false;
				}
			},
			{ error }
		)
		.optional();
};

/** The environment variables Charter reads, their defaults and what each accepts. */
export const configSchema = z.object({
	PORT: integer(0, 65535).default(3000),
	HOST: z.string().min(1, { error: 'expected a host name or address' }).default('localhost'),
	DATA_DIR: z.string().min(1, { error: 'expected a directory path' }).default('./data'),
	ALLOWED_ORIGINS: origins,
	/** Host names, besides the server's own, that requests may carry (DNS rebinding defence). */
	ALLOWED_HOSTS: hostNames,
	/** When set, /metrics answers only requests with `Authorization: Bearer <token>`. */
	METRICS_TOKEN: z
		.string()
		.regex(/^[\x21-\x7e]{16,256}$/, {
			error: 'expected 16 to 256 printable characters without spaces'
		})
		.optional(),
	/** When set, /metrics is served on 127.0.0.1 at this port only, not on PORT. */
	METRICS_PORT: integer(0, 65535).optional(),
	LOG_LEVEL: z
		.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
			error: 'expected one of fatal, error, warn, info, debug, trace, silent'
		})
		.default('info'),
	MAX_MESSAGE_BYTES: integer(1024, 64 * MiB).default(DEFAULT_LIMITS.maxMessageBytes),
	DURABILITY: z.enum(['normal', 'full'], { error: 'expected normal or full' }).default('normal'),
	ROOM_UNLOAD_DELAY_MS: integer(0, 10 * 60_000).default(5_000),
	COMPACT_AFTER_UPDATES: integer(1, 1_000_000).default(500),
	CHECKPOINT_INTERVAL_MS: integer(100, 7 * 24 * 3_600_000).default(30 * 60_000),
	RATE_MESSAGES_BURST: integer(1, 1_000_000).default(DEFAULT_LIMITS.messageBurst),
	RATE_MESSAGES_PER_SECOND: integer(1, 1_000_000).default(DEFAULT_LIMITS.messagesPerSecond),
	RATE_BYTES_BURST: integer(1024, 1024 * MiB).default(DEFAULT_LIMITS.byteBurst),
	RATE_BYTES_PER_SECOND: integer(1024, 1024 * MiB).default(DEFAULT_LIMITS.bytesPerSecond),
	MAX_CONNECTIONS_PER_ROOM: integer(1, 100_000).default(DEFAULT_LIMITS.maxConnectionsPerRoom),
	MAX_BUFFERED_BYTES: integer(64 * 1024, 1024 * MiB).default(DEFAULT_LIMITS.maxBufferedBytes),
	HEARTBEAT_MS: integer(100, 10 * 60_000).default(DEFAULT_LIMITS.heartbeatMs),
	MAX_AWARENESS_STATE_BYTES: integer(64, MiB).default(DEFAULT_LIMITS.maxAwarenessStateBytes),
	AWARENESS_RELAY_MS: integer(0, 10_000).default(DEFAULT_LIMITS.awarenessRelayMs),
	MAX_AWARENESS_BYTES_PER_CONNECTION: integer(64, 64 * MiB).default(
		DEFAULT_LIMITS.maxAwarenessBytesPerConnection
	),
	MAX_AWARENESS_STATES_PER_ROOM: integer(2, 1_000_000).default(
		DEFAULT_LIMITS.maxAwarenessStatesPerRoom
	),
	MAX_AWARENESS_BYTES_PER_ROOM: integer(1024, 1024 * MiB).default(
		DEFAULT_LIMITS.maxAwarenessBytesPerRoom
	),
	AWARENESS_RELAY_BYTES_PER_SECOND: integer(1024, 1024 * MiB).default(
		DEFAULT_LIMITS.awarenessRelayBytesPerSecond
	),
	SHUTDOWN_TIMEOUT_MS: integer(100, 10 * 60_000).default(10_000),
	/** PostgreSQL instead of SQLite, shared by every node. */
	DATABASE_URL: serviceUrl(
		['postgres:', 'postgresql:'],
		'postgres://charter:secret@db:5432/charter'
	),
	/** Redis Streams between nodes instead of the in-process bus. */
	REDIS_URL: serviceUrl(['redis:', 'rediss:'], 'redis://redis:6379'),
	/** Entries each board's stream keeps (XADD MAXLEN ~). */
	REDIS_STREAM_MAXLEN: integer(10, 10_000_000).default(1_000),
	/** How long a starting node waits for PostgreSQL and Redis to answer. */
	DEPENDENCY_WAIT_MS: integer(0, 10 * 60_000).default(30_000),
	/** Time between checks of the store and the bus while they are up. */
	HEALTH_CHECK_MS: integer(100, 10 * 60_000).default(5_000),
	/** Update admission, pending data, quotas and HTTP hardening (issue 14). */
	...hardeningConfigShape
});

/** Checks that need two variables; each names the one to change. */
const consistentConfigSchema = configSchema.superRefine((config, context) => {
	if (config.MAX_AWARENESS_BYTES_PER_CONNECTION < config.MAX_AWARENESS_STATE_BYTES) {
		context.addIssue({
			code: 'custom',
			path: ['MAX_AWARENESS_BYTES_PER_CONNECTION'],
			message: `expected at least MAX_AWARENESS_STATE_BYTES (${config.MAX_AWARENESS_STATE_BYTES}), or no state that size could be shown`
		});
	}
	if (config.RATE_BYTES_BURST < config.MAX_MESSAGE_BYTES) {
		context.addIssue({
			code: 'custom',
			path: ['RATE_BYTES_BURST'],
			message: `expected at least MAX_MESSAGE_BYTES (${config.MAX_MESSAGE_BYTES}), or no message that size could pass`
		});
	}
	checkHardeningConfig(config, (variable, message) =>
		context.addIssue({ code: 'custom', path: [variable], message })
	);
});

/** Charter's validated configuration. */
export type Config = z.infer<typeof configSchema>;

/** Thrown when an environment variable holds a value Charter cannot use. */
export class ConfigError extends Error {
	override name = 'ConfigError';
	constructor(
		readonly variable: string,
		readonly expected: string,
		readonly value: string | undefined
	) {
		super(`Invalid ${variable}=${JSON.stringify(value ?? '')}: ${expected}`);
	}
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const known = Object.fromEntries(
		Object.keys(configSchema.shape)
			// An empty variable means "not set", so `PORT= npm start` takes the default.
			.filter((name) => env[name] !== undefined && env[name] !== '')
			.map((name) => [name, env[name]])
	);
	const parsed = consistentConfigSchema.safeParse(known);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0]!;
	const variable = String(issue.path[0]);
	const value = env[variable];
	// A connection URL may carry a password: never print it.
	const shown = value !== undefined && variable.endsWith('_URL') ? redactUrl(value) : value;
	throw new ConfigError(variable, issue.message, shown);
}

/** The connection and room limits of a configuration. */
export function limitsOf(config: Config): Limits {
	return {
		...DEFAULT_LIMITS,
		maxMessageBytes: config.MAX_MESSAGE_BYTES,
		messageBurst: config.RATE_MESSAGES_BURST,
		messagesPerSecond: config.RATE_MESSAGES_PER_SECOND,
		byteBurst: config.RATE_BYTES_BURST,
		bytesPerSecond: config.RATE_BYTES_PER_SECOND,
		maxConnectionsPerRoom: config.MAX_CONNECTIONS_PER_ROOM,
		maxBufferedBytes: config.MAX_BUFFERED_BYTES,
		heartbeatMs: config.HEARTBEAT_MS,
		maxAwarenessStateBytes: config.MAX_AWARENESS_STATE_BYTES,
		awarenessRelayMs: config.AWARENESS_RELAY_MS,
		maxAwarenessBytesPerConnection: config.MAX_AWARENESS_BYTES_PER_CONNECTION,
		maxAwarenessStatesPerRoom: config.MAX_AWARENESS_STATES_PER_ROOM,
		maxAwarenessBytesPerRoom: config.MAX_AWARENESS_BYTES_PER_ROOM,
		awarenessRelayBytesPerSecond: config.AWARENESS_RELAY_BYTES_PER_SECOND
	};
}
