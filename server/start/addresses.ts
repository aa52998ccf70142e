import { networkInterfaces } from 'node:os';

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK = /^(localhost|127(\.\d+){3}|::1|\[::1\])$/;

/**
 * The lines `npm start` prints once the server listens: where to open Charter, and, when it
 * listens beyond this machine, the addresses teammates on the network use. `interfaces` is
 * os.networkInterfaces(), passed in so the wording can be tested.
 */
export function runningLines(
	host: string,
	port: number,
	interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()
): string[] {
	const url = (name: string) => `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
	if (LOOPBACK.test(host)) {
		return [
			`Charter is running at ${url('localhost')}`,
			'Only this machine can open it; to share boards in a meeting, start it with HOST=0.0.0.0.'
		];
	}
	if (!ANY_ADDRESS.has(host)) return [`Charter is running at ${url(host)}`];
	const lan = Object.values(interfaces)
		.flat()
		.filter((address) => address && address.family === 'IPv4' && !address.internal)
		.map((address) => url(address!.address));
	return [
		`Charter is running at ${url('localhost')}`,
		...(lan.length > 0
			? [`Teammates on your network open ${lan.join(' or ')}`]
			: ['No network address found: only this machine can open it.'])
	];
}
