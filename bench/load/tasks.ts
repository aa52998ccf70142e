import type { ClientAddress } from './clients.ts';

/** What one load-generator thread is asked to do. */
export type LoadTask =
	| {
			type: 'fanout';
			clients: ClientAddress[];
			/** Index of this thread's first client among all clients, to spread send times. */
			firstIndex: number;
			totalClients: number;
			updatesPerSecond: number;
			durationMs: number;
			/** How long to keep listening after the last send. */
			drainMs: number;
			/** Size of a floor client's frame, close to a Yjs client's small update. */
			frameBytes: number;
	  }
	| { type: 'rooms'; rooms: ClientAddress[][]; seedUpdate: Uint8Array }
	| { type: 'store-board'; address: ClientAddress; update: Uint8Array; keepConnected: boolean }
	| { type: 'open-board'; address: ClientAddress; stateVector: string };

/** What a load-generator thread reports back. */
export type WorkerReport =
	| { type: 'ready' }
	| { type: 'done'; sent: number; latencies: Float64Array }
	| { type: 'opened'; syncedMs: number; bytes: number; wireBytes: number }
	| { type: 'error'; message: string };
