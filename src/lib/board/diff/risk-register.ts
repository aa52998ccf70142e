import { RISK_CATEGORY_LABELS, RISK_RESPONSE_LABELS, riskLabel } from '../risk-fields.ts';
import type { Risk } from '../schema.ts';
import { residualScoreText } from '../views/risk-residual.ts';

/**
 * The risk register's fields as a comparison reads them, one view per field in words, for
 * changedFields (entities.ts): a change of any lists it with its before and after.
 */
export const RISK_REGISTER_VIEWS: Record<string, (risk: Risk) => string> = {
	category: (risk) => (risk.category === '' ? 'none' : RISK_CATEGORY_LABELS[risk.category]),
	response: (risk) => (risk.response === '' ? 'none' : RISK_RESPONSE_LABELS[risk.response]),
	trigger: (risk) => risk.trigger || 'none',
	'review date': (risk) => risk.reviewDate || 'no date',
	residual: (risk) => residualScoreText(risk)
};

/** A risk as a comparison names it: "R-3 Vendor late", or its title alone while unnumbered. */
export function riskTitle(risk: Pick<Risk, 'ref' | 'title'>): string {
	return risk.ref === null ? risk.title : `${riskLabel(risk.ref)} ${risk.title}`;
}
