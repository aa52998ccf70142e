import type * as Y from 'yjs';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import type { BoardCreationQuota } from '../quotas.ts';
import {
	admitUpdate,
	ApplyBudget,
	Refusal,
	type AdmissionLimits,
	type RefusalName
} from './update-admission.ts';

/** The peer an update comes from: what the gate closes, and the address quotas count. */
export interface GatedPeer {
	close(reason: (typeof Refusal)[RefusalName]['close']): void;
	/** The client's address, for the quotas per address (see server/client-address.ts). */
	readonly address?: string;
}

/** What a board's gate needs. */
export interface UpdateGateDeps {
	boardId: string;
	limits: AdmissionLimits;
	metrics: Metrics;
	logger: Logger;
	/** Who may create boards; absent: anyone may. */
	boards?: BoardCreationQuota;
}

/**
 * The door every peer's update passes on its way into a board: admission (update-admission.ts)
 * against the board's size, the quota of new boards for the board's first stored update, and
 * each peer's budget of time spent applying. A refused update is never applied; its peer is
 * closed with the refusal's code and counted under its metric reason.
 */
export class UpdateGate<Peer extends GatedPeer> {
	#boardBytes: number;
	#created: boolean;
	readonly #budgets = new WeakMap<Peer, ApplyBudget>();

	/** `storedBytes`: what the store holds for the board (0 for a board never written). */
	constructor(
		private readonly deps: UpdateGateDeps,
		storedBytes: number
	) {
		this.#boardBytes = storedBytes;
		this.#created = storedBytes > 0;
	}

	/** The board's size as the gate counts it: its encoded state, or an upper bound of it. */
	get boardBytes(): number {
		return this.#boardBytes;
	}

	/**
	 * Whether `update` from `peer` may be applied to `doc`. When it may not, `peer` is closed
	 * and nothing else happens. `peer` null is the room itself retrying another node's update.
	 */
	admit(peer: Peer | null, update: Uint8Array, doc: Y.Doc): boolean {
		const refusal =
			admitUpdate(update, { doc, bytes: this.#boardBytes }, this.deps.limits) ??
			this.#creationRefusal(peer);
		if (!refusal) return true;
		this.refuse(peer, refusal);
		return false;
	}

	/** Closes `peer` for `refusal` and counts it (another node's update is only logged). */
	refuse(peer: Peer | null, refusal: RefusalName): void {
		const { metric, close } = Refusal[refusal];
		this.deps.metrics.reject(metric);
		this.deps.logger.debug({ boardId: this.deps.boardId, reason: metric }, 'update refused');
		peer?.close(close);
	}

	/** Charges `ms` of applying to `peer`; closes it once its budget is spent. */
	charge(peer: Peer | null, ms: number, now = performance.now()): void {
		if (!peer) return;
		let budget = this.#budgets.get(peer);
		if (!budget) this.#budgets.set(peer, (budget = new ApplyBudget(this.deps.limits, now)));
		if (!budget.charge(ms, now)) this.refuse(peer, 'applyBudget');
	}

	/** Counts bytes the board gained (stored, or applied from another node). */
	grew(bytes: number): void {
		this.#boardBytes += bytes;
	}

	/** Sets the board's size to its exact encoded size (known whenever it rests). */
	measured(bytes: number): void {
		this.#boardBytes = bytes;
	}

	// The first update stored for a board creates it: that is when the quotas of boards count.
	#creationRefusal(peer: Peer | null): RefusalName | null {
		if (this.#created || !this.deps.boards || !peer) return null;
		const refusal = this.deps.boards.claim(peer.address ?? '');
		if (!refusal) this.#created = true;
		return refusal;
	}
}
