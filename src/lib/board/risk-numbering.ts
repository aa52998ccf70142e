import * as Y from 'yjs';
import { ROOT_KEYS } from './doc.ts';
import { MAX_RISK_REF, riskRefSchema } from './risk-fields.ts';

/**
 * Human risk numbers (R-1, R-2 …). The server is the one numbering authority, as it is the one
 * migrator: clients never write `ref` or `meta.riskSeq` (no command takes them), and the server
 * numbers risks that lack a valid one right after it applies the update that brought them.
 * The numbering is a function of the document's state alone, so two nodes numbering the same
 * state write the same values (docs/design-notes.md says what remains possible).
 */

/** The key in `meta` of the highest risk number ever given; it only grows. */
export const RISK_SEQ_KEY = 'riskSeq';

/** A risk as numbering sees it. */
interface NumberedRisk {
	readonly id: string;
	readonly ref: number | null;
	readonly createdAt: number;
}

/** What numbering a board writes: new refs by risk id, and the new high-water mark. */
export interface RiskNumbers {
	readonly refs: ReadonlyMap<string, number>;
	readonly seq: number;
}

const validRef = (value: unknown): number | null => {
	const result = riskRefSchema.safeParse(value);
	return result.success ? result.data : null;
};

// Risks without a readable creation time sort after every other, then by id.
const createdAtOf = (value: unknown): number =>
	typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_VALUE;

function byCreation(a: NumberedRisk, b: NumberedRisk): number {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The numbers to give, from the board's risks and its stored high-water mark. A risk keeps a
 * valid ref that `held` says it already held (the numberer's memory of every number it saw given,
 * so a client copying a synced number onto another risk, whatever createdAt it claims, can
 * neither take it away nor bring back a deleted risk's number); then, in (createdAt, id) order, a risk keeps a valid ref no earlier risk holds. Every
 * other risk (none, invalid or a duplicate) gets the next number after the highest ever given —
 * the stored mark or the highest ref present, whichever is higher — so no number is given twice.
 */
export function planRiskNumbers(
	risks: readonly NumberedRisk[],
	storedSeq: unknown,
	held: ReadonlyMap<number, string> = new Map()
): RiskNumbers {
	let seq = validRef(storedSeq) ?? 0;
	for (const risk of risks) if (risk.ref !== null && risk.ref > seq) seq = risk.ref;
	const holds = (risk: NumberedRisk) => risk.ref !== null && held.get(risk.ref) === risk.id;
	// A number known to be given to another risk (which may since have been deleted) is not this one's.
	const givenElsewhere = (risk: NumberedRisk) =>
		risk.ref !== null && held.has(risk.ref) && held.get(risk.ref) !== risk.id;
	const ownNumber = new Map<string, number>();
	for (const [ref, id] of held) ownNumber.set(id, ref);
	const taken = new Set<number>();
	for (const risk of risks) if (holds(risk)) taken.add(risk.ref!);
	const refs = new Map<string, number>();
	for (const risk of [...risks].sort(byCreation)) {
		if (holds(risk)) continue;
		// A risk whose own number was overwritten gets it back while nobody else holds it.
		const own = ownNumber.get(risk.id);
		if ((risk.ref === null || givenElsewhere(risk)) && own !== undefined && !taken.has(own)) {
			taken.add(own);
			refs.set(risk.id, own);
			continue;
		}
		if (givenElsewhere(risk)) {
			if (seq < MAX_RISK_REF) refs.set(risk.id, ++seq);
			continue;
		}
		if (risk.ref !== null && !taken.has(risk.ref)) taken.add(risk.ref);
		else if (seq < MAX_RISK_REF) refs.set(risk.id, ++seq);
	}
	return { refs, seq };
}

/**
 * The two roots numbering reads and writes, and only those: the server numbers risks in the
 * room's doc, where defining the other root types (as boardRoots does) would change how later
 * peer updates to them are read, e.g. which plain strings the room folds into text.
 */
export function numberingRoots(doc: Y.Doc): { meta: Y.Map<unknown>; risks: Y.Map<unknown> } {
	return { meta: doc.getMap(ROOT_KEYS.meta), risks: doc.getMap(ROOT_KEYS.risks) };
}

/** The board's risk entries as numbering reads them (anything but a map is not a risk). */
export function numberedRisks(doc: Y.Doc): NumberedRisk[] {
	const risks: NumberedRisk[] = [];
	for (const [id, entry] of numberingRoots(doc).risks.entries()) {
		if (!(entry instanceof Y.Map)) continue;
		risks.push({
			id,
			ref: validRef(entry.get('ref')),
			createdAt: createdAtOf(entry.get('createdAt'))
		});
	}
	return risks;
}

/**
 * Numbers the board's risks that need it (planRiskNumbers), in one transaction with `origin`;
 * `floor` is a mark the caller remembers (a peer may have lowered the stored one), `held` the
 * numbers it saw each risk hold (heldRiskNumbers after its last numbering). Writes nothing when every risk has its own number and the mark is right. Returns whether it
 * wrote.
 */
export function numberRisks(
	doc: Y.Doc,
	origin: unknown,
	{ floor = 0, held }: { floor?: number; held?: ReadonlyMap<number, string> } = {}
): boolean {
	const { meta, risks } = numberingRoots(doc);
	const stored = meta.get(RISK_SEQ_KEY);
	const mark = Math.max(validRef(stored) ?? 0, floor);
	const { refs, seq } = planRiskNumbers(numberedRisks(doc), mark, held);
	const seqChanged = seq > 0 && stored !== seq;
	if (refs.size === 0 && !seqChanged) return false;
	doc.transact(() => {
		for (const [id, ref] of refs) (risks.get(id) as Y.Map<unknown>).set('ref', ref);
		if (seqChanged) meta.set(RISK_SEQ_KEY, seq);
	}, origin);
	return true;
}

/** Which risk holds each valid number now: what a numberer adds to its memory after numbering. */
export function heldRiskNumbers(doc: Y.Doc): Map<number, string> {
	const held = new Map<number, string>();
	for (const risk of numberedRisks(doc)) if (risk.ref !== null) held.set(risk.ref, risk.id);
	return held;
}

/**
 * Whether a transaction may have left a risk to number: it added, replaced or deleted an entry
 * of `risks`, wrote a risk's `ref`, or wrote `meta.riskSeq`. Reads only what Yjs tracked for
 * the transaction, so an update that touched no risk costs a few map lookups.
 */
export function touchesRiskNumbers(transaction: Y.Transaction): boolean {
	// Looked up, never defined: defining root types while a peer's update is being applied
	// changes how the rest of that update is read (boardRoots would define every root).
	const risks = transaction.doc.share.get(ROOT_KEYS.risks);
	const meta = transaction.doc.share.get(ROOT_KEYS.meta);
	if (risks === undefined && meta === undefined) return false;
	// Keyed by the abstract type, which Y.Map's event handler type does not widen to.
	const changed = transaction.changed as Map<unknown, Set<string | null>>;
	if (changed.has(risks)) return true;
	if (changed.get(meta)?.has(RISK_SEQ_KEY)) return true;
	for (const [type, keys] of transaction.changed) {
		if (type._item?.parent === risks && keys.has('ref')) return true;
	}
	return false;
}
