import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DependencyMonitor } from '../../../server/health.ts';
import { Metrics } from '../../../server/metrics.ts';
import { isConnectionError } from '../../../server/store/postgres-errors.ts';
import { redactUrl } from '../../../server/redact.ts';

async function sample(metrics: Metrics, name: string, dependency: string): Promise<number> {
	const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
	const value = metric?.values.find((v) => v.labels.dependency === dependency);
	return Number(value?.value ?? 0);
}

describe('DependencyMonitor', () => {
	it('reports a dependency that stops answering as down, counts it, and reports it back', async () => {
		const metrics = new Metrics();
		let answering = true;
		const monitor = new DependencyMonitor(
			[
				{ name: 'store', kind: 'postgres', ping: async () => {} },
				{
					name: 'bus',
					kind: 'redis',
					ping: async () => {
						if (!answering) throw new Error('connection refused');
					}
				}
			],
			{ metrics, logger: pino({ level: 'silent' }), intervalMs: 60_000 }
		);
		expect((await monitor.check()).status).toBe('ok');
		answering = false;
		expect(await monitor.check()).toEqual({
			status: 'unavailable',
			dependencies: { store: { kind: 'postgres', up: true }, bus: { kind: 'redis', up: false } }
		});
		expect(await sample(metrics, 'charter_dependency_up', 'bus')).toBe(0);
		expect(await sample(metrics, 'charter_dependency_errors_total', 'bus')).toBe(1);
		answering = true;
		expect((await monitor.check()).status).toBe('ok');
		expect(await sample(metrics, 'charter_dependency_up', 'bus')).toBe(1);
		monitor.stop();
	});

	it('counts a check that does not answer in time as failed', async () => {
		const monitor = new DependencyMonitor(
			[{ name: 'store', kind: 'postgres', ping: () => new Promise(() => {}) }],
			{
				metrics: new Metrics(),
				logger: pino({ level: 'silent' }),
				intervalMs: 60_000,
				timeoutMs: 20
			}
		);
		expect((await monitor.check()).status).toBe('unavailable');
		monitor.stop();
	});
});

describe('isConnectionError', () => {
	it('tells a lost or refused connection from a refused statement', () => {
		const withCode = (code: string) => Object.assign(new Error('x'), { code });
		expect(isConnectionError(withCode('ECONNREFUSED'))).toBe(true);
		expect(isConnectionError(withCode('57P01'))).toBe(true);
		expect(isConnectionError(withCode('08006'))).toBe(true);
		expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isConnectionError(withCode('42601'))).toBe(false);
		expect(isConnectionError(withCode('23505'))).toBe(false);
		expect(isConnectionError('ECONNREFUSED')).toBe(false);
	});
});

describe('redactUrl', () => {
	it('hides the password of a URL and of text that only looks like one', () => {
		expect(redactUrl('postgres://ada:hunter2@db:5432/charter')).toBe(
			'postgres://ada:***@db:5432/charter'
		);
		expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
		expect(redactUrl('not a url //ada:hunter2@db')).toBe('not a url //ada:***@db');
	});
});
