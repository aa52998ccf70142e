import type * as Y from 'yjs';
import type { StoredBoard } from '../store/store.ts';
import {
	heldRiskNumbers,
	numberingRoots,
	numberRisks,
	RISK_SEQ_KEY,
	touchesRiskNumbers
} from '../../src/lib/board/risk-numbering.ts';

/** Origin of the server's numbering of risks: the room's own change, stored and relayed. */
export const NUMBERING_ORIGIN = Symbol('charter.risk-numbering');

// How a Yjs v1 update names the `risks` root as an entry's parent: its length, then its name.
const RISKS_ROOT_BYTES = Buffer.from('\x05risks', 'utf8');
// How it writes `meta.riskSeq` the first time it is set: the root's name, then the key.
const RISK_SEQ_BYTES = Buffer.from(`\x04meta\x07${RISK_SEQ_KEY}`, 'utf8');

/**
 * Whether a stored board may hold risks the server never numbered: it holds risk entries but no
 * numbering mark, as a board from before numbering does. Told from its bytes, so a resting
 * board is not decoded for the check; a board with a mark was numbered by every update a server
 * stored since (the room numbers after each one).
 */
export function mayNeedNumbering(stored: StoredBoard): boolean {
	const parts = (stored.snapshot ? [stored.snapshot, ...stored.log] : stored.log).map((part) =>
		Buffer.from(part.buffer, part.byteOffset, part.byteLength)
	);
	return (
		parts.some((part) => part.includes(RISKS_ROOT_BYTES)) &&
		!parts.some((part) => part.includes(RISK_SEQ_BYTES))
	);
}

/**
 * Numbers a room's risks (risk-numbering.ts) after the updates that may need it: a whole pass
 * each time the room builds its doc, then only after a peer's transaction that added a risk or
 * wrote a number (a scan of the register then, never per update). Remembers the highest mark it
 * has seen while the room is loaded, so a peer lowering `meta.riskSeq` cannot make the board
 * hand out a number twice, and which risk holds each number, so a peer copying a number onto
 * another risk cannot take it from the risk that held it.
 */
export class RiskNumberer {
	#doc: Y.Doc | null = null;
	#due = false;
	#highest = 0;
	/** Which risk each number was seen given to: an incumbent keeps it, nobody else takes it. */
	readonly #held = new Map<number, string>();

	/** `fromPeer` tells the transactions of peers' updates, the ones that may bring new risks. */
	constructor(private readonly fromPeer: (origin: unknown) => boolean) {}

	/** Watches a doc the room built; its first number() call numbers the whole register. */
	watch(doc: Y.Doc): void {
		this.#doc = doc;
		this.#due = true;
		doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
			if (!this.#due && this.fromPeer(transaction.origin) && touchesRiskNumbers(transaction))
				this.#due = true;
		});
	}

	/** Numbers what needs it since the last call, in one transaction of the server's own. */
	number(): void {
		const doc = this.#doc;
		if (!this.#due || doc === null || doc.isDestroyed) return;
		this.#due = false;
		// A board with no risk register yet has nothing to number; reading its roots would
		// define every root type on the room's doc, which a schema-1 peer's doc does not have.
		if (!doc.share.has('risks')) return;
		numberRisks(doc, NUMBERING_ORIGIN, { floor: this.#highest, held: this.#held });
		// Never forgotten while the room is loaded: a deleted risk's number stays its own.
		for (const [ref, id] of heldRiskNumbers(doc)) this.#held.set(ref, id);
		const seq = numberingRoots(doc).meta.get(RISK_SEQ_KEY);
		if (typeof seq === 'number' && seq > this.#highest) this.#highest = seq;
	}
}
