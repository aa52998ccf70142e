import { z } from 'zod';
import { DEFAULT_QUOTA_LIMITS, type QuotaLimits } from './quotas.ts';
import { DEFAULT_PENDING_LIMITS, type PendingLimits } from './sync/pending.ts';
import { DEFAULT_ADMISSION_LIMITS, type AdmissionLimits } from './sync/update-admission.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

const integer = (min: number, max: number) => {
	const error = `expected an integer from ${min} to ${max}`;
	return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const addresses = z
	.string()
	.transform((text) =>
		text.trim() === 'none'
			? []
			: text
					.split(',')
					.map((address) => address.trim())
					.filter(Boolean)
	)
	.pipe(
		z.array(
			z.union([z.ipv4(), z.ipv6()], {
				error: 'expected a comma-separated list of IP addresses like 127.0.0.1,::1, or none'
			})
		)
	);

/**
 * The variables of issue 14 (update admission, pending data, quotas, HTTP hardening): spread
 * into server/config.ts's schema, so a bad value stops the server with one line naming it.
 */
export const hardeningConfigShape = {
	MAX_UPDATE_STRUCTS: integer(100, 10_000_000).default(DEFAULT_ADMISSION_LIMITS.maxUpdateStructs),
	MAX_UPDATE_EXPANSION: integer(2, 10_000).default(DEFAULT_ADMISSION_LIMITS.maxUpdateExpansion),
	MAX_TYPE_DEPTH: integer(4, 1_000).default(DEFAULT_ADMISSION_LIMITS.maxTypeDepth),
	MAX_BOARD_BYTES: integer(64 * KiB, 16 * GiB).default(DEFAULT_ADMISSION_LIMITS.maxBoardBytes),
	APPLY_BUDGET_MS: integer(10, 600_000).default(DEFAULT_ADMISSION_LIMITS.applyBudgetMs),
	APPLY_MS_PER_SECOND: integer(1, 1_000).default(DEFAULT_ADMISSION_LIMITS.applyMsPerSecond),
	MAX_PENDING_BYTES_PER_CONNECTION: integer(1 * KiB, GiB).default(
		DEFAULT_PENDING_LIMITS.maxPendingBytesPerConnection
	),
	MAX_PENDING_BYTES_PER_BOARD: integer(1 * KiB, GiB).default(
		DEFAULT_PENDING_LIMITS.maxPendingBytesPerBoard
	),
	MAX_BOARDS: integer(1, 1_000_000_000).default(DEFAULT_QUOTA_LIMITS.maxBoards),
	BOARDS_PER_ADDRESS_PER_HOUR: integer(0, 1_000_000).default(
		DEFAULT_QUOTA_LIMITS.boardsPerAddressPerHour
	),
	MAX_VERSIONS_PER_BOARD: integer(1, 1_000_000).default(DEFAULT_QUOTA_LIMITS.maxVersionsPerBoard),
	VERSIONS_PER_HOUR: integer(1, 1_000_000).default(DEFAULT_QUOTA_LIMITS.versionsPerHour),
	MAX_VERSION_BYTES_PER_BOARD: integer(MiB, 1024 * GiB).default(
		DEFAULT_QUOTA_LIMITS.maxVersionBytesPerBoard
	),
	QUOTA_EXEMPT_ADDRESSES: addresses.default([...DEFAULT_QUOTA_LIMITS.exemptAddresses]),
	TRUST_PROXY: z
		.enum(['true', 'false'], { error: 'expected true or false' })
		.default('false')
		.transform((value) => value === 'true'),
	MAX_CONNECTIONS_PER_ADDRESS: integer(1, 1_000_000).default(256),
	HTTP_REQUEST_TIMEOUT_MS: integer(1_000, 3_600_000).default(30_000),
	HTTP_HEADERS_TIMEOUT_MS: integer(1_000, 3_600_000).default(10_000)
};

/** The values of the variables of hardeningConfigShape, as the config holds them. */
export type HardeningConfig = {
	[Name in keyof typeof hardeningConfigShape]: z.infer<(typeof hardeningConfigShape)[Name]>;
};

/** Checks between two of these variables; each issue names the one to change. */
export function checkHardeningConfig(
	config: HardeningConfig,
	addIssue: (variable: keyof HardeningConfig, message: string) => void
): void {
	if (config.MAX_PENDING_BYTES_PER_CONNECTION > config.MAX_PENDING_BYTES_PER_BOARD) {
		addIssue(
			'MAX_PENDING_BYTES_PER_CONNECTION',
			`expected at most MAX_PENDING_BYTES_PER_BOARD (${config.MAX_PENDING_BYTES_PER_BOARD})`
		);
	}
	if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
		addIssue(
			'HTTP_HEADERS_TIMEOUT_MS',
			`expected at most HTTP_REQUEST_TIMEOUT_MS (${config.HTTP_REQUEST_TIMEOUT_MS})`
		);
	}
}

/** The admission limits of a configuration. */
export function admissionLimitsOf(config: HardeningConfig): AdmissionLimits {
	return {
		maxUpdateStructs: config.MAX_UPDATE_STRUCTS,
		maxUpdateExpansion: config.MAX_UPDATE_EXPANSION,
		maxTypeDepth: config.MAX_TYPE_DEPTH,
		maxBoardBytes: config.MAX_BOARD_BYTES,
		applyBudgetMs: config.APPLY_BUDGET_MS,
		applyMsPerSecond: config.APPLY_MS_PER_SECOND
	};
}

/** The pending-data limits of a configuration. */
export function pendingLimitsOf(config: HardeningConfig): PendingLimits {
	return {
		maxPendingBytesPerConnection: config.MAX_PENDING_BYTES_PER_CONNECTION,
		maxPendingBytesPerBoard: config.MAX_PENDING_BYTES_PER_BOARD
	};
}

/** The storage quotas of a configuration. */
export function quotaLimitsOf(config: HardeningConfig): QuotaLimits {
	return {
		maxBoards: config.MAX_BOARDS,
		boardsPerAddressPerHour: config.BOARDS_PER_ADDRESS_PER_HOUR,
		maxVersionsPerBoard: config.MAX_VERSIONS_PER_BOARD,
		versionsPerHour: config.VERSIONS_PER_HOUR,
		maxVersionBytesPerBoard: config.MAX_VERSION_BYTES_PER_BOARD,
		exemptAddresses: config.QUOTA_EXEMPT_ADDRESSES
	};
}
