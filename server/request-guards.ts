import type { RequestListener } from 'node:http';
import { admitHost, type HostAllowlist } from './host-check.ts';
import { admitMetrics, isMetricsRequest, type MetricsAccess } from './metrics-access.ts';
import type { Metrics } from './metrics.ts';

/** What every HTTP request is checked against before any route sees it. */
export interface RequestGuards {
	hosts: HostAllowlist;
	metricsAccess: MetricsAccess;
	metrics: Metrics;
}

/**
 * Wraps a request listener: a request whose Host is not one of the server's names gets 421
 * (DNS rebinding), and /metrics is answered only as METRICS_TOKEN and METRICS_PORT allow.
 */
export function guardRequests(guards: RequestGuards, listener: RequestListener): RequestListener {
	return (req, res) => {
		if (!admitHost(guards.hosts, req, res)) {
			guards.metrics.reject('forbidden_host');
			return;
		}
		if (isMetricsRequest(req) && !admitMetrics(guards.metricsAccess, req, res)) return;
		listener(req, res);
	};
}
