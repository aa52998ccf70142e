import type * as Y from 'yjs';
import { CHARTER_SECTIONS, CHARTER_SECTION_LABELS, type CharterSection } from '../doc.ts';
import { parseRaciCellKey } from '../read.ts';
import { readBoard } from '../read-board.ts';
import type { Action, Decision, Milestone, Person, RaciTask, RaciValue, Risk } from '../schema.ts';
import { ACTION_STATUS_LABELS } from '../views/action-filter.ts';
import { MILESTONE_STATUS_LABELS } from '../views/milestone-schedule.ts';
import { RISK_STATUS_LABELS } from '../views/risk-bands.ts';
import { RISK_REGISTER_VIEWS, riskLinksText, riskTitle } from './risk-register.ts';
import type { RiskLinkKind } from '../risk-links.ts';
import { slipDays } from '../views/schedule-slip.ts';
import {
	changedFields,
	matchById,
	ownerName,
	scoreOf,
	summariseMilestone,
	summariseAction,
	summarisePerson,
	summariseRisk,
	type ActionChange,
	type ActionSummary,
	type MilestoneChange,
	type MilestoneMove,
	type MilestoneSummary,
	type PersonSummary,
	type RiskChange,
	type RiskRescore,
	type RiskSummary
} from './entities.ts';
import { compareDecisions, countDecisionChanges, type DecisionChanges } from './decisions.ts';
import { compareBudget, countBudgetChanges, type BudgetChanges } from './budget.ts';
import { readCurrency } from '../budget.ts';
import type { BudgetLine } from '../budget-schema.ts';
import { compareAllocations, type AllocationChange } from './allocations.ts';
import { plainText } from './plain-text.ts';
import {
	compareDependencies,
	countDependencyChanges,
	type DependencyChanges
} from './dependencies.ts';
import {
	compareStakeholders,
	countStakeholderChanges,
	type StakeholderChanges
} from './stakeholders.ts';
import { diffText, type TextPart } from './text-diff.ts';

export type * from './entities.ts';
export type * from './decisions.ts';
export type * from './budget.ts';
export type * from './dependencies.ts';
export type * from './stakeholders.ts';
export type * from './allocations.ts';
export type { TextPart } from './text-diff.ts';

/** A RACI cell (task × person) whose letter changed; null = empty. */
export interface RaciCellChange {
	taskId: string;
	task: string;
	personId: string;
	person: string;
	before: RaciValue | null;
	after: RaciValue | null;
}

/** A charter section whose text changed, as a word-level diff. */
export interface CharterTextChange {
	section: CharterSection;
	label: string;
	parts: TextPart[];
}

/** Everything that differs between two states of a board, grouped as the change list shows it. */
export interface BoardChanges {
	title: { before: string; after: string } | null;
	risks: {
		added: RiskSummary[];
		removed: RiskSummary[];
		rescored: RiskRescore[];
		changed: RiskChange[];
	};
	raci: {
		tasksAdded: string[];
		tasksRemoved: string[];
		cells: RaciCellChange[];
	};
	milestones: {
		added: MilestoneSummary[];
		removed: MilestoneSummary[];
		moved: MilestoneMove[];
		changed: MilestoneChange[];
	};
	people: { added: PersonSummary[]; removed: PersonSummary[] };
	actions: { added: ActionSummary[]; removed: ActionSummary[]; changed: ActionChange[] };
	charter: CharterTextChange[];
	decisions: DecisionChanges;
	/** Milestone dependency links added and removed, named by titles. */
	dependencies: DependencyChanges;
	/** People moved to another quadrant of the stakeholder grid, or whose attitude changed. */
	stakeholders: StakeholderChanges;
	/** Budget lines added, removed and changed, and the currency. */
	budget: BudgetChanges;
	/** Allocation cells added, changed and removed, by person and month. */
	allocations: AllocationChange[];
}

/** What a comparison reads of one state of a board, validated; read once per state. */
export interface BoardSnapshot {
	title: string;
	people: readonly Person[];
	risks: readonly Risk[];
	milestones: readonly Milestone[];
	raciTasks: readonly RaciTask[];
	raci: ReadonlyMap<string, RaciValue>;
	actions: readonly Action[];
	charter: Record<CharterSection, string>;
	decisions: readonly Decision[];
	dependencies: ReadonlyMap<string, 'fs'>;
	currency: string;
	budgetLines: readonly BudgetLine[];
	allocations: ReadonlyMap<string, number>;
	/** Risk link cells (risk-links.ts), named through the actions and milestones. */
	riskLinks: ReadonlyMap<string, RiskLinkKind>;
}

