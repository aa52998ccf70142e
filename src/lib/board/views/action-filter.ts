import type { Action, ActionStatus, Person } from '../schema.ts';
import { ownerMatches, type OwnerFilter } from './risk-filter.ts';

/** Action states as users read them. */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
	todo: 'To do',
	doing: 'Doing',
	done: 'Done'
};

/** The actions list's filters; null means "any". They combine. */
export interface ActionFilter {
	readonly status: ActionStatus | null;
	readonly owner: OwnerFilter;
}

/** No filter: every action passes. */
export const NO_ACTION_FILTER: ActionFilter = { status: null, owner: null };

/** Whether any filter is set. */
export function isActionFilterActive(filter: ActionFilter): boolean {
	return filter.status !== null || filter.owner !== null;
}

/** The actions that pass every filter set, in the order given. */
export function filterActions(
	actions: readonly Action[],
	filter: ActionFilter,
	people: readonly Pick<Person, 'id'>[]
): Action[] {
	return actions.filter(
		(action) =>
			(filter.status === null || action.status === filter.status) &&
			ownerMatches(action.owner, filter.owner, people)
	);
}

/** Whether an action is overdue: not done, and due before `today` (YYYY-MM-DD). */
export function isOverdue(action: Pick<Action, 'status' | 'due'>, today: string): boolean {
	return action.status !== 'done' && action.due !== '' && action.due < today;
}

/** How many of `actions` are overdue. */
export function countOverdue(
	actions: readonly Pick<Action, 'status' | 'due'>[],
	today: string
): number {
	return actions.filter((action) => isOverdue(action, today)).length;
}
