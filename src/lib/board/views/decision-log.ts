import type { Decision, DecisionStatus } from '../schema.ts';

/** Decision states as people read them, in the UI, the exports and the change list. */
export const DECISION_STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
	proposed: 'Proposed',
	decided: 'Decided',
	superseded: 'Superseded',
	reversed: 'Reversed'
};

/** The title a link to a decision shows: its own, or what became of it. */
export function decisionTitle(decisions: readonly Decision[], id: string): string | null {
	if (!id) return null;
	return decisions.find((decision) => decision.id === id)?.title ?? null;
}

/**
 * The decisions that may supersede `id`, in board order: every other one except those it already
 * precedes in a chain of successors (choosing one would make a cycle, which supersedeDecision
 * refuses).
 */
export function successorCandidates(decisions: readonly Decision[], id: string): Decision[] {
	const successor = new Map(decisions.map((decision) => [decision.id, decision.supersededBy]));
	const leadsTo = (start: string): boolean => {
		const seen = new Set<string>();
		for (let next = start; next && !seen.has(next); next = successor.get(next) ?? '') {
			if (next === id) return true;
			seen.add(next);
		}
		return false;
	};
	return decisions.filter((decision) => !leadsTo(decision.id));
}
