import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address a request comes from, as the per-address limits count it. Directly, the socket's
 * peer (an IPv4 address mapped into IPv6 is written as IPv4). Behind a reverse proxy
 * (TRUST_PROXY=true), the last address of `X-Forwarded-For`: the one the nearest proxy saw,
 * which the client cannot forge; earlier entries are the client's word and are ignored.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
	if (trustProxy) {
		const header = req.headers['x-forwarded-for'];
		const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean)
			.at(-1);
		if (forwarded && isIP(forwarded)) return normalize(forwarded);
	}
	return normalize(req.socket.remoteAddress ?? '');
}

function normalize(address: string): string {
	return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * Open websocket connections per client address, bounded: `acquire` refuses one more past the
 * limit (unless the address is exempt), `release` gives one back. Empty addresses are forgotten.
 */
export class AddressConnections {
	readonly #open = new Map<string, number>();

	constructor(
		private readonly limit: number,
		private readonly exempt: readonly string[]
	) {}

	/** Counts one more connection from `address`; false (counting nothing) when it has its limit. */
	acquire(address: string): boolean {
		const open = this.#open.get(address) ?? 0;
		if (open >= this.limit && !this.exempt.includes(address)) return false;
		this.#open.set(address, open + 1);
		return true;
	}

	/** Counts one connection from `address` less. */
	release(address: string): void {
		const open = (this.#open.get(address) ?? 1) - 1;
		if (open > 0) this.#open.set(address, open);
		else this.#open.delete(address);
	}

	/** Connections open from `address`. */
	openFrom(address: string): number {
		return this.#open.get(address) ?? 0;
	}
}
