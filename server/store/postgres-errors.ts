/** SQLSTATEs that mean the server went away or would not take the connection, not a bad query. */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Node socket errors of a server that cannot be reached. */
const SOCKET_ERRORS = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);

/** What pg says when a connection ends or cannot be made in time. */
const CONNECTION_MESSAGES = [
	'Connection terminated',
	'timeout exceeded when trying to connect',
	'not queryable'
];

/**
 * True when an error from pg means PostgreSQL could not be reached (worth retrying once it is
 * back), rather than that the statement itself was refused.
 */
export function isConnectionError(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') {
		if (code.startsWith('08') || CONNECTION_SQLSTATES.has(code) || SOCKET_ERRORS.has(code)) {
			return true;
		}
	}
	if (error instanceof AggregateError) return error.errors.some(isConnectionError);
	return CONNECTION_MESSAGES.some((text) => error.message.includes(text));
}
