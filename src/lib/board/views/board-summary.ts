import type { Action, Milestone, Person, RaciTask, RaciValue, Risk } from '../schema.ts';
import { isOverdue as isActionOverdue } from './action-filter.ts';
import { isOverdue as isMilestoneOverdue, sortMilestones } from './milestone-schedule.ts';
import { checkRaciMatrix } from './raci-checks.ts';
import type { RiskBandId } from './risk-bands.ts';
import { heatMapBandCounts, heatMapRisks } from './risk-heat-map.ts';

/** The board at a glance, for the overview: what needs attention in each section. */
export interface BoardSummary {
	people: number;
	/** Per band, the risks the heat map counts (countsOnHeatMap). */
	openRisksByBand: Record<RiskBandId, number>;
	/** The risks the heat map counts: every one but the closed. */
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
	// The risks the heat map counts: the overview's numbers are the heat map's.
	const open = heatMapRisks(board.risks);
	const openRisksByBand = Object.fromEntries(
		heatMapBandCounts(board.risks).map(({ band, count }) => [band.id, count])
	) as Record<RiskBandId, number>;
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
