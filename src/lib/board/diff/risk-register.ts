import { RISK_CATEGORY_LABELS, RISK_RESPONSE_LABELS, riskLabel } from '../risk-fields.ts';
import { linksByRisk, linksOf, type RiskLinkKind } from '../risk-links.ts';
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

/** What a comparison reads of one side to name a risk's links. */
export interface RiskLinkSide {
	readonly riskLinks: ReadonlyMap<string, RiskLinkKind>;
	readonly actions: readonly { id: string; title: string }[];
	readonly milestones: readonly { id: string; title: string }[];
}

/**
 * A function naming what each risk of one side affects, in words a change list shows:
 * "actions: Sign contract; milestones: Beta", or "nothing". Titles are sorted, so only a link
 * made or undone (or a linked entry renamed) reads as a change; links to entries that side does
 * not have are left out, as everywhere else (risk-links.ts).
 */
export function riskLinksText(side: RiskLinkSide): (riskId: string) => string {
	const titles = {
		actions: new Map(side.actions.map((action) => [action.id, action.title])),
		milestones: new Map(side.milestones.map((milestone) => [milestone.id, milestone.title]))
	};
	const table = linksByRisk(side.riskLinks, (kind, id) => titles[kind].has(id));
	return (riskId) => {
		const links = linksOf(table, riskId);
		const parts = (['actions', 'milestones'] as const)
			.filter((kind) => links[kind].length > 0)
			.map((kind) => {
				const named = links[kind].map((id) => titles[kind].get(id)!).sort();
				return `${kind}: ${named.join(', ')}`;
			});
		return parts.length > 0 ? parts.join('; ') : 'nothing';
	};
}
