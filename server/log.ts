import { pino, type Logger } from 'pino';

/** Creates the server's structured logger. Callers never pass keys or document content. */
export function createLogger(level: string): Logger {
	return pino({
		level,
		base: { service: 'charter' },
		// Belt and braces: should a request object ever be logged, its key-bearing headers are not.
		redact: {
			paths: ['req.headers["sec-websocket-protocol"]', 'req.headers.authorization', 'key'],
			censor: '[redacted]'
		}
	});
}

export type { Logger };
