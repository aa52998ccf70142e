import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
	DependencyCycleError,
	EntityNotFoundError,
	addDependency,
	addMilestone,
	boardRoots,
	createBoard,
	dependencyGraph,
	dependencyKey,
	newId,
	readCellMap,
	readMilestones,
	removeDependency,
	removeMilestone,
	updateMilestone
} from '../../../src/lib/board/index.ts';
import {
	checkDependencies,
	dependencyProblemText
} from '../../../src/lib/board/views/milestone-dependencies.ts';
import { expectRejectedWithoutWrite, peerOf, syncAll } from '../../helpers/board.ts';

function boardWith(...titles: string[]): { doc: Y.Doc; ids: string[] } {
	const doc = createBoard('kickoff');
	return { doc, ids: titles.map((title) => addMilestone(doc, { title })) };
}

const linksOf = (doc: Y.Doc) => [...readCellMap(doc, 'dependencies').cells.keys()].sort();

describe('addDependency', () => {
	it('stores a finish-to-start link as one cell keyed predecessor:successor', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		addDependency(doc, ids[0]!, ids[1]!);
		expect(linksOf(doc)).toEqual([dependencyKey(ids[0]!, ids[1]!)]);
		expect(boardRoots(doc).dependencies.get(dependencyKey(ids[0]!, ids[1]!))).toBe('fs');
	});

	it('refuses a milestone depending on itself, writing nothing', () => {
		const { doc, ids } = boardWith('Beta');
		const error = expectRejectedWithoutWrite(
			doc,
			() => addDependency(doc, ids[0]!, ids[0]!),
			DependencyCycleError
		);
		expect(error.message).toBe('A milestone cannot depend on itself.');
	});

	it('refuses an unknown milestone', () => {
		const { doc, ids } = boardWith('Beta');
		expectRejectedWithoutWrite(
			doc,
			() => addDependency(doc, ids[0]!, newId()),
			EntityNotFoundError
		);
	});

	it('refuses a direct cycle with a message naming both milestones', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		const [beta, launch] = ids as [string, string];
		addDependency(doc, beta, launch); // Launch depends on Beta
		const error = expectRejectedWithoutWrite(
			doc,
			() => addDependency(doc, launch, beta),
			DependencyCycleError
		);
		expect(error.message).toBe(
			'“Launch” already depends on “Beta”, so “Beta” cannot depend on “Launch”.'
		);
	});

	it('refuses a longer cycle, naming the chain', () => {
		const { doc, ids } = boardWith('Alpha', 'Beta', 'Launch');
		const [alpha, beta, launch] = ids as [string, string, string];
		addDependency(doc, alpha, beta);
		addDependency(doc, beta, launch);
		const error = expectRejectedWithoutWrite(
			doc,
			() => addDependency(doc, launch, alpha),
			DependencyCycleError
		) as DependencyCycleError;
		expect(error.path).toEqual([launch, beta, alpha]);
		expect(error.message).toBe(
			'“Launch” already depends on “Alpha” (“Launch” → “Beta” → “Alpha”), so “Alpha” cannot depend on “Launch”.'
		);
	});

	it('writes nothing when the link is already there', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		addDependency(doc, ids[0]!, ids[1]!);
		const before = doc.store.clients.size;
		addDependency(doc, ids[0]!, ids[1]!);
		expect(doc.store.clients.size).toBe(before);
		expect(linksOf(doc)).toHaveLength(1);
	});
});

describe('removing links', () => {
	it('removeDependency deletes one link', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		addDependency(doc, ids[0]!, ids[1]!);
		removeDependency(doc, ids[0]!, ids[1]!);
		expect(linksOf(doc)).toEqual([]);
	});

	it('removing a milestone removes its links on both sides, in the same transaction', () => {
		const { doc, ids } = boardWith('Alpha', 'Beta', 'Launch');
		const [alpha, beta, launch] = ids as [string, string, string];
		addDependency(doc, alpha, beta);
		addDependency(doc, beta, launch);
		addDependency(doc, alpha, launch);
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		removeMilestone(doc, beta);
		expect(transactions).toBe(1);
		expect(linksOf(doc)).toEqual([dependencyKey(alpha, launch)]);
	});
});

