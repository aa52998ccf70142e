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
