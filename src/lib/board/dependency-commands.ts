import type * as Y from 'yjs';
import { existingEntry } from './collection.ts';
import {
	dependencyKey,
	dependencyPath,
	linksBetween,
	parseDependencyKey,
	predecessorsOf
} from './dependencies.ts';
import { boardRoots, localOrigin } from './doc.ts';
import { BoardCommandError } from './errors.ts';
import { readList } from './read.ts';
import { idSchema } from './schema.ts';
import { parseInput } from './validate.ts';

const milestones = {
	key: 'milestones',
	read: (doc: Y.Doc) => readList(doc, 'milestones')
} as const;

/**
 * A link would make a milestone depend on itself, directly or through other milestones. The
 * message names the chain in titles, e.g. "“Launch” already depends on “Beta”, so “Beta”
 * cannot depend on “Launch”".
 */
export class DependencyCycleError extends BoardCommandError {
	/** The milestone that was to be depended on. */
	readonly predecessorId: string;
	/** The milestone that was to depend on it. */
	readonly successorId: string;
	/** The chain that already exists, predecessor first, successor last (ids). */
	readonly path: readonly string[];

	constructor(predecessorId: string, successorId: string, path: readonly string[], title: Titles) {
		super(cycleMessage(path, title));
		this.name = 'DependencyCycleError';
		this.predecessorId = predecessorId;
		this.successorId = successorId;
		this.path = path;
	}
}

type Titles = (id: string) => string;

function cycleMessage(path: readonly string[], title: Titles): string {
	const quoted = (id: string) => `“${title(id)}”`;
	if (path.length <= 1) return 'A milestone cannot depend on itself.';
	const first = path[0]!;
	const last = path[path.length - 1]!;
	const through = path.length > 2 ? ` (${path.map(quoted).join(' → ')})` : '';
	return `${quoted(first)} already depends on ${quoted(last)}${through}, so ${quoted(last)} cannot depend on ${quoted(first)}.`;
}

/**
 * Makes `successorId` depend on `predecessorId` (finish-to-start). Refuses a milestone
 * depending on itself and a link that would close a cycle with DependencyCycleError, and an
 * unknown milestone with EntityNotFoundError, writing nothing; an existing link is left as it is.
 */
export function addDependency(doc: Y.Doc, predecessorId: string, successorId: string): void {
	const predecessor = parseInput('addDependency', idSchema, predecessorId);
	const successor = parseInput('addDependency', idSchema, successorId);
	existingEntry(doc, milestones, predecessor);
	existingEntry(doc, milestones, successor);
	const { dependencies } = boardRoots(doc);
	const read = readList(doc, 'milestones').items;
	const titles = new Map(read.map((milestone) => [milestone.id, milestone.title]));
	const title = (id: string) => titles.get(id) ?? 'a removed milestone';
	if (predecessor === successor)
		throw new DependencyCycleError(predecessor, successor, [predecessor], title);
	// Every stored link counts here, also one readers ignore, so no new link adds to a cycle.
	const links = linksBetween(new Map(dependencies.entries()), titles.keys());
	const path = dependencyPath(predecessorsOf(links), predecessor, successor);
	if (path !== null) throw new DependencyCycleError(predecessor, successor, path, title);
	const key = dependencyKey(predecessor, successor);
	if (dependencies.get(key) === 'fs') return;
	doc.transact(() => dependencies.set(key, 'fs'), localOrigin);
}

/** Removes the link that makes `successorId` depend on `predecessorId`; nothing when there is none. */
export function removeDependency(doc: Y.Doc, predecessorId: string, successorId: string): void {
	const predecessor = parseInput('removeDependency', idSchema, predecessorId);
	const successor = parseInput('removeDependency', idSchema, successorId);
	const { dependencies } = boardRoots(doc);
	const key = dependencyKey(predecessor, successor);
	if (!dependencies.has(key)) return;
	doc.transact(() => dependencies.delete(key), localOrigin);
}

/** Deletes every link to or from a milestone; called inside the transaction that removes it. */
export function deleteMilestoneDependencies(doc: Y.Doc, milestoneId: string): void {
	const { dependencies } = boardRoots(doc);
	for (const key of Array.from(dependencies.keys())) {
		const link = parseDependencyKey(key);
		if (link && (link.predecessor === milestoneId || link.successor === milestoneId))
			dependencies.delete(key);
	}
}
