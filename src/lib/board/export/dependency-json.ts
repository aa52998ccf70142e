import type * as Y from 'yjs';
import * as z from 'zod';
import {
	dependencyKey,
	dependencyLinks,
	dependencyValueSchema,
	type DependencyType
} from '../dependencies.ts';
import { boardRoots } from '../doc.ts';
import { idSchema } from '../fields.ts';

/** A milestone dependency in a JSON export: the successor depends on the predecessor. */
export interface ExportedDependency {
	predecessor: string;
	successor: string;
	type: DependencyType;
}

/** The dependency cells as the export writes them, in key order so two exports read the same. */
export function exportDependencies(
	cells: ReadonlyMap<string, DependencyType>
): ExportedDependency[] {
	return dependencyLinks(cells).map(({ predecessor, successor }) => ({
		predecessor,
		successor,
		type: cells.get(dependencyKey(predecessor, successor))!
	}));
}

/** The links as an import accepts them; files written before dependencies have none. */
export const dependenciesImportSchema = z
	.array(z.object({ predecessor: idSchema, successor: idSchema, type: dependencyValueSchema }))
	.max(10_000)
	.default([]);

type Issue = { path: (string | number)[]; message: string };

/**
 * What is wrong across entries: a link to a milestone the file does not have, a self-link, a
 * link twice. A cycle is kept: a board can hold one (two offline peers), and its readers ignore
 * the same link the board did.
 */
export function dependencyIssues(
	links: z.output<typeof dependenciesImportSchema>,
	milestones: ReadonlySet<string>
): Issue[] {
	const issues: Issue[] = [];
	const seen = new Set<string>();
	links.forEach((link, index) => {
		for (const side of ['predecessor', 'successor'] as const)
			if (!milestones.has(link[side]))
				issues.push({
					path: ['dependencies', index, side],
					message: `no milestone has the id ${link[side]}`
				});
		if (link.predecessor === link.successor)
			issues.push({
				path: ['dependencies', index],
				message: 'a milestone cannot depend on itself'
			});
		const key = dependencyKey(link.predecessor, link.successor);
		if (seen.has(key)) issues.push({ path: ['dependencies', index], message: 'duplicate link' });
		seen.add(key);
	});
	return issues;
}

/** Writes imported links; called inside the import's transaction. */
export function writeDependencies(
	doc: Y.Doc,
	links: z.output<typeof dependenciesImportSchema>
): void {
	const { dependencies } = boardRoots(doc);
	for (const link of links)
		dependencies.set(dependencyKey(link.predecessor, link.successor), link.type);
}
