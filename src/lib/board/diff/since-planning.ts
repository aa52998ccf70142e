import { allocationKey, formatMonth } from '../allocation-model.ts';
import { dependencyKey } from '../dependencies.ts';
import type { BoardChanges } from './compare.ts';
import { fieldDetails, type ChangeCollector } from './since-collector.ts';

/**
 * The planning sections in "since you last looked" (since.ts): budget lines, allocations,
 * milestone dependencies and stakeholder moves, each worded as the change list words them and
 * attributed to the writers of its own entry or cell.
 */
export function collectPlanning(list: ChangeCollector, changes: BoardChanges): void {
	collectBudget(list, changes.budget);
	collectAllocations(list, changes.allocations);
	collectDependencies(list, changes.dependencies);
	collectStakeholders(list, changes.stakeholders);
}

function collectBudget(list: ChangeCollector, budget: BoardChanges['budget']): void {
	const noun = 'budget line';
	for (const line of budget.added) list.added('budget', 'budgetLines', line.id, noun, line.title);
	for (const line of budget.removed) list.removed('budget', line.id, noun, line.title);
	for (const line of budget.changed) {
		const writers = list.writers('budgetLines', line.id);
		list.changed('budget', line.id, noun, line.title, fieldDetails(line.changes), writers);
	}
	if (budget.currency) {
		const { before, after } = budget.currency;
		const writers = list.writers('meta', 'currency');
		list.changed(
			'budget',
			'currency',
			'budget',
			'currency',
			[`from ${before} to ${after}`],
			writers,
			null
		);
	}
}

// One change per person, a detail per month; the grid has no row to bring into view.
function collectAllocations(list: ChangeCollector, allocations: BoardChanges['allocations']): void {
	const percent = (value: number | null) => (value === null ? 'none' : `${value}%`);
	for (const cell of allocations) {
		const detail = `${formatMonth(cell.month)} from ${percent(cell.before)} to ${percent(cell.after)}`;
		const writers = list.writers('allocations', allocationKey(cell.personId, cell.month));
		list.changed('resources', cell.personId, 'allocation of', cell.person, [detail], writers, null);
	}
}

// Listed on the successor, the milestone a dependency holds back.
function collectDependencies(
	list: ChangeCollector,
	{ added, removed }: BoardChanges['dependencies']
): void {
	const noun = 'milestone';
	for (const [links, verb] of [
		[added, 'now waits for'],
		[removed, 'no longer waits for']
	] as const) {
		for (const link of links) {
			const key = dependencyKey(link.predecessorId, link.successorId);
			const writers = list.writers('dependencies', key);
			const detail = `${verb} “${link.predecessor}”`;
			list.changed('milestones', link.successorId, noun, link.successor, [detail], writers);
		}
	}
}

function collectStakeholders(
	list: ChangeCollector,
	{ moved, attitude }: BoardChanges['stakeholders']
): void {
	for (const [changes, field] of [
		[moved, 'quadrant'],
		[attitude, 'attitude']
	] as const) {
		for (const change of changes) {
			const detail = `${field} from “${change.before}” to “${change.after}”`;
			const writers = list.writers('people', change.id);
			list.changed('stakeholders', change.id, 'stakeholder', change.name, [detail], writers, null);
		}
	}
}
