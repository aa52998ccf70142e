import type { RequestListener, ServerOptions } from 'node:http';

/**
 * Headers every response carries. The key to a board is in the URL fragment, which browsers
 * never send, but a Referer could still carry the page's path, so none is sent at all.
 * Permissions-Policy turns off the powerful features Charter never uses; the clipboard (copying
 * share links) and audio (the retro timer) keep their defaults.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': [
		'accelerometer=()',
		'bluetooth=()',
		'camera=()',
		'display-capture=()',
		'geolocation=()',
		'gyroscope=()',
		'hid=()',
		'magnetometer=()',
		'microphone=()',
		'midi=()',
		'payment=()',
		'serial=()',
		'usb=()'
	].join(', ')
};

/**
 * The Content-Security-Policy of the server's own answers (JSON, text): nothing may load, and
 * nothing may frame them. Pages get theirs from SvelteKit (`kit.csp` in svelte.config.js), with
 * the hashes of its inline scripts; static files get none, so the service worker keeps its
 * network access.
 */
export const SERVICE_CSP = "default-src 'none'; frame-ancestors 'none'";

const SERVICE_PATHS = /^\/(api\/|healthz$|metrics$)/;

/** Wraps a request listener so that every response carries SECURITY_HEADERS. */
export function withSecurityHeaders(listener: RequestListener): RequestListener {
	return (req, res) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		const path = req.url?.split('?')[0] ?? '';
		if (SERVICE_PATHS.test(path)) res.setHeader('content-security-policy', SERVICE_CSP);
		listener(req, res);
	};
}

/** Timeouts of the HTTP server, from HTTP_REQUEST_TIMEOUT_MS and HTTP_HEADERS_TIMEOUT_MS. */
export interface HttpTimeouts {
	requestTimeoutMs: number;
	headersTimeoutMs: number;
}

/**
 * Options of Node's HTTP server for an app server: a request must arrive whole within
 * `requestTimeoutMs` and its headers within `headersTimeoutMs` (Node's defaults hold a slow
 * body for 300 s), checked every second rather than every 30 s; idle keep-alive sockets close
 * after 5 s. A websocket is past its request once upgraded, so neither limits it.
 */
export function httpServerOptions(timeouts: HttpTimeouts): ServerOptions {
	return {
		requestTimeout: timeouts.requestTimeoutMs,
		headersTimeout: timeouts.headersTimeoutMs,
		keepAliveTimeout: 5_000,
		connectionsCheckingInterval: 1_000
	};
}
