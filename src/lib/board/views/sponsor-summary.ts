import { daysUntil } from '../dates.ts';
import type { Action, Milestone, Person, RaciTask, RaciValue, Risk } from '../schema.ts';
import { isOverdue as isActionOverdue } from './action-filter.ts';
import { summarizeBoard, type BoardSummary } from './board-summary.ts';
import { isOverdue as isMilestoneOverdue, sortMilestones } from './milestone-schedule.ts';
import { checkRaciMatrix, type RaciCheckKind } from './raci-checks.ts';
import { checkAllocations, type AllocationProblem } from './allocation-checks.ts';
import { riskBand, riskScore, type RiskBand } from './risk-bands.ts';
import { heatMapRisks } from './risk-heat-map.ts';
import { sortRisks } from './risk-sort.ts';

/** How many risks the overview names, highest score first. */
export const TOP_RISK_COUNT = 5;

/** How many days ahead an action counts as due this week: today and the six after it. */
export const DUE_SOON_DAYS = 7;

/** A milestone as the overview's timeline and list name it. */
export interface SponsorMilestone {
	readonly milestone: Milestone;
	readonly owner: string;
	/** The next one: the first, by date, that is not done and not past. */
	readonly next: boolean;
	/** Not done and due before today. */
	readonly overdue: boolean;
	/** Marked at risk by its owner (and not done). */
	readonly atRisk: boolean;
}

/** One of the top risks, with what its pill and line show. */
export interface TopRisk {
	readonly risk: Risk;
	readonly score: number;
	readonly band: RiskBand;
	readonly owner: string;
}

/** A RACI task that fails a check, with the checks it fails. */
export interface RaciProblem {
	readonly task: RaciTask;
	readonly problems: readonly RaciCheckKind[];
}

/** An open action with a due date the overview names: overdue or due this week. */
export interface DueAction {
	readonly action: Action;
	readonly owner: string;
	/** Days from today to its due date: negative when late. */
	readonly days: number;
}

/**
 * What a sponsor reads first: the summary's counts (the heat map's, the exports'), and behind
 * them the things themselves — milestones in date order with the next and the troubled named,
 * the top open risks, the RACI tasks failing a check, and actions overdue or due this week.
 */
export interface SponsorSummary extends BoardSummary {
	/** Every milestone by date, undated last (sortMilestones). */
	readonly milestones: readonly SponsorMilestone[];
	/** Milestones not done that are at risk or overdue, by date. */
	readonly troubledMilestones: readonly SponsorMilestone[];
	readonly doneMilestones: number;
	/** Up to TOP_RISK_COUNT risks the heat map counts, by score as the register sorts it. */
	readonly topRisks: readonly TopRisk[];
	/** In board order; as many as `raciTasksWithProblems`. */
	readonly raciProblems: readonly RaciProblem[];
	/** The longest overdue first; as many as `overdueActions`. */
	readonly lateActions: readonly DueAction[];
	/** Open actions due from today to DUE_SOON_DAYS - 1 days on, soonest first. */
	readonly actionsDueSoon: readonly DueAction[];
	/**
	 * Whether the board plans resources (holds an allocation): only then are its resource checks
	 * run, so a team that does not plan resources here is not told every owner lacks time.
	 */
	readonly plansResources: boolean;
	/** What the resource checks found (allocation-checks.ts); none when it plans no resources. */
	readonly allocationProblems: readonly AllocationProblem[];
}

/** The board collections the summary reads. */
export interface SummarizedBoard {
	readonly people: readonly Person[];
	readonly risks: readonly Risk[];
	readonly milestones: readonly Milestone[];
	readonly raciTasks: readonly RaciTask[];
	readonly raci: ReadonlyMap<string, RaciValue>;
	readonly actions: readonly Action[];
	/** Allocations keyed `personId:YYYY-MM`; without them the resource checks are not run. */
	readonly allocations?: ReadonlyMap<string, number>;
}

/** Summarizes a board for its sponsor; `today` is a local `YYYY-MM-DD`. */
export function summarizeForSponsor(board: SummarizedBoard, today: string): SponsorSummary {
	const summary = summarizeBoard(board, today);
	const names = new Map(board.people.map((person) => [person.id, person.name]));
	const ownerOf = (id: string) => names.get(id) ?? '';
	const milestones = sponsorMilestones(board.milestones, summary.nextMilestone, today, ownerOf);
	return {
		...summary,
		milestones,
		troubledMilestones: milestones.filter((entry) => entry.overdue || entry.atRisk),
		doneMilestones: board.milestones.filter((milestone) => milestone.status === 'done').length,
		topRisks: topRisks(board.risks, board.people).map((risk) => ({
			risk,
			score: riskScore(risk),
			band: riskBand(risk),
			owner: ownerOf(risk.owner)
		})),
		raciProblems: raciProblems(board),
		...actionsDue(board.actions, today, ownerOf),
		...resourceChecks(board)
	};
}

function sponsorMilestones(
	milestones: readonly Milestone[],
	next: Milestone | null,
	today: string,
	ownerOf: (id: string) => string
): SponsorMilestone[] {
	return sortMilestones(milestones).map((milestone) => ({
		milestone,
		owner: ownerOf(milestone.owner),
		next: milestone.id === next?.id,
		overdue: isMilestoneOverdue(milestone, today),
		atRisk: milestone.status === 'at-risk'
	}));
}

/** The open risks with the highest scores; ties keep board order, as the register's score sort does. */
export function topRisks(risks: readonly Risk[], people: readonly Person[]): Risk[] {
	const byScore = sortRisks(
		heatMapRisks(risks),
		{ column: 'score', direction: 'descending' },
		people
	);
	return byScore.slice(0, TOP_RISK_COUNT);
}

function raciProblems({ raciTasks, people, raci }: SummarizedBoard): RaciProblem[] {
	const report = checkRaciMatrix(raciTasks, people, raci);
	return raciTasks.flatMap((task) => {
		const problems = report.problems.get(task.id) ?? [];
		return problems.length > 0 ? [{ task, problems }] : [];
	});
}

function resourceChecks(
	board: SummarizedBoard
): Pick<SponsorSummary, 'plansResources' | 'allocationProblems'> {
	const allocations = board.allocations;
	if (!allocations || allocations.size === 0)
		return { plansResources: false, allocationProblems: [] };
	return { plansResources: true, allocationProblems: checkAllocations({ ...board, allocations }) };
}

function actionsDue(
	actions: readonly Action[],
	today: string,
	ownerOf: (id: string) => string
): Pick<SponsorSummary, 'lateActions' | 'actionsDueSoon'> {
	const dated = actions
		.filter((action) => action.status !== 'done' && action.due !== '')
		.map((action) => ({ action, owner: ownerOf(action.owner), days: daysUntil(action.due, today) }))
		// Stable: equal dates keep board order.
		.sort((a, b) => a.days - b.days);
	return {
		lateActions: dated.filter(({ action }) => isActionOverdue(action, today)),
		actionsDueSoon: dated.filter(({ days }) => days >= 0 && days < DUE_SOON_DAYS)
	};
}
