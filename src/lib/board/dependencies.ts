import * as z from 'zod';
import { isId } from './ids.ts';

/**
 * Milestone dependencies (finish-to-start): the root cell map `dependencies`, one key
 * `predecessorId:successorId` per link, its value the link's type ('fs', the only one). A cell
 * per link, rather than a list on the milestone, so two people adding different links at once
 * both keep theirs, as RACI cells do.
 */

/** Types of link between milestones: finish-to-start, the successor starts once the predecessor is done. */
export const DEPENDENCY_TYPES = ['fs'] as const;
/** A type of link. */
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];

/** A link's stored value. */
export const dependencyValueSchema = z.enum(DEPENDENCY_TYPES);

/** A link between two milestones: the successor depends on the predecessor. */
export interface DependencyLink {
	readonly predecessor: string;
	readonly successor: string;
}

/** The key of the link that makes `successorId` depend on `predecessorId`. */
export function dependencyKey(predecessorId: string, successorId: string): string {
	return `${predecessorId}:${successorId}`;
}

/** The milestones of a link key, or null when the key is malformed or links a milestone to itself. */
export function parseDependencyKey(key: string): DependencyLink | null {
	const [predecessor, successor, ...rest] = key.split(':');
	if (rest.length > 0 || !isId(predecessor) || !isId(successor)) return null;
	if (predecessor === successor) return null;
	return { predecessor, successor };
}

/** The links of a read cell map, in key order (the order every peer sees them in). */
export function dependencyLinks(cells: ReadonlyMap<string, unknown>): DependencyLink[] {
	return [...cells.keys()].sort().flatMap((key) => {
		const link = parseDependencyKey(key);
		return link ? [link] : [];
	});
}

/** The links every reader follows, and those it ignores because they close a cycle. */
export interface DependencyGraph {
	/** Links between milestones that exist, with no cycle among them. */
	readonly links: readonly DependencyLink[];
	/**
	 * Links that would close a cycle (two offline peers can each add one half of it): left out by
	 * the same rule on every peer, so everybody sees the same graph, and named in a warning.
	 */
	readonly ignored: readonly DependencyLink[];
}

/**
 * The dependency graph of the milestones `milestoneIds`: links to a milestone that is gone are
 * dropped; then each link in key order is kept unless the links kept before it already make its
 * predecessor depend on its successor, in which case it would close a cycle and is ignored.
 * Deterministic (key order), and never loops: every walk marks what it has visited.
 */
export function dependencyGraph(
	cells: ReadonlyMap<string, unknown>,
	milestoneIds: Iterable<string>
): DependencyGraph {
	const predecessors = new Map<string, Set<string>>();
	const links: DependencyLink[] = [];
	const ignored: DependencyLink[] = [];
	for (const link of linksBetween(cells, milestoneIds)) {
		if (dependencyPath(predecessors, link.predecessor, link.successor) !== null) {
			ignored.push(link);
			continue;
		}
		links.push(link);
		addPredecessor(predecessors, link);
	}
	return { links, ignored };
}

/** The links of `cells` whose two milestones are both among `milestoneIds`, in key order. */
export function linksBetween(
	cells: ReadonlyMap<string, unknown>,
	milestoneIds: Iterable<string>
): DependencyLink[] {
	const known = new Set(milestoneIds);
	return dependencyLinks(cells).filter(
		(link) => known.has(link.predecessor) && known.has(link.successor)
	);
}

/** Each milestone's predecessors, from a list of links. */
export function predecessorsOf(links: readonly DependencyLink[]): Map<string, Set<string>> {
	const predecessors = new Map<string, Set<string>>();
	for (const link of links) addPredecessor(predecessors, link);
	return predecessors;
}

function addPredecessor(predecessors: Map<string, Set<string>>, link: DependencyLink): void {
	let set = predecessors.get(link.successor);
	if (!set) predecessors.set(link.successor, (set = new Set()));
	set.add(link.predecessor);
}

/**
 * The chain by which `from` depends on `to` through `predecessors` (from, …, to), or null when it
 * does not. Breadth first, so the chain named is a shortest one; visited milestones are marked,
 * so links that loop (written by peers) end the walk rather than prolong it.
 */
export function dependencyPath(
	predecessors: ReadonlyMap<string, ReadonlySet<string>>,
	from: string,
	to: string
): string[] | null {
	const cameFrom = new Map<string, string | null>([[from, null]]);
	const queue = [from];
	for (let index = 0; index < queue.length; index++) {
		const current = queue[index]!;
		if (current === to) {
			const path: string[] = [];
			for (let step: string | null = to; step !== null; step = cameFrom.get(step) ?? null)
				path.unshift(step);
			return path;
		}
		for (const next of predecessors.get(current) ?? []) {
			if (cameFrom.has(next)) continue;
			cameFrom.set(next, current);
			queue.push(next);
		}
	}
	return null;
}
