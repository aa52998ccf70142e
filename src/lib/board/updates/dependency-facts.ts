import { dependencyKey } from '../dependencies.ts';
import {
	checkDependencies,
	dependencyProblemText,
	type DependencyProblem
} from '../views/milestone-dependencies.ts';
import type { UpdateBasis } from './basis.ts';
import type { StatusFact } from './model.ts';

/**
 * Milestones newly blocked by what they depend on: a broken link (dependencyProblemText) the
 * board has now and the previous basis did not, e.g. "Blocked: “Launch” is due before “Beta”,
 * which it depends on". A link broken then and still broken was reported then.
 */
export function dependencyFacts(previous: UpdateBasis, current: UpdateBasis): StatusFact[] {
	const before = new Set(problemsOf(previous).map(problemKey));
	return problemsOf(current)
		.filter((problem) => !before.has(problemKey(problem)))
		.map((problem) => ({
			kind: 'milestone-blocked',
			text: `Blocked: ${dependencyProblemText(problem)}`,
			section: 'milestones',
			id: problem.successor.id
		}));
}

function problemsOf(basis: UpdateBasis): readonly DependencyProblem[] {
	const cells = new Map(
		basis.dependencies.map((link) => [dependencyKey(link.predecessor, link.successor), 'fs'])
	);
	return checkDependencies(basis.milestones, cells).problems;
}

const problemKey = (problem: DependencyProblem) =>
	`${problem.kind}:${dependencyKey(problem.predecessor.id, problem.successor.id)}`;