/**
 * Reads what a comparison needs of a board state. A saved version never changes, so its
 * snapshot can be read once and compared with the live board again and again.
 */
export function boardSnapshot(doc: Y.Doc): BoardSnapshot {
	const read = readBoard(doc);
	const charter = Object.fromEntries(
		CHARTER_SECTIONS.map((section) => {
			const field = read.charter[section];
			return [section, field ? plainText(field) : ''];
		})
	) as Record<CharterSection, string>;
	return {
		title: read.meta?.title ?? '',
		people: read.people,
		risks: read.risks,
		milestones: read.milestones,
		raciTasks: read.raciTasks,
		raci: read.raci,
		actions: read.actions,
		charter,
		decisions: read.decisions,
		dependencies: read.dependencies,
		currency: readCurrency(doc),
		budgetLines: read.budgetLines,
		allocations: read.allocations,
		riskLinks: read.riskLinks
	};
}

/**
 * Compares two states of a board (an older one, e.g. a saved version, and a newer one, e.g.
 * now): risks added, removed, re-scored and otherwise changed, RACI cells changed, milestones
 * moved, added and removed, people added and removed, actions added, removed and changed,
 * charter text changed per section as a word-level diff, and decisions added, removed and whose
 * status changed. Reads both through the validated readers; entries that do not parse on a
 * side are left out, as everywhere else.
 */
export function compareBoards(before: Y.Doc, after: Y.Doc): BoardChanges {
	return compareSnapshots(boardSnapshot(before), boardSnapshot(after));
}

/** Compares two board snapshots (see compareBoards). */
export function compareSnapshots(old: BoardSnapshot, now: BoardSnapshot): BoardChanges {
	return {
		title: old.title === now.title ? null : { before: old.title, after: now.title },
		risks: compareRisks(old, now),
		raci: compareRaci(old, now),
		milestones: compareMilestones(old, now),
		people: comparePeople(old, now),
		actions: compareActions(old, now),
		charter: compareCharter(old, now),
		decisions: compareDecisions(old.decisions, now.decisions),
		dependencies: compareDependencies(old, now),
		stakeholders: compareStakeholders(old.people, now.people),
		budget: compareBudget(old, now),
		allocations: compareAllocations(old, now)
	};
}

/** How many changes a comparison lists, for "no changes" and summaries. */
export function countChanges(changes: BoardChanges): number {
	const { risks, raci, milestones, people, actions } = changes;
	return (
		(changes.title ? 1 : 0) +
		risks.added.length +
		risks.removed.length +
		risks.rescored.length +
		risks.changed.length +
		raci.tasksAdded.length +
		raci.tasksRemoved.length +
		raci.cells.length +
		milestones.added.length +
		milestones.removed.length +
		milestones.moved.length +
		milestones.changed.length +
		people.added.length +
		people.removed.length +
		actions.added.length +
		actions.removed.length +
		actions.changed.length +
		changes.charter.length +
		countDecisionChanges(changes.decisions) +
		countDependencyChanges(changes.dependencies) +
		countStakeholderChanges(changes.stakeholders) +
		countBudgetChanges(changes.budget) +
		changes.allocations.length
	);
}

function compareRisks(old: BoardSnapshot, now: BoardSnapshot): BoardChanges['risks'] {
	const { added, removed, kept } = matchById({ before: old.risks, after: now.risks });
	const [linksBefore, linksAfter] = [riskLinksText(old), riskLinksText(now)];
	// Named R-n wherever the compare lists them (risk-register.ts).
	const named = (risk: Risk, people: readonly Person[]) => ({
		...summariseRisk(risk, people),
		title: riskTitle(risk)
	});
	return {
		added: added.map((risk) => named(risk, now.people)),
		removed: removed.map((risk) => named(risk, old.people)),
		rescored: kept
			.filter(
				({ before, after }) =>
					before.likelihood !== after.likelihood || before.impact !== after.impact
			)
			.map(({ before, after }) => ({
				id: after.id,
				title: riskTitle(after),
				before: scoreOf(before),
				after: scoreOf(after)
			})),
		changed: kept.flatMap(({ before, after }) => {
			const links = { before: linksBefore(before.id), after: linksAfter(after.id) };
			const changes = changedFields(
				{ entity: before, people: old.people },
				{ entity: after, people: now.people },
				{
					title: (risk) => risk.title,
					owner: (risk, people) => ownerName(people, risk.owner),
					status: (risk) => RISK_STATUS_LABELS[risk.status],
					due: (risk) => risk.due || 'no date',
					...RISK_REGISTER_VIEWS
				}
			);
			if (links.before !== links.after) changes.push({ field: 'affects', ...links });
			return changes.length > 0 ? [{ id: after.id, title: riskTitle(after), changes }] : [];
		})
	};
}

