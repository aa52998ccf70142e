import { RISK_SCALE, RISK_STATUSES, type Risk, type RiskStatus } from '../schema.ts';

/**
 * Severity bands of a risk score (likelihood × impact), lowest first. The one table every part
 * of the UI reads, so the register, the filters and the heat map never disagree on a boundary.
 */
export const RISK_BANDS = [
	{ id: 'low', label: 'Low', min: 1, max: 4, color: 'var(--band-low)' },
	{ id: 'medium', label: 'Medium', min: 5, max: 9, color: 'var(--band-medium)' },
	{ id: 'high', label: 'High', min: 10, max: 15, color: 'var(--band-high)' },
	{ id: 'critical', label: 'Critical', min: 16, max: 25, color: 'var(--band-critical)' }
] as const;

/** A severity band. */
export type RiskBand = (typeof RISK_BANDS)[number];
/** A severity band's id. */
export type RiskBandId = RiskBand['id'];

/** The band ids, lowest first, for selects and validation. */
export const RISK_BAND_IDS: readonly RiskBandId[] = RISK_BANDS.map((band) => band.id);

/** Words for each likelihood step, so a number on an axis means the same to everyone. */
export const LIKELIHOOD_LABELS = {
	1: 'Rare',
	2: 'Unlikely',
	3: 'Possible',
	4: 'Likely',
	5: 'Almost certain'
} as const;

/** Words for each impact step. */
export const IMPACT_LABELS = {
	1: 'Negligible',
	2: 'Minor',
	3: 'Moderate',
	4: 'Major',
	5: 'Severe'
} as const;

/** A likelihood or impact step, 1 to 5. */
export type RiskLevel = keyof typeof LIKELIHOOD_LABELS;

/** The steps of either axis, lowest first. */
export const RISK_LEVELS: readonly RiskLevel[] = [1, 2, 3, 4, 5];

/** Risk states as users read them. */
export const RISK_STATUS_LABELS: Readonly<Record<RiskStatus, string>> = {
	open: 'Open',
	mitigating: 'Mitigating',
	accepted: 'Accepted',
	closed: 'Closed'
};

/** Risk states in workflow order, which is also the order a status sort uses. */
export const RISK_STATUS_ORDER: readonly RiskStatus[] = RISK_STATUSES;

/** A risk's score: likelihood × impact, 1 to 25. */
export function riskScore(risk: Pick<Risk, 'likelihood' | 'impact'>): number {
	return risk.likelihood * risk.impact;
}

/** The band a score falls in; scores outside 1–25 are clamped to the nearest band. */
export function bandOfScore(score: number): RiskBand {
	const lowest = RISK_BANDS[0];
	const highest = RISK_BANDS[RISK_BANDS.length - 1] ?? lowest;
	if (score > highest.max) return highest;
	return RISK_BANDS.find((band) => score <= band.max) ?? lowest;
}

/** The band of a risk. */
export function riskBand(risk: Pick<Risk, 'likelihood' | 'impact'>): RiskBand {
	return bandOfScore(riskScore(risk));
}

/** Whether a number is a valid likelihood or impact step. */
export function isRiskLevel(value: number): value is RiskLevel {
	return Number.isInteger(value) && value >= RISK_SCALE.min && value <= RISK_SCALE.max;
}
