import { dependencyKey, dependencyLinks } from '../dependencies.ts';
import type { Milestone } from '../schema.ts';

/** A dependency link as the change list names it: by its milestones' titles. */
export interface DependencyChange {
	predecessorId: string;
	predecessor: string;
	successorId: string;
	successor: string;
}

/** Dependency links added and removed between two states of a board. */
export interface DependencyChanges {
	added: DependencyChange[];
	removed: DependencyChange[];
}

/** How many dependency changes a comparison lists. */
export function countDependencyChanges(changes: DependencyChanges): number {
	return changes.added.length + changes.removed.length;
}

type Side = {
	readonly milestones: readonly Pick<Milestone, 'id' | 'title'>[];
	readonly dependencies: ReadonlyMap<string, unknown>;
};

/**
 * Links added (titles from the newer board) and removed (titles from the older one), in key
 * order; a link whose milestone neither side can name is not shown anywhere, so not listed.
 */
export function compareDependencies(old: Side, now: Side): DependencyChanges {
	return { added: linksOnlyIn(now, old), removed: linksOnlyIn(old, now) };
}

function linksOnlyIn(side: Side, other: Side): DependencyChange[] {
	const titles = new Map(side.milestones.map((milestone) => [milestone.id, milestone.title]));
	return dependencyLinks(side.dependencies).flatMap(({ predecessor, successor }) => {
		if (other.dependencies.has(dependencyKey(predecessor, successor))) return [];
		const predecessorTitle = titles.get(predecessor);
		const successorTitle = titles.get(successor);
		if (predecessorTitle === undefined || successorTitle === undefined) return [];
		return [
			{
				predecessorId: predecessor,
				predecessor: predecessorTitle,
				successorId: successor,
				successor: successorTitle
			}
		];
	});
}
