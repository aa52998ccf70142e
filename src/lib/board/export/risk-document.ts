import type { BoardRead } from '../read-board.ts';
import { RISK_CATEGORY_LABELS, RISK_RESPONSE_LABELS, riskLabel } from '../risk-fields.ts';
import type { Risk } from '../schema.ts';
import { linksByRisk, linksOf, type RiskLinks } from '../risk-links.ts';
import { residualScoreText } from '../views/risk-residual.ts';

/** A risk's register fields as the document, Markdown, CSV and print show them, in words. */
export interface DocumentRiskRegister {
	/** "R-7", or "R-?" while the risk is not numbered yet. */
	readonly label: string;
	readonly category: string;
	readonly response: string;
	readonly trigger: string;
	readonly reviewDate: string;
	/** "2 × 3 = 6", or "not assessed". */
	readonly residual: string;
	/** Titles of the actions and the milestones it affects. */
	readonly actions: readonly string[];
	readonly milestones: readonly string[];
}

/** A function giving each risk of a read board its register fields in words. */
export function riskRegisterOf(read: BoardRead): (risk: Risk) => DocumentRiskRegister {
	const titles = {
		actions: new Map(read.actions.map((action) => [action.id, action.title])),
		milestones: new Map(read.milestones.map((milestone) => [milestone.id, milestone.title]))
	};
	const links = linksByRisk(read.riskLinks, (kind, id) => titles[kind].has(id));
	const named = (risk: Risk, kind: keyof RiskLinks) =>
		linksOf(links, risk.id)[kind].map((id) => titles[kind].get(id)!);
	return (risk) => ({
		label: riskLabel(risk.ref),
		category: risk.category === '' ? '' : RISK_CATEGORY_LABELS[risk.category],
		response: risk.response === '' ? '' : RISK_RESPONSE_LABELS[risk.response],
		trigger: risk.trigger,
		reviewDate: risk.reviewDate,
		residual: residualScoreText(risk),
		actions: named(risk, 'actions'),
		milestones: named(risk, 'milestones')
	});
}

/** What a risk affects, in one line: "Actions: A, B · Milestones: Beta", or '' for nothing. */
export function affectsLine(register: DocumentRiskRegister): string {
	return [
		register.actions.length > 0 ? `Actions: ${register.actions.join(', ')}` : '',
		register.milestones.length > 0 ? `Milestones: ${register.milestones.join(', ')}` : ''
	]
		.filter((part) => part !== '')
		.join(' · ');
}