describe('two offline peers', () => {
	it('both keep the different links they added at once', () => {
		const { doc, ids } = boardWith('Alpha', 'Beta', 'Launch');
		const [alpha, beta, launch] = ids as [string, string, string];
		const peer = peerOf(doc);
		addDependency(doc, alpha, launch);
		addDependency(peer, beta, launch);
		syncAll(doc, peer);
		expect(linksOf(doc)).toEqual(linksOf(peer));
		expect(linksOf(doc)).toHaveLength(2);
	});

	it('can close a cycle together; every reader ignores the same link and ends', () => {
		const { doc, ids } = boardWith('Alpha', 'Beta', 'Launch');
		const [alpha, beta, launch] = ids as [string, string, string];
		addDependency(doc, alpha, beta);
		const peer = peerOf(doc);
		addDependency(doc, beta, launch); // Launch depends on Beta
		addDependency(peer, launch, alpha); // Alpha depends on Launch: each half is fine alone
		syncAll(doc, peer);
		expect(linksOf(doc)).toHaveLength(3);
		const milestoneIds = readMilestones(doc).items.map((milestone) => milestone.id);
		const here = dependencyGraph(readCellMap(doc, 'dependencies').cells, milestoneIds);
		const there = dependencyGraph(readCellMap(peer, 'dependencies').cells, milestoneIds);
		expect(here).toEqual(there);
		expect(here.links).toHaveLength(2);
		expect(here.ignored).toHaveLength(1);
		// The link ignored is the last of the cycle in key order.
		const cycle = [
			dependencyKey(alpha, beta),
			dependencyKey(beta, launch),
			dependencyKey(launch, alpha)
		].sort();
		const last = here.ignored[0]!;
		expect(dependencyKey(last.predecessor, last.successor)).toBe(cycle[2]);
		// And no new link may join the loop.
		expect(() => addDependency(doc, beta, alpha)).toThrow(DependencyCycleError);
	});

	it('a link to a milestone a peer removed is left out of the graph', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		const peer = peerOf(doc);
		addDependency(doc, ids[0]!, ids[1]!);
		removeMilestone(peer, ids[0]!);
		syncAll(doc, peer);
		const milestoneIds = readMilestones(doc).items.map((milestone) => milestone.id);
		expect(dependencyGraph(readCellMap(doc, 'dependencies').cells, milestoneIds).links).toEqual([]);
	});

	it('a self-link or malformed key a peer wrote is skipped by the reader', () => {
		const { doc, ids } = boardWith('Beta');
		boardRoots(doc).dependencies.set(dependencyKey(ids[0]!, ids[0]!), 'fs');
		boardRoots(doc).dependencies.set('nonsense', 'fs');
		boardRoots(doc).dependencies.set(dependencyKey(ids[0]!, newId()), 'ss');
		const read = readCellMap(doc, 'dependencies');
		expect(read.cells.size).toBe(0);
		expect(read.skipped).toBe(3);
	});
});

describe('checkDependencies', () => {
	function checked(doc: Y.Doc) {
		return checkDependencies(readMilestones(doc).items, readCellMap(doc, 'dependencies').cells);
	}

	it('passes when the predecessor is due first', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		updateMilestone(doc, ids[0]!, { due: '2026-03-01' });
		updateMilestone(doc, ids[1]!, { due: '2026-04-01' });
		addDependency(doc, ids[0]!, ids[1]!);
		const report = checked(doc);
		expect(report.problems).toEqual([]);
		expect(report.links).toEqual([{ predecessor: ids[0], successor: ids[1], broken: false }]);
	});

	it('flags a successor due before its predecessor, naming both', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		updateMilestone(doc, ids[0]!, { due: '2026-05-01' });
		updateMilestone(doc, ids[1]!, { due: '2026-04-01' });
		addDependency(doc, ids[0]!, ids[1]!);
		const report = checked(doc);
		expect(report.bySuccessor.get(ids[1]!)).toHaveLength(1);
		expect(report.links[0]!.broken).toBe(true);
		expect(dependencyProblemText(report.problems[0]!)).toBe(
			'“Launch” is due before “Beta”, which it depends on'
		);
	});

	it('flags a successor done while its predecessor is not', () => {
		const { doc, ids } = boardWith('Beta', 'Launch');
		addDependency(doc, ids[0]!, ids[1]!);
		updateMilestone(doc, ids[1]!, { status: 'done' });
		const [problem] = checked(doc).problems;
		expect(problem?.kind).toBe('done-before');
		expect(dependencyProblemText(problem!)).toBe(
			'“Launch” is done, but “Beta”, which it depends on, is not'
		);
		updateMilestone(doc, ids[0]!, { status: 'done' });
		expect(checked(doc).problems).toEqual([]);
	});

	it('does not flag undated milestones for their dates, nor same-day ones', () => {
		const { doc, ids } = boardWith('Beta', 'Launch', 'Party');
		updateMilestone(doc, ids[1]!, { due: '2026-04-01' });
		updateMilestone(doc, ids[2]!, { due: '2026-04-01' });
		addDependency(doc, ids[0]!, ids[1]!);
		addDependency(doc, ids[1]!, ids[2]!);
		expect(checked(doc).problems).toEqual([]);
	});
});
