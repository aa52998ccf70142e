import { AddressConnections } from '../client-address.ts';
import {
	admissionLimitsOf,
	pendingLimitsOf,
	quotaLimitsOf,
	type HardeningConfig
} from '../hardening-config.ts';
import type { BoardCreationQuota } from '../quotas.ts';
import type { PendingLimits } from './pending.ts';
import type { AdmissionLimits } from './update-admission.ts';

/** What the sync endpoint enforces beyond the per-connection limits (issue 14). */
export interface SyncHardening {
	admission: AdmissionLimits;
	pending: PendingLimits;
	/** Who may create boards (absent: anyone). */
	boards?: BoardCreationQuota;
	/** Read the client's address from X-Forwarded-For (see client-address.ts). */
	trustProxy: boolean;
	/** Open websocket connections per client address. */
	connections: AddressConnections;
}

/** The sync endpoint's hardening, from the configuration. */
export function syncHardeningOf(
	config: HardeningConfig,
	boards?: BoardCreationQuota
): SyncHardening {
	const quotas = quotaLimitsOf(config);
	return {
		admission: admissionLimitsOf(config),
		pending: pendingLimitsOf(config),
		boards,
		trustProxy: config.TRUST_PROXY,
		connections: new AddressConnections(config.MAX_CONNECTIONS_PER_ADDRESS, quotas.exemptAddresses)
	};
}
