import type { Decision, DecisionStatus } from '../schema.ts';
import { matchById } from './entities.ts';

/** A decision as the change list shows it. */
export interface DecisionSummary {
	id: string;
	title: string;
	status: DecisionStatus;
	decidedOn: string;
}

/** A decision whose status changed (made, superseded, reversed). */
export interface DecisionStatusChange {
	id: string;
	title: string;
	before: DecisionStatus;
	after: DecisionStatus;
	/** When it was decided, on the newer side ('' for no date). */
	decidedOn: string;
}

/** What changed in the decision log between two states of a board. */
export interface DecisionChanges {
	added: DecisionSummary[];
	removed: DecisionSummary[];
	statusChanged: DecisionStatusChange[];
}

/** How many changes to the decision log a comparison lists. */
export function countDecisionChanges(changes: DecisionChanges): number {
	return changes.added.length + changes.removed.length + changes.statusChanged.length;
}

/**
 * Decisions added (newer board order), removed (older board order) and those whose status
 * changed, from an older and a newer reading of the log.
 */
export function compareDecisions(
	before: readonly Decision[],
	after: readonly Decision[]
): DecisionChanges {
	const { added, removed, kept } = matchById({ before, after });
	return {
		added: added.map(summariseDecision),
		removed: removed.map(summariseDecision),
		statusChanged: kept
			.filter(({ before: old, after: now }) => old.status !== now.status)
			.map(({ before: old, after: now }) => ({
				id: now.id,
				title: now.title,
				before: old.status,
				after: now.status,
				decidedOn: now.decidedOn
			}))
	};
}

function summariseDecision({ id, title, status, decidedOn }: Decision): DecisionSummary {
	return { id, title, status, decidedOn };
}
