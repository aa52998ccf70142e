import type { TestServer } from './server.ts';

/** Reads one sample of a metric from the server's /metrics (0 when it is absent). */
export async function metricValue(
	server: Pick<TestServer, 'httpUrl'>,
	name: string,
	labels: Record<string, string> = {}
): Promise<number> {
	const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
	const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
	for (const line of text.split('\n')) {
		if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
		if (wanted.every((label) => line.includes(label))) return Number(line.split(' ').at(-1));
	}
	return 0;
}
