import { dependencyGraph, type DependencyLink } from '../dependencies.ts';
import type { Milestone } from '../schema.ts';

/**
 * The checks of finish-to-start links: a successor cannot finish before what it depends on.
 * Pure, so the milestones section, the Overview, the exports and the status updates say the same.
 */

/** What can be wrong with a link. */
export type DependencyProblemKind = 'due-before' | 'done-before';

/** A broken link: the successor is due before its predecessor, or done while it is not. */
export interface DependencyProblem {
	readonly kind: DependencyProblemKind;
	readonly predecessor: Pick<Milestone, 'id' | 'title'>;
	readonly successor: Pick<Milestone, 'id' | 'title'>;
}

/** A link as the timeline draws it, its milestones resolved and whether a check fails on it. */
export interface CheckedLink extends DependencyLink {
	readonly broken: boolean;
}

/** Every link checked, the flagged successors, and the links ignored because they close a cycle. */
export interface DependencyReport {
	readonly links: readonly CheckedLink[];
	/** Broken links, in link order. */
	readonly problems: readonly DependencyProblem[];
	/** Successor id → its problems, for the badge on its row. */
	readonly bySuccessor: ReadonlyMap<string, readonly DependencyProblem[]>;
	/** Links left out because they close a cycle (two offline peers each added a half). */
	readonly ignored: readonly { predecessor: string; successor: string }[];
	/** Milestone id → its predecessors' ids, as followed (cycle links left out). */
	readonly predecessors: ReadonlyMap<string, readonly string[]>;
}

type Checked = Pick<Milestone, 'id' | 'title' | 'due' | 'status'>;

/** The problem of one link, or null when it holds. */
export function linkProblem(
	predecessor: Checked,
	successor: Checked
): DependencyProblemKind | null {
	if (predecessor.due !== '' && successor.due !== '' && predecessor.due > successor.due)
		return 'due-before';
	if (successor.status === 'done' && predecessor.status !== 'done') return 'done-before';
	return null;
}

/** Checks the links of `cells` (the `dependencies` cell map) between `milestones`. */
export function checkDependencies<M extends Checked>(
	milestones: readonly M[],
	cells: ReadonlyMap<string, unknown>
): DependencyReport {
	const byId = new Map(milestones.map((milestone) => [milestone.id, milestone]));
	const graph = dependencyGraph(cells, byId.keys());
	const links: CheckedLink[] = [];
	const problems: DependencyProblem[] = [];
	const bySuccessor = new Map<string, DependencyProblem[]>();
	const predecessors = new Map<string, string[]>();
	for (const link of graph.links) {
		const predecessor = byId.get(link.predecessor)!;
		const successor = byId.get(link.successor)!;
		const kind = linkProblem(predecessor, successor);
		links.push({ ...link, broken: kind !== null });
		predecessors.set(link.successor, [
			...(predecessors.get(link.successor) ?? []),
			link.predecessor
		]);
		if (kind === null) continue;
		const problem = { kind, predecessor, successor };
		problems.push(problem);
		bySuccessor.set(successor.id, [...(bySuccessor.get(successor.id) ?? []), problem]);
	}
	return { links, problems, bySuccessor, ignored: graph.ignored, predecessors };
}

const quoted = (title: string) => `“${title}”`;

/** A broken link in words, e.g. "“Launch” is due before “Beta”, which it depends on". */
export function dependencyProblemText({ kind, predecessor, successor }: DependencyProblem): string {
	return kind === 'due-before'
		? `${quoted(successor.title)} is due before ${quoted(predecessor.title)}, which it depends on`
		: `${quoted(successor.title)} is done, but ${quoted(predecessor.title)}, which it depends on, is not`;
}

/** A link ignored for closing a cycle, in words. */
export function ignoredLinkText(
	link: { predecessor: string; successor: string },
	titleOf: (id: string) => string
): string {
	return `${quoted(titleOf(link.successor))} depending on ${quoted(titleOf(link.predecessor))} would close a loop, so it is ignored`;
}

/** What the exports and the print view say of each milestone's links. */
export interface DependencyWords {
	/** The titles a milestone depends on, in link order. */
	dependsOn(id: string): string[];
	/** Its broken links in words (dependencyProblemText). */
	problems(id: string): string[];
	/** The links ignored for closing a cycle, in words. */
	readonly loops: string[];
}

/** The links of `cells` between `milestones`, in words for documents. */
export function dependencyWords<M extends Checked>(
	milestones: readonly M[],
	cells: ReadonlyMap<string, unknown>
): DependencyWords {
	const report = checkDependencies(milestones, cells);
	const titles = new Map(milestones.map((milestone) => [milestone.id, milestone.title]));
	const titleOf = (id: string) => titles.get(id) ?? '';
	return {
		dependsOn: (id) => (report.predecessors.get(id) ?? []).map(titleOf),
		problems: (id) => (report.bySuccessor.get(id) ?? []).map(dependencyProblemText),
		loops: report.ignored.map((link) => ignoredLinkText(link, titleOf))
	};
}
