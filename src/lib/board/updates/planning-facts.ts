import { dependencyKey } from '../dependencies.ts';
import {
	checkDependencies,
	dependencyProblemText,
	type DependencyProblem
} from '../views/milestone-dependencies.ts';
import { ATTITUDE_LABELS } from '../stakeholders.ts';
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

/**
 * Stakeholders whose attitude changed since the previous basis, e.g. "Maya is now a sceptic
 * (was a supporter)". A person new since then, or one whose attitude was never set on either
 * side, gives none.
 */
export function attitudeFacts(previous: UpdateBasis, current: UpdateBasis): StatusFact[] {
	const before = new Map(previous.people.map((person) => [person.id, person]));
	return current.people.flatMap((person) => {
		const was = before.get(person.id);
		if (!was || was.attitude === person.attitude) return [];
		const now = person.attitude
			? `now a ${ATTITUDE_LABELS[person.attitude].toLowerCase()}`
			: 'no longer given an attitude';
		const then = was.attitude ? ` (was a ${ATTITUDE_LABELS[was.attitude].toLowerCase()})` : '';
		return [
			{
				kind: 'stakeholder-attitude' as const,
				text: `${person.name} is ${now}${then}`,
				section: 'stakeholders' as const,
				id: person.id
			}
		];
	});
}
