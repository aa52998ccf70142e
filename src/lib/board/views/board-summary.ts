import type { Action, Milestone, Person, RaciTask, RaciValue, Risk } from '../schema.ts';
import { isOverdue as isActionOverdue } from './action-filter.ts';
import { isOverdue as isMilestoneOverdue, sortMilestones } from './milestone-schedule.ts';
import { checkRaciMatrix } from './raci-checks.ts';
import { RISK_BANDS, riskBand, type RiskBandId } from './risk-bands.ts';

/** The board at a glance, for the overview: what needs attention in each section. */
export interface BoardSummary {
	people: number;
	openRisksByBand: Record<RiskBandId, number>;
	openRisks: number;
	closedRisks: number;
	nextMilestone: Milestone | null;
	overdueMilestones: number;
	raciTasks: number;
	raciTasksWithProblems: number;
	openActions: number;
	overdueActions: number;
}

/** Summarizes a board's validated collections; `today` is a local `YYYY-MM-DD`. */
export function summarizeBoard(
	board: {
		people: readonly Person[];
		risks: readonly Risk[];
		milestones: readonly Milestone[];
		raciTasks: readonly RaciTask[];
		raci: ReadonlyMap<string, RaciValue>;
		actions: readonly Action[];
	},
	today: string
): BoardSummary {
	const openRisksByBand = Object.fromEntries(RISK_BANDS.map((band) => [band.id, 0])) as Record<
		RiskBandId,
		number
	>;
	const open = board.risks.filter((risk) => risk.status !== 'closed');
	for (const risk of open) openRisksByBand[riskBand(risk).id]++;
	const upcoming = sortMilestones(board.milestones).filter(
		(milestone) => milestone.status !== 'done' && milestone.due !== '' && milestone.due >= today
	);
	return {
		people: board.people.length,
		openRisksByBand,
		openRisks: open.length,
		closedRisks: board.risks.length - open.length,
		nextMilestone: upcoming[0] ?? null,
		overdueMilestones: board.milestones.filter((m) => isMilestoneOverdue(m, today)).length,
		raciTasks: board.raciTasks.length,
		raciTasksWithProblems: checkRaciMatrix(board.raciTasks, board.people, board.raci)
			.tasksWithProblems,
		openActions: board.actions.filter((action) => action.status !== 'done').length,
		overdueActions: board.actions.filter((action) => isActionOverdue(action, today)).length
	};
}
