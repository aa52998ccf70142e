// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	addDecision,
	addMilestone,
	addPerson,
	addRisk,
	createBoard,
	readActions,
	readDecisions,
	readMilestones,
	readRisks,
	supersedeDecision
} from '../../../src/lib/board/index.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { boardJsonText, exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { boardCsv, csvField } from '../../../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../../../src/lib/board/export/markdown.ts';
import { SAMPLE_RICH_TEXT, typeSampleInEditor } from './lexical-content.ts';

const NOW = new Date('2026-03-01T10:00:00Z');

/** A board whose decision log has a superseded decision, rich text, and links from each kind of row. */
function boardWithDecisions(): { doc: Y.Doc; old: string; next: string } {
	const doc = createBoard('kickoff', { now: 1_700_000_000_000 });
	const ada = addPerson(doc, { name: 'Ada' });
	const bob = addPerson(doc, { name: 'Bob' });
	const old = addDecision(
		doc,
		{ title: 'Host on VMs', status: 'decided', decidedOn: '2026-01-10', owner: ada },
		{ now: 1 }
	);
	const next = addDecision(
		doc,
		{ title: 'Host on Kubernetes', owner: bob, consulted: [ada, bob] },
		{ now: 2 }
	);
	supersedeDecision(doc, old, next);
	const decision = readDecisions(doc).items.find((entry) => entry.id === next)!;
	typeSampleInEditor(decision.context);
	typeSampleInEditor(decision.consequences);
	addRisk(doc, { title: 'Cluster costs', decision: next }, { now: 3 });
	addMilestone(doc, { title: 'Cut over', decision: old });
	addAction(doc, { title: 'Write the runbook', decision: next }, { now: 4 });
	return { doc, old, next };
}

function importOf(text: string): Y.Doc {
	const read = readBoardImport(text);
	if (!read.ok) throw new Error(read.errors.join('\n'));
	const imported = new Y.Doc();
	writeImportedBoard(imported, read.board);
	return imported;
}

describe('decisions in the JSON export and import', () => {
	it('survive a round trip with their ids, order, rich text, links and successor', () => {
		const { doc, old, next } = boardWithDecisions();
		const before = exportBoardJson(doc, NOW);
		expect(before.decisions.map((entry) => entry.title)).toEqual([
			'Host on VMs',
			'Host on Kubernetes'
		]);
		expect(before.decisions[0]).toMatchObject({ status: 'superseded', supersededBy: next });
		expect(before.decisions[1]!.context).toEqual(SAMPLE_RICH_TEXT);
		expect(before.decisions[1]!.options).toEqual([]);
		const imported = importOf(boardJsonText(doc, NOW));
		expect(exportBoardJson(imported, NOW)).toEqual(before);
		const decisions = readDecisions(imported).items;
		expect(decisions.map((entry) => entry.id)).toEqual([old, next]);
		expect(decisions[1]!.context).toBeInstanceOf(Y.XmlText);
		expect(readRisks(imported).items[0]!.decision).toBe(next);
		expect(readMilestones(imported).items[0]!.decision).toBe(old);
		expect(readActions(imported).items[0]!.decision).toBe(next);
	});

	it('imports a file written before decisions existed: no log, no links', () => {
		const { doc } = boardWithDecisions();
		const file = exportBoardJson(doc, NOW) as unknown as Record<string, unknown>;
		delete file.decisions;
		for (const name of ['milestones', 'risks', 'actions'])
			for (const entry of file[name] as Record<string, unknown>[]) delete entry.decision;
		const imported = importOf(JSON.stringify(file));
		expect(readDecisions(imported).items).toEqual([]);
		expect(readRisks(imported).items[0]!.decision).toBe('');
	});

	it('refuses links to a decision or a person the file does not have', () => {
		const { doc } = boardWithDecisions();
		const file = exportBoardJson(doc, NOW);
		file.risks[0]!.decision = 'AAAAAAAAAAAAAAAA';
		file.decisions[0]!.supersededBy = 'BBBBBBBBBBBBBBBB';
		file.decisions[1]!.consulted = ['CCCCCCCCCCCCCCCC'];
		const read = readBoardImport(JSON.stringify(file));
		expect(read.ok).toBe(false);
		expect(!read.ok && read.errors).toEqual(
			expect.arrayContaining([
				'risks[0].decision: no decision has the id AAAAAAAAAAAAAAAA',
				'decisions[0].supersededBy: no decision has the id BBBBBBBBBBBBBBBB',
				'decisions[1].consulted[0]: no person has the id CCCCCCCCCCCCCCCC'
			])
		);
	});
});

describe('decisions in the Markdown and CSV exports', () => {
	it('lists each decision with its status, date, owner, consulted, successor and texts', () => {
		const { doc } = boardWithDecisions();
		const markdown = boardMarkdown(doc, '2026-03-01');
		const section = markdown.slice(markdown.indexOf('## Decisions'));
		expect(section).toContain('### Host on VMs\n\n_Superseded · decided 2026-01-10 · owner: Ada_');
		expect(section).toContain('Superseded by: Host on Kubernetes');
		expect(section).toContain(
			'### Host on Kubernetes\n\n_Proposed · owner: Bob · consulted: Ada, Bob_'
		);
		expect(section).toContain('**Context**');
		expect(section).toContain('**Consequences**');
		expect(section).not.toContain('**Options considered**');
	});

	it('writes one CSV row per decision, its successor by id', () => {
		const { doc, old, next } = boardWithDecisions();
		const lines = boardCsv(doc, 'decisions').replace('\uFEFF', '').split('\r\n');
		expect(lines[0]).toBe(
			'ID,Decision,Status,Decided on,Owner,Consulted,Superseded by,Context,Options considered,Consequences'
		);
		// Ids are random: one that starts with '-' is written with a leading quote (csvField), so a
		// spreadsheet does not read it as a formula.
		const [oldId, nextId] = [csvField(old), csvField(next)];
		expect(lines[1]!.startsWith(`${oldId},Host on VMs,Superseded,2026-01-10,Ada,,${nextId},`)).toBe(
			true
		);
		expect(lines[2]!.startsWith(`${nextId},Host on Kubernetes,Proposed,,Bob,Ada; Bob,,`)).toBe(
			true
		);
	});
});
