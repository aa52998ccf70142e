import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP load balancer on loopback, in front of several Charter nodes. */
export interface TestBalancer {
	readonly port: number;
	readonly httpUrl: string;
	/** The `serverUrl` a WebsocketProvider takes. */
	readonly syncUrl: string;
	close(): Promise<void>;
}

/**
 * Starts a round-robin balancer with no sticky sessions: each new connection goes to the next
 * node of `ports()` that accepts it, as a load balancer that health-checks by connecting would.
 */
export async function startBalancer(ports: () => readonly number[]): Promise<TestBalancer> {
	let next = 0;
	const open = new Set<Socket>();
	const track = (socket: Socket) => {
		open.add(socket);
		socket.once('close', () => open.delete(socket));
	};
	const forward = (client: Socket, candidates: readonly number[], start: number, tried = 0) => {
		if (tried >= candidates.length || client.destroyed) return client.destroy();
		const port = candidates[(start + tried) % candidates.length]!;
		const backend = connect(port, '127.0.0.1');
		track(backend);
		let connected = false;
		backend.on('error', () => {
			// A node that refuses the connection is skipped; one that fails later drops its client.
			if (!connected) forward(client, candidates, start, tried + 1);
			else client.destroy();
		});
		backend.once('connect', () => {
			connected = true;
			client.pipe(backend).pipe(client);
			backend.once('close', () => client.destroy());
			client.once('close', () => backend.destroy());
			client.resume();
		});
	};
	const server = createServer({ pauseOnConnect: true }, (client) => {
		track(client);
		client.on('error', () => client.destroy());
		forward(client, ports(), next++);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		port,
		httpUrl: `http://127.0.0.1:${port}`,
		syncUrl: `ws://127.0.0.1:${port}/sync`,
		async close() {
			for (const socket of open) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
