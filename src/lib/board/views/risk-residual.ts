import { riskLabel, type Risk } from '../schema.ts';

/** A risk's residual cell: where it sits once its response has worked, when assessed. */
export interface ResidualMove {
	readonly riskId: string;
	readonly label: string;
	readonly title: string;
	readonly from: { readonly likelihood: number; readonly impact: number };
	readonly to: { readonly likelihood: number; readonly impact: number };
}

/** The residual cell of a risk, or null while its residual likelihood or impact is not assessed. */
export function residualMove(risk: Risk): ResidualMove | null {
	if (risk.residualLikelihood === null || risk.residualImpact === null) return null;
	return {
		riskId: risk.id,
		label: riskLabel(risk.ref),
		title: risk.title,
		from: { likelihood: risk.likelihood, impact: risk.impact },
		to: { likelihood: risk.residualLikelihood, impact: risk.residualImpact }
	};
}

/** The residual moves of the risks that have one, in the order given. */
export function residualMoves(risks: readonly Risk[]): ResidualMove[] {
	return risks.flatMap((risk) => residualMove(risk) ?? []);
}

/** A residual move in words, e.g. "R-3 Vendor late: from 4 × 5 (score 20) to 2 × 3 (score 6)". */
export function describeResidualMove(move: ResidualMove): string {
	const cell = ({ likelihood, impact }: ResidualMove['from']) =>
		`likelihood ${likelihood} × impact ${impact} (score ${likelihood * impact})`;
	const same = move.from.likelihood === move.to.likelihood && move.from.impact === move.to.impact;
	return same
		? `${move.label} ${move.title}: stays at ${cell(move.from)}`
		: `${move.label} ${move.title}: from ${cell(move.from)} to ${cell(move.to)}`;
}

/** A risk's residual score in words: "not assessed", or "2 × 3 = 6". */
export function residualScoreText(
	risk: Pick<Risk, 'residualLikelihood' | 'residualImpact'>
): string {
	const { residualLikelihood: likelihood, residualImpact: impact } = risk;
	return likelihood === null || impact === null
		? 'not assessed'
		: `${likelihood} × ${impact} = ${likelihood * impact}`;
}

/** Whether a risk's review date has passed (closed risks need no review). */
export function isReviewOverdue(risk: Pick<Risk, 'reviewDate' | 'status'>, today: string): boolean {
	return risk.reviewDate !== '' && risk.status !== 'closed' && risk.reviewDate < today;
}
