import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addDependency,
	addMilestone,
	boardRoots,
	createBoard,
	dependencyKey,
	readCellMap,
	readMilestones,
	removeDependency,
	updateMilestone
} from '../../../src/lib/board/index.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { boardJsonText, exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { boardCsv } from '../../../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../../../src/lib/board/export/markdown.ts';
import { compareBoards, countChanges } from '../../../src/lib/board/diff/compare.ts';
import { basisOf, emptyBasis, readBasis } from '../../../src/lib/board/updates/basis.ts';
import { draftFacts } from '../../../src/lib/board/updates/facts.ts';
import { readBoard } from '../../../src/lib/board/read-board.ts';
import { peerOf } from '../../helpers/board.ts';

function boardWithLinks() {
	const doc = createBoard('kickoff', { now: 1_700_000_000_000 });
	const beta = addMilestone(doc, { title: 'Beta', due: '2026-05-01' });
	const launch = addMilestone(doc, { title: 'Launch', due: '2026-06-01' });
	const party = addMilestone(doc, { title: 'Party', due: '2026-06-02' });
	addDependency(doc, beta, launch);
	addDependency(doc, launch, party);
	return { doc, beta, launch, party };
}

function importOf(text: string): Y.Doc {
	const read = readBoardImport(text);
	if (!read.ok) throw new Error(read.errors.join('\n'));
	const imported = new Y.Doc();
	writeImportedBoard(imported, read.board);
	return imported;
}

const linksOf = (doc: Y.Doc) => [...readCellMap(doc, 'dependencies').cells.keys()].sort();

describe('dependencies in the JSON export and import', () => {
	it('survive a round trip', () => {
		const { doc, beta, launch, party } = boardWithLinks();
		const json = exportBoardJson(doc);
		expect(json.dependencies).toEqual(
			[
				{ predecessor: beta, successor: launch, type: 'fs' },
				{ predecessor: launch, successor: party, type: 'fs' }
			].sort((a, b) =>
				dependencyKey(a.predecessor, a.successor) < dependencyKey(b.predecessor, b.successor)
					? -1
					: 1
			)
		);
		const imported = importOf(boardJsonText(doc));
		expect(linksOf(imported)).toEqual(linksOf(doc));
		expect(exportBoardJson(imported, new Date(0)).dependencies).toEqual(json.dependencies);
	});

	it('a file without dependencies imports with none', () => {
		const { doc } = boardWithLinks();
		const json = exportBoardJson(doc) as unknown as Record<string, unknown>;
		delete json.dependencies;
		expect(linksOf(importOf(JSON.stringify(json)))).toEqual([]);
	});

	it('refuses a link to a milestone the file does not have, or to itself', () => {
		const { doc, beta } = boardWithLinks();
		const json = exportBoardJson(doc);
		json.dependencies.push({ predecessor: 'AAAAAAAAAAAAAAAA', successor: beta, type: 'fs' });
		json.dependencies.push({ predecessor: beta, successor: beta, type: 'fs' });
		const read = readBoardImport(JSON.stringify(json));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors).toContain(
			'dependencies[2].predecessor: no milestone has the id AAAAAAAAAAAAAAAA'
		);
		expect(read.errors).toContain('dependencies[3]: a milestone cannot depend on itself');
	});
});

describe('dependencies in Markdown, CSV and the document', () => {
	it('name what each milestone depends on, and the broken ones', () => {
		const { doc, beta } = boardWithLinks();
		updateMilestone(doc, beta, { due: '2026-07-01' });
		const markdown = boardMarkdown(doc, '2026-03-01');
		expect(markdown).toContain('| Milestone | Due | Owner | Status | Depends on | Checks |');
		expect(markdown).toContain(
			'| Launch | 2026-06-01 | — | Planned | Beta | ⚠ “Launch” is due before “Beta”, which it depends on |'
		);
		const csv = boardCsv(doc, 'milestones');
		expect(csv).toContain('ID,Milestone,Due,Owner,Status,Depends on\r\n');
		expect(csv).toMatch(/,Party,2026-06-02,,Planned,Launch\r\n/);
	});

	it('warn of a link ignored for closing a cycle two peers made', () => {
		const { doc, beta, party } = boardWithLinks();
		const peer = peerOf(doc);
		// Written as a peer that never saw the other links would: straight into the cells.
		boardRoots(peer).dependencies.set(dependencyKey(party, beta), 'fs');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
		expect(boardMarkdown(doc, '2026-03-01')).toMatch(/would close a loop, so it is ignored/);
	});
});

describe('dependencies in comparisons', () => {
	it('list links added and removed, by titles', () => {
		const { doc, beta, launch, party } = boardWithLinks();
		const before = peerOf(doc);
		removeDependency(doc, beta, launch);
		addDependency(doc, beta, party);
		const changes = compareBoards(before, doc);
		expect(changes.dependencies.added).toEqual([
			{ predecessorId: beta, predecessor: 'Beta', successorId: party, successor: 'Party' }
		]);
		expect(changes.dependencies.removed).toEqual([
			{ predecessorId: beta, predecessor: 'Beta', successorId: launch, successor: 'Launch' }
		]);
		expect(countChanges(changes)).toBe(2);
	});
});

describe('dependencies in status-update facts', () => {
	it('name a milestone newly blocked by its predecessor, once', () => {
		const { doc, beta, launch } = boardWithLinks();
		const previous = basisOf(readBoard(doc), '2026-03-01');
		updateMilestone(doc, beta, { due: '2026-06-15' });
		const current = basisOf(readBoard(doc), '2026-03-08');
		const facts = draftFacts(previous, current, '2026-03-08');
		expect(facts).toContainEqual({
			kind: 'milestone-blocked',
			text: 'Blocked: “Launch” is due before “Beta”, which it depends on',
			section: 'milestones',
			id: launch
		});
		// Still blocked a week later: not news.
		const later = basisOf(readBoard(doc), '2026-03-15');
		expect(draftFacts(current, later, '2026-03-15').map((fact) => fact.kind)).not.toContain(
			'milestone-blocked'
		);
		expect(readMilestones(doc).items).toHaveLength(3);
	});

	it('a basis stored before dependencies reads with none', () => {
		const old: Record<string, unknown> = { ...emptyBasis('2026-03-01') };
		delete old.dependencies;
		expect(readBasis(old)?.dependencies).toEqual([]);
	});
});
