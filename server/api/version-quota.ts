import type { QuotaLimits } from '../quotas.ts';
import type { VersionInfo } from '../store/store.ts';

const HOUR_MS = 3_600_000;
const MiB = 1024 * 1024;

/** Why a version may not be saved now: the HTTP status, the message, and when to try again. */
export interface VersionQuotaRefusal {
	/** 429: too many saved in the last hour; 507: the board keeps as many as it may. */
	status: 429 | 507;
	error: string;
	/** Seconds until a save fits the hourly rate again (429 only). */
	retryAfterSeconds?: number;
}

/**
 * Whether a board whose versions are `versions` may save one more of `stateBytes`, by the
 * quotas of MAX_VERSIONS_PER_BOARD (saved versions kept), VERSIONS_PER_HOUR (saved in the
 * last hour) and MAX_VERSION_BYTES_PER_BOARD (all versions, checkpoints included).
 */
export function versionQuotaRefusal(
	versions: readonly VersionInfo[],
	stateBytes: number,
	limits: Pick<QuotaLimits, 'maxVersionsPerBoard' | 'versionsPerHour' | 'maxVersionBytesPerBoard'>,
	now: number
): VersionQuotaRefusal | null {
	const saved = versions.filter((version) => version.kind === 'manual');
	if (saved.length >= limits.maxVersionsPerBoard) {
		return {
			status: 507,
			error: `this board already keeps ${saved.length} saved versions, the most it may`
		};
	}
	const lastHour = saved
		.map((version) => version.createdAt)
		.filter((createdAt) => createdAt > now - HOUR_MS)
		.sort((a, b) => a - b);
	if (lastHour.length >= limits.versionsPerHour) {
		const freesAt = lastHour[lastHour.length - limits.versionsPerHour]! + HOUR_MS;
		const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now) / 1000));
		return {
			status: 429,
			error:
				`this board saved ${lastHour.length} versions in the last hour, the most it may; ` +
				`try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
			retryAfterSeconds
		};
	}
	const bytes = versions.reduce((sum, version) => sum + version.bytes, 0);
	if (bytes + stateBytes > limits.maxVersionBytesPerBoard) {
		return {
			status: 507,
			error:
				`this board's versions would take more than ` +
				`${Math.round(limits.maxVersionBytesPerBoard / MiB)} MiB, the most they may`
		};
	}
	return null;
}

/** How long a board that keeps as many versions as it may is refused without asking the store. */
const FULL_RECHECK_MS = 60_000;

/**
 * Boards recently refused a version, until when: while a board is refused, more saves are
 * refused at once, before their body is read or the store asked, so a flood of them costs the
 * server little. Each node keeps its own; the store decides again once the time has passed.
 */
export class RecentVersionRefusals {
	readonly #until = new Map<string, { at: number; refusal: VersionQuotaRefusal }>();

	/** The refusal still standing for `boardId` at `now`, with its Retry-After brought up to date. */
	standing(boardId: string, now: number): VersionQuotaRefusal | null {
		const entry = this.#until.get(boardId);
		if (!entry) return null;
		if (entry.at <= now) {
			this.#until.delete(boardId);
			return null;
		}
		const retryAfterSeconds = Math.max(1, Math.ceil((entry.at - now) / 1000));
		return entry.refusal.status === 429 ? { ...entry.refusal, retryAfterSeconds } : entry.refusal;
	}

	/** Remembers that `boardId` was refused at `now`. */
	record(boardId: string, refusal: VersionQuotaRefusal, now: number): void {
		const wait =
			refusal.retryAfterSeconds === undefined ? FULL_RECHECK_MS : refusal.retryAfterSeconds * 1000;
		this.#until.set(boardId, { at: now + wait, refusal });
		// Old entries go as boards are asked about again; a sweep keeps the map from growing.
		if (this.#until.size > 10_000) {
			for (const [board, entry] of this.#until) if (entry.at <= now) this.#until.delete(board);
		}
	}
}