function compareMilestones(old: BoardSnapshot, now: BoardSnapshot): BoardChanges['milestones'] {
	const { added, removed, kept } = matchById({ before: old.milestones, after: now.milestones });
	return {
		added: added.map(summariseMilestone),
		removed: removed.map(summariseMilestone),
		moved: kept
			.filter(({ before, after }) => before.due !== after.due)
			.map(({ before, after }) => ({
				id: after.id,
				title: after.title,
				before: before.due,
				after: after.due,
				slip: slipDays(after.due, before.due)
			})),
		changed: kept.flatMap(({ before, after }) => {
			const changes = changedFields(
				{ entity: before, people: old.people },
				{ entity: after, people: now.people },
				{
					title: (milestone) => milestone.title,
					owner: (milestone, people) => ownerName(people, milestone.owner),
					status: (milestone) => MILESTONE_STATUS_LABELS[milestone.status]
				}
			);
			return changes.length > 0 ? [{ id: after.id, title: after.title, changes }] : [];
		})
	};
}

function comparePeople(old: BoardSnapshot, now: BoardSnapshot): BoardChanges['people'] {
	const { added, removed } = matchById({ before: old.people, after: now.people });
	return { added: added.map(summarisePerson), removed: removed.map(summarisePerson) };
}

function compareActions(old: BoardSnapshot, now: BoardSnapshot): BoardChanges['actions'] {
	const { added, removed, kept } = matchById({ before: old.actions, after: now.actions });
	return {
		added: added.map((action) => summariseAction(action, now.people)),
		removed: removed.map((action) => summariseAction(action, old.people)),
		changed: kept.flatMap(({ before, after }) => {
			const changes = changedFields(
				{ entity: before, people: old.people },
				{ entity: after, people: now.people },
				{
					title: (action) => action.title,
					owner: (action, people) => ownerName(people, action.owner),
					due: (action) => action.due || 'no date',
					status: (action) => ACTION_STATUS_LABELS[action.status]
				}
			);
			return changes.length > 0 ? [{ id: after.id, title: after.title, changes }] : [];
		})
	};
}

function compareRaci(old: BoardSnapshot, now: BoardSnapshot): BoardChanges['raci'] {
	const tasks = matchById({ before: old.raciTasks, after: now.raciTasks });
	const oldCells = old.raci;
	const newCells = now.raci;
	// Rows and columns in the newer board's order, then those only the older board has.
	const taskOrder = [...now.raciTasks, ...tasks.removed];
	const personOrder = [
		...now.people,
		...matchById({ before: old.people, after: now.people }).removed
	];
	const rank = <T extends { id: string }>(list: readonly T[]) =>
		new Map(list.map((entry, index) => [entry.id, { entry, index }]));
	const taskRank = rank(taskOrder);
	const personRank = rank(personOrder);
	const cells: Array<RaciCellChange & { order: [number, number] }> = [];
	for (const key of new Set([...oldCells.keys(), ...newCells.keys()])) {
		const beforeValue = oldCells.get(key) ?? null;
		const afterValue = newCells.get(key) ?? null;
		const cell = parseRaciCellKey(key);
		if (beforeValue === afterValue || !cell) continue;
		const task = taskRank.get(cell.taskId);
		const person = personRank.get(cell.personId);
		// A cell whose row or column neither board has is not shown anywhere, so not listed.
		if (!task || !person) continue;
		cells.push({
			taskId: cell.taskId,
			task: task.entry.title,
			personId: cell.personId,
			person: person.entry.name,
			before: beforeValue,
			after: afterValue,
			order: [task.index, person.index]
		});
	}
	cells.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
	return {
		tasksAdded: tasks.added.map((task) => task.title),
		tasksRemoved: tasks.removed.map((task) => task.title),
		cells: cells.map(({ order: _order, ...cell }) => cell)
	};
}

function compareCharter(old: BoardSnapshot, now: BoardSnapshot): CharterTextChange[] {
	return CHARTER_SECTIONS.flatMap((section) => {
		const parts = diffText(old.charter[section], now.charter[section]);
		return parts.length > 0 ? [{ section, label: CHARTER_SECTION_LABELS[section], parts }] : [];
	});
}
