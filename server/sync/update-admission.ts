import type * as Y from 'yjs';
import { TokenBucket } from '../limits.ts';
import type { RejectReason } from '../metrics.ts';
import type { CloseReasonName } from './protocol.ts';
import { deepestNewType } from './type-depth.ts';
import { readUpdateShape, type UpdateShape } from './update-shape.ts';

const MiB = 1024 * 1024;

/**
 * What an update may cost before it is applied (DESIGN.md §5, "Update admission"). Each has an
 * environment variable (server/config.ts); docs/operations.md, "Limits and close codes", lists them.
 */
export interface AdmissionLimits {
	/** Structs one update may add. */
	maxUpdateStructs: number;
	/** How many times its own size an update may take in memory once applied (estimated). */
	maxUpdateExpansion: number;
	/** Deepest nesting of Y types (root type = 0), and of values inside one item. */
	maxTypeDepth: number;
	/** A board whose encoded state passed this refuses every update that adds to it. */
	maxBoardBytes: number;
	/** Milliseconds of applying one connection may spend in a burst… */
	applyBudgetMs: number;
	/** …refilled at this many milliseconds per second; running dry closes it (4429). */
	applyMsPerSecond: number;
}

/** The defaults: generous for real boards, measured against what Charter's own writes cost. */
export const DEFAULT_ADMISSION_LIMITS: Readonly<AdmissionLimits> = {
	maxUpdateStructs: 50_000,
	maxUpdateExpansion: 48,
	maxTypeDepth: 32,
	maxBoardBytes: 64 * MiB,
	applyBudgetMs: 2_000,
	applyMsPerSecond: 100
};

/**
 * Below this estimated heap an update is admitted whatever its ratio to its size: its cost is
 * small and bounded by the rate budget, and a one-keystroke update has the worst ratio of all.
 */
export const EXPANSION_FLOOR_BYTES = 64 * 1024;

/** Why an update was refused, with the close code and metric reason that go with it. */
export const Refusal = {
	subdocument: { close: 'subdocument', metric: 'subdocument' },
	tooManyStructs: { close: 'updateTooLarge', metric: 'too_many_structs' },
	expands: { close: 'updateTooLarge', metric: 'update_expands' },
	tooDeep: { close: 'tooDeep', metric: 'too_deep' },
	boardFull: { close: 'boardFull', metric: 'board_full' },
	applyBudget: { close: 'applyBudget', metric: 'apply_budget' },
	tooMuchPending: { close: 'tooMuchPending', metric: 'too_much_pending' },
	tooManyBoards: { close: 'tooManyBoards', metric: 'too_many_boards' },
	boardsPerAddress: { close: 'boardsPerAddress', metric: 'boards_per_address' }
} as const satisfies Record<string, { close: CloseReasonName; metric: RejectReason }>;

/** One of the reasons in Refusal. */
export type RefusalName = keyof typeof Refusal;

/** What admission needs to know about the board an update is for. */
export interface BoardSize {
	/** The board's encoded size now (an upper bound between rests). */
	bytes: number;
}

/**
 * Decides whether an update may be applied, from its structure alone (update-shape.ts) and,
 * when it nests Y types, from where they land in the board (type-depth.ts). The cheap checks
 * come first: a refused update is never decoded into objects, let alone applied.
 */
export function admitUpdate(
	update: Uint8Array,
	board: { doc: Y.Doc; bytes: number },
	limits: AdmissionLimits
): RefusalName | null {
	const shape = readUpdateShape(update);
	const refusal = refusalOfShape(update, shape, board.bytes, limits);
	if (refusal) return refusal;
	if (
		shape.nestsTypes &&
		deepestNewType(update, board.doc, limits.maxTypeDepth) > limits.maxTypeDepth
	) {
		return 'tooDeep';
	}
	return null;
}

/** The refusal an update's shape alone calls for, if any. */
export function refusalOfShape(
	update: Uint8Array,
	shape: UpdateShape,
	boardBytes: number,
	limits: AdmissionLimits
): RefusalName | null {
	if (shape.subdocuments > 0) return 'subdocument';
	if (shape.structs > limits.maxUpdateStructs) return 'tooManyStructs';
	if (
		shape.heapBytes > EXPANSION_FLOOR_BYTES &&
		shape.heapBytes > limits.maxUpdateExpansion * update.length
	) {
		return 'expands';
	}
	if (shape.valueDepth > limits.maxTypeDepth) return 'tooDeep';
	// A full board still takes updates that only delete: they are how it gets room again.
	if (shape.structs > 0 && boardBytes + update.length > limits.maxBoardBytes) return 'boardFull';
	return null;
}

/**
 * The time one connection's updates took to apply, against a budget refilled over time (a token
 * bucket of milliseconds): a connection whose updates keep the event loop busy runs it dry.
 */
export class ApplyBudget {
	readonly #bucket: TokenBucket;

	constructor(limits: Pick<AdmissionLimits, 'applyBudgetMs' | 'applyMsPerSecond'>, now: number) {
		this.#bucket = new TokenBucket(limits.applyBudgetMs, limits.applyMsPerSecond, now);
	}

	/** Charges `ms` of applying; false once the budget is spent. */
	charge(ms: number, now: number): boolean {
		return this.#bucket.take(ms, now);
	}
}
