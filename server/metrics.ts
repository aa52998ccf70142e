import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The kinds of message the sync server counts. */
export type MessageType =
	'sync_step1' | 'sync_step2' | 'sync_update' | 'awareness' | 'heartbeat' | 'unknown';

/** Why the server refused an upgrade, a message or a connection. */
export type RejectReason =
	| 'bad_path'
	| 'no_key'
	| 'bad_key'
	| 'bad_protocol'
	| 'forbidden_origin'
	| 'forbidden_host'
	| 'shutting_down'
	| 'malformed'
	| 'unsupported_data'
	| 'invalid_utf8'
	| 'read_only'
	| 'awareness_not_owner'
	| 'awareness_too_large'
	| 'awareness_too_many_ids'
	| 'awareness_over_budget'
	| 'too_large'
	| 'rate_limited'
	| 'room_full'
	| 'slow_consumer'
	| 'no_heartbeat'
	| 'load_failed'
	| 'store_failed'
	// Update admission and quotas (issue 14)
	| 'subdocument'
	| 'too_many_structs'
	| 'update_expands'
	| 'too_deep'
	| 'board_full'
	| 'apply_budget'
	| 'too_much_pending'
	| 'too_many_boards'
	| 'boards_per_address'
	| 'connections_per_address'
	| 'versions_quota';

/** Prometheus metrics of one server instance, in a registry of their own. */
export class Metrics {
	readonly registry = new Registry();
	readonly roomsLoaded = new Gauge({
		name: 'charter_rooms_loaded',
		help: 'Boards held in memory',
		registers: [this.registry]
	});
	readonly connections = new Gauge({
		name: 'charter_connections',
		help: 'Open websocket connections',
		registers: [this.registry]
	});
	readonly messages = new Counter({
		name: 'charter_messages_total',
		help: 'Websocket messages received, by type',
		labelNames: ['type'] as const,
		registers: [this.registry]
	});
	readonly rejected = new Counter({
		name: 'charter_rejected_total',
		help: 'Upgrades, messages and connections refused, by reason',
		labelNames: ['reason'] as const,
		registers: [this.registry]
	});
	readonly storeAppendSeconds = new Histogram({
		name: 'charter_store_append_seconds',
		help: 'Time to append a batch of updates (one group commit) durably to the store',
		buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
		registers: [this.registry]
	});

	readonly dependencyUp = new Gauge({
		name: 'charter_dependency_up',
		help: 'Whether a dependency (store, bus) answered its last check: 1 up, 0 down',
		labelNames: ['dependency'] as const,
		registers: [this.registry]
	});
	readonly dependencyErrors = new Counter({
		name: 'charter_dependency_errors_total',
		help: 'Failed checks and lost or refused connections of a dependency (store, bus)',
		labelNames: ['dependency'] as const,
		registers: [this.registry]
	});

	constructor() {
		collectDefaultMetrics({ register: this.registry, prefix: 'charter_process_' });
	}

	/** Counts a received message. */
	message(type: MessageType): void {
		this.messages.inc({ type });
	}

	/** Counts a refusal. */
	reject(reason: RejectReason): void {
		this.rejected.inc({ reason });
	}
}
