import * as Y from 'yjs';
import { expect } from 'vitest';

/** What a doc emitted while a recorder was attached. */
export interface WriteRecorder {
	readonly transactions: number;
	readonly updates: number;
	readonly origins: unknown[];
	stop(): void;
}

/** Counts transactions and update events of a doc, and remembers each transaction's origin. */
export function recordWrites(doc: Y.Doc): WriteRecorder {
	const recorder = { transactions: 0, updates: 0, origins: [] as unknown[], stop };
	const onTransaction = (transaction: Y.Transaction) => {
		recorder.transactions++;
		recorder.origins.push(transaction.origin);
	};
	const onUpdate = () => recorder.updates++;
	doc.on('afterTransaction', onTransaction);
	doc.on('update', onUpdate);
	function stop() {
		doc.off('afterTransaction', onTransaction);
		doc.off('update', onUpdate);
	}
	return recorder;
}

/** Runs a command that must fail with `errorClass`, and checks that it changed nothing in the doc. */
export function expectRejectedWithoutWrite(
	doc: Y.Doc,
	command: () => unknown,
	errorClass: abstract new (...args: never[]) => Error
): Error {
	const stateBefore = Y.encodeStateVector(doc);
	const recorder = recordWrites(doc);
	let thrown: unknown;
	try {
		command();
	} catch (error) {
		thrown = error;
	} finally {
		recorder.stop();
	}
	expect(thrown).toBeInstanceOf(errorClass);
	expect(recorder.updates).toBe(0);
	expect(Y.encodeStateVector(doc)).toEqual(stateBefore);
	return thrown as Error;
}

/** Sends every doc's missing updates to every other doc, as a relay would after reconnecting. */
export function syncAll(...docs: Y.Doc[]): void {
	for (const from of docs) {
		for (const to of docs) {
			if (from === to) continue;
			Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
		}
	}
}

/** A new doc holding the same state as `doc`, as a peer that just synced would. */
export function peerOf(doc: Y.Doc): Y.Doc {
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), 'remote');
	return peer;
}
