import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type TestCluster } from '../helpers/cluster.ts';
import { metricValue } from '../helpers/metrics.ts';
import { freePort, runServerToExit, type TestServer } from '../helpers/server.ts';
import {
	startPostgres,
	startRedis,
	type TestPostgres,
	type TestRedis
} from '../helpers/services.ts';
import { describeWithServices } from '../helpers/services-suite.ts';
import { waitFor } from '../helpers/wait.ts';

const START = { HOST: '127.0.0.1', PORT: '0', DEPENDENCY_WAIT_MS: '300' };

function expectOneLine(output: string, ...parts: string[]): void {
	const lines = output.trim().split('\n');
	expect(lines).toHaveLength(1);
	for (const part of parts) expect(lines[0]).toContain(part);
}

describe('dependencies at start', () => {
	it('stops with one line naming DATABASE_URL when PostgreSQL does not answer, password hidden', async () => {
		const port = await freePort();
		const { code, output } = await runServerToExit({
			...START,
			DATABASE_URL: `postgres://charter:hunter2@127.0.0.1:${port}/charter`
		});
		expect(code).toBe(1);
		expectOneLine(
			output,
			`charter: could not open PostgreSQL at DATABASE_URL=postgres://charter:***@127.0.0.1:${port}/charter`,
			'ECONNREFUSED'
		);
		expect(output).not.toContain('hunter2');
	});

	it('stops with one line naming REDIS_URL when Redis does not answer', async () => {
		const port = await freePort();
		const { code, output } = await runServerToExit({
			...START,
			REDIS_URL: `redis://127.0.0.1:${port}`,
			DATA_DIR: ':memory:'
		});
		expect(code).toBe(1);
		expectOneLine(
			output,
			`charter: could not connect to Redis at REDIS_URL=redis://127.0.0.1:${port}`,
			'did not answer within 300 ms'
		);
	});

	it('hides the password of a DATABASE_URL it refuses', async () => {
		const { code, output } = await runServerToExit({
			...START,
			DATABASE_URL: 'mysql://charter:hunter2@db/charter'
		});
		expect(code).toBe(1);
		expectOneLine(output, 'charter: Invalid DATABASE_URL="mysql://charter:***@db/charter"');
	});
});

interface Health {
	status: string;
	dependencies: Record<'store' | 'bus', { kind: string; up: boolean }>;
}

async function health(node: TestServer): Promise<{ code: number; body: Health }> {
	const response = await fetch(`${node.httpUrl}/healthz`);
	return { code: response.status, body: (await response.json()) as Health };
}

describeWithServices('dependencies while running', (binaries) => {
	let postgres: TestPostgres;
	let redis: TestRedis;
	let cluster: TestCluster;
	beforeAll(async () => {
		postgres = await startPostgres(binaries.postgresBin);
		redis = await startRedis(binaries.redisServer);
		cluster = await createCluster(postgres, redis);
	});
	afterAll(async () => {
		await cluster?.dispose();
		await redis?.stop();
		await postgres?.stop();
	});
	afterEach(async () => {
		// Each test brings back what it took down, even when it fails midway.
		await redis.start().catch(() => {});
		await postgres.start().catch(() => {});
	});

	it.each([['bus', 'redis', () => redis] as const, ['store', 'postgres', () => postgres] as const])(
		'reports the %s (%s) down on /healthz and /metrics, retries, and reports it back',
		async (dependency, kind, service) => {
			const node = cluster.nodes[0] ?? (await cluster.startNode());
			expect(await health(node)).toEqual({
				code: 200,
				body: {
					status: 'ok',
					dependencies: {
						store: { kind: 'postgres', up: true },
						bus: { kind: 'redis', up: true }
					}
				}
			});
			const errorsBefore = await metricValue(node, 'charter_dependency_errors_total', {
				dependency
			});

			await service().kill();
			await waitFor(async () => (await health(node)).code === 503, `/healthz to answer 503`);
			const down = await health(node);
			expect(down.body.status).toBe('unavailable');
			expect(down.body.dependencies[dependency]).toEqual({ kind, up: false });
			expect(await metricValue(node, 'charter_dependency_up', { dependency })).toBe(0);
			expect(
				await metricValue(node, 'charter_dependency_errors_total', { dependency })
			).toBeGreaterThan(errorsBefore);

			await service().start();
			await waitFor(async () => (await health(node)).code === 200, `/healthz to answer 200`);
			expect(await metricValue(node, 'charter_dependency_up', { dependency })).toBe(1);
			expect(node.exitCode()).toBeNull();
		}
	);
});
