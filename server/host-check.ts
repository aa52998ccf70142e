import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';

/**
 * The names a request may carry in its `Host` header. A page that DNS rebinding points at this
 * server sends its own origin and its own name as Host, so an Origin check alone (which compares
 * the two) lets it through: the Host must also be one of the server's own names. Addresses and
 * `localhost` cannot be rebound by an outside domain, so they are always allowed; other names
 * (the public name behind a proxy) come from ALLOWED_HOSTS. An entry `*.example.org` allows
 * every subdomain of example.org.
 */
export class HostAllowlist {
	readonly #exact = new Set<string>();
	readonly #suffixes: string[] = [];

	constructor(entries: Iterable<string>) {
		for (const entry of entries) {
			const name = normalise(entry);
			if (name.startsWith('*.')) this.#suffixes.push(name.slice(1));
			else this.#exact.add(name);
		}
	}

	/** True when a `Host` header names this server. */
	allows(hostHeader: string | undefined): boolean {
		const name = hostName(hostHeader);
		if (name === null) return false;
		return this.#exact.has(name) || this.#suffixes.some((suffix) => name.endsWith(suffix));
	}
}

// host, or host:port, where host is a DNS name, an IPv4 address or a bracketed IPv6 address.
// Anything else (userinfo, a path, spaces) is not a Host header a browser sends.
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::\d{1,5})?$/i;

/** The host name of a `Host` header, lower case, without port or brackets; null when malformed. */
export function hostName(header: string | undefined): string | null {
	if (header === undefined) return null;
	const match = HOST_HEADER.exec(header.trim());
	return match ? normalise(match[1]!) : null;
}

function normalise(name: string): string {
	const lower = name.trim().toLowerCase().replace(/\.$/, '');
	return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

/** Hosts a server accepts whatever ALLOWED_HOSTS says: its own name, loopback, its addresses. */
export function ownHosts(configuredHost: string): string[] {
	const hosts = new Set(['localhost', '127.0.0.1', '::1']);
	// 0.0.0.0 and :: are "every interface", not names anyone connects to.
	if (configuredHost !== '0.0.0.0' && configuredHost !== '::') hosts.add(configuredHost);
	for (const addresses of Object.values(networkInterfaces())) {
		for (const { address } of addresses ?? []) hosts.add(address);
	}
	return [...hosts];
}

/** What a refused request is told. */
export const UNKNOWN_HOST_MESSAGE =
	'This server does not answer to that host name. If it is this server’s, add it to ALLOWED_HOSTS.';

/**
 * Answers a request whose Host is not allowed with 421 (Misdirected Request) and returns false;
 * returns true, answering nothing, when the request may go on.
 */
export function admitHost(
	allowlist: HostAllowlist,
	req: IncomingMessage,
	res: ServerResponse
): boolean {
	if (allowlist.allows(req.headers.host)) return true;
	res.writeHead(421, {
		'content-type': 'text/plain; charset=utf-8',
		'cache-control': 'no-store',
		connection: 'close'
	});
	res.end(`${UNKNOWN_HOST_MESSAGE}\n`);
	return false;
}
