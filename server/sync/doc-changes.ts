import * as Y from 'yjs';

/** What a doc gained from some transactions, encoded only when asked for. */
export class DocChange {
	constructor(
		private readonly doc: Y.Doc,
		private readonly before: Map<number, number>
	) {}

	/** What the doc gained since, as one update (with the doc's whole delete set). */
	encode(): Uint8Array {
		return Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.before));
	}
}

/**
 * Thrown when applying something failed after it changed the doc. Yjs integrates an update's
 * structs before it reads its delete set, so a damaged update can leave part of itself in the
 * doc: `change` is that part; `cause` is what applying threw.
 */
export class PartlyAppliedError extends Error {
	override name = 'PartlyAppliedError';
	constructor(
		readonly change: DocChange,
		cause: unknown
	) {
		super(cause instanceof Error ? cause.message : 'applying failed', { cause });
	}
}

// Reads what Yjs already tracked, so a transaction that changed nothing costs no encoding.
function transactionChanged(transaction: Y.Transaction): boolean {
	if (transaction.deleteSet.clients.size > 0) return true;
	for (const [client, clock] of transaction.afterState) {
		if (transaction.beforeState.get(client) !== clock) return true;
	}
	return false;
}

/** Stands for "nothing is being applied": no transaction has this origin. */
const NOT_APPLYING = Symbol('charter.not-applying');

/**
 * Tells apart what the docs it watches gained from what is being applied and what they gained
 * on their own: after a remote change to formatted text Yjs tidies the formatting in a
 * transaction of its own, and a room folds late strings in one of its own; those are the
 * room's own change, stored and relayed like an edit from nobody.
 */
export class DocChanges {
	#applying: unknown = NOT_APPLYING;
	/** State before the first changing transaction of what is being applied. */
	#beforeApplied: Y.Transaction | null = null;
	/** State before the first changing transaction made on the doc's own since the last take. */
	#beforeOwn: Y.Transaction | null = null;

	/** Watches `doc` (each doc a room builds, before anything is applied to it). */
	watch(doc: Y.Doc): void {
		doc.on('afterTransaction', (transaction) => this.#seen(transaction));
	}

	/**
	 * Runs `apply`, which applies something to a watched doc with `origin`, and returns what that
	 * changed (null: nothing, a duplicate). When `apply` throws, so does this: PartlyAppliedError
	 * if the doc changed before it did, else what `apply` threw.
	 */
	apply(origin: unknown, apply: () => void): DocChange | null {
		const outer = { applying: this.#applying, before: this.#beforeApplied };
		this.#applying = origin;
		this.#beforeApplied = null;
		try {
			apply();
			return changeOf(this.#beforeApplied);
		} catch (error) {
			const partly = changeOf(this.#beforeApplied);
			throw partly ? new PartlyAppliedError(partly, error) : error;
		} finally {
			this.#applying = outer.applying;
			this.#beforeApplied = outer.before;
		}
	}

	/** What the docs changed on their own since the last call (null: nothing). */
	takeOwnChange(): DocChange | null {
		const change = changeOf(this.#beforeOwn);
		this.#beforeOwn = null;
		return change;
	}

	#seen(transaction: Y.Transaction): void {
		if (!transactionChanged(transaction)) return;
		if (transaction.origin === this.#applying) this.#beforeApplied ??= transaction;
		else this.#beforeOwn ??= transaction;
	}
}

function changeOf(transaction: Y.Transaction | null): DocChange | null {
	return transaction ? new DocChange(transaction.doc, transaction.beforeState) : null;
}
