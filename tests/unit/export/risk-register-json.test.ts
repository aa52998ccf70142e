import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	addMilestone,
	addRisk,
	boardRoots,
	createBoard,
	numberRisks,
	readRisks,
	RISK_SEQ_KEY,
	riskSchema,
	setRiskLink,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { compareBoards } from '../../../src/lib/board/diff/compare.ts';
import { readBoard } from '../../../src/lib/board/read-board.ts';
import { basisOf } from '../../../src/lib/board/updates/basis.ts';
import { draftFacts } from '../../../src/lib/board/updates/facts.ts';

const SERVER = Symbol('server');

function registerBoard(): { doc: Y.Doc; risk: string; action: string; milestone: string } {
	const doc = createBoard('kickoff', { now: 1 });
	const action = addAction(doc, { title: 'Sign the vendor contract' }, { now: 2 });
	const milestone = addMilestone(doc, { title: 'Beta', due: '2026-03-01' });
	addRisk(doc, { title: 'Deleted later' }, { now: 3 });
	const risk = addRisk(doc, { title: 'Vendor late' }, { now: 4 });
	numberRisks(doc, SERVER);
	updateRisk(doc, risk, {
		category: 'external',
		response: 'transfer',
		trigger: 'No signed contract by Friday',
		reviewDate: '2026-02-01',
		residualLikelihood: 2,
		residualImpact: 3
	});
	setRiskLink(doc, { risk, kind: 'actions', target: action, linked: true });
	setRiskLink(doc, { risk, kind: 'milestones', target: milestone, linked: true });
	return { doc, risk, action, milestone };
}

describe('the risk register in the JSON export', () => {
	it('keeps every field, the number and the links through an export and an import', () => {
		const { doc, risk, action, milestone } = registerBoard();
		const exported = exportBoardJson(doc);
		const saved = exported.risks.find((entry) => entry.id === risk)!;
		expect(saved).toMatchObject({
			ref: 2,
			category: 'external',
			response: 'transfer',
			trigger: 'No signed contract by Friday',
			reviewDate: '2026-02-01',
			residualLikelihood: 2,
			residualImpact: 3,
			links: { actions: [action], milestones: [milestone] }
		});
		expect(exported.board.riskSeq).toBe(2);
		const read = readBoardImport(JSON.stringify(exported));
		if (!read.ok) throw new Error(read.errors.join('\n'));
		const copy = new Y.Doc();
		writeImportedBoard(copy, read.board);
		const again = exportBoardJson(copy, new Date(exported.exportedAt));
		expect(again).toEqual(exported);
	});

	it('keeps the imported numbers when the server numbers the new board, and goes on after the highest', () => {
		const { doc, risk } = registerBoard();
		const exported = exportBoardJson(doc);
		// The first risk was removed before the export: its number stays given.
		exported.risks = exported.risks.filter((entry) => entry.id === risk);
		exported.board.riskSeq = 5;
		const read = readBoardImport(JSON.stringify(exported));
		if (!read.ok) throw new Error(read.errors.join('\n'));
		const copy = new Y.Doc();
		writeImportedBoard(copy, read.board);
		expect(numberRisks(copy, SERVER)).toBe(false);
		const added = addRisk(copy, { title: 'New after import' }, { now: 9 });
		numberRisks(copy, SERVER);
		const refs = new Map(readRisks(copy).items.map((entry) => [entry.id, entry.ref]));
		expect(refs.get(risk)).toBe(2);
		expect(refs.get(added)).toBe(6);
		expect(boardRoots(copy).meta.get(RISK_SEQ_KEY)).toBe(6);
	});

	it('refuses a file whose risks share a number or link to an action it lacks', () => {
		const { doc } = registerBoard();
		const exported = exportBoardJson(doc);
		exported.risks[0]!.ref = exported.risks[1]!.ref;
		exported.risks[1]!.links = { actions: ['AAAAAAAAAAAAAAAA'], milestones: [] };
		const read = readBoardImport(JSON.stringify(exported));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors).toContain('risks[1].ref: R-2 is held twice');
		expect(read.errors).toContain(
			'risks[1].links.actions[0]: no action has the id AAAAAAAAAAAAAAAA'
		);
	});
});

describe('risks written before the register fields', () => {
	it('read with defaults: unnumbered, nothing chosen, residual not assessed', () => {
		const doc = new Y.Doc();
		const risk = riskSchema.parse({
			id: 'AAAAAAAAAAAAAAAA',
			title: 'Old',
			likelihood: 2,
			impact: 3,
			owner: '',
			status: 'open',
			due: '',
			mitigation: doc.getMap('m').set('x', new Y.XmlText()),
			order: 'a0',
			createdAt: 1
		});
		expect(risk).toMatchObject({
			ref: null,
			category: '',
			response: '',
			trigger: '',
			reviewDate: '',
			residualLikelihood: null,
			residualImpact: null,
			decision: ''
		});
	});

	it('read a bad value a peer wrote as its default, keeping the risk', () => {
		const doc = createBoard('kickoff');
		const id = addRisk(doc, { title: 'Peer wrote junk' });
		const entry = boardRoots(doc).risks.get(id) as Y.Map<unknown>;
		doc.transact(() => {
			entry.set('category', 'weather');
			entry.set('residualImpact', 9);
			entry.set('reviewDate', '2026-02-30');
		});
		expect(readRisks(doc).items[0]).toMatchObject({
			category: '',
			residualImpact: null,
			reviewDate: ''
		});
	});

	it('are refused by the commands when a value is out of range', () => {
		const doc = createBoard('kickoff');
		const id = addRisk(doc, { title: 'Checked' });
		expect(() => updateRisk(doc, id, { residualLikelihood: 6 })).toThrow();
		expect(() => updateRisk(doc, id, { category: 'weather' as never })).toThrow();
		expect(() => updateRisk(doc, id, { trigger: 'x'.repeat(301) })).toThrow();
		updateRisk(doc, id, { residualLikelihood: 2 });
		updateRisk(doc, id, { residualLikelihood: null });
		expect(readRisks(doc).items[0]?.residualLikelihood).toBeNull();
	});
});

describe('the risk register in compare and status-update facts', () => {
	it('names risks R-n and lists changes of the register fields and the residual score', () => {
		const { doc, risk } = registerBoard();
		const before = new Y.Doc();
		Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
		updateRisk(doc, risk, { response: 'mitigate', residualLikelihood: 1, reviewDate: '' });
		const changes = compareBoards(before, doc);
		expect(changes.risks.changed).toEqual([
			{
				id: risk,
				title: 'R-2 Vendor late',
				changes: [
					{ field: 'response', before: 'Transfer', after: 'Mitigate' },
					{ field: 'review date', before: '2026-02-01', after: 'no date' },
					{ field: 'residual', before: '2 × 3 = 6', after: '1 × 3 = 3' }
				]
			}
		]);
		const facts = draftFacts(
			basisOf(readBoard(before), '2026-01-10'),
			basisOf(readBoard(doc), '2026-01-11'),
			'2026-01-11'
		);
		expect(facts.map((fact) => fact.text)).toContain(
			'Risk R-2 “Vendor late” residual re-scored from 2×3 to 1×3'
		);
	});

	it('lists a link made or undone as a change of what the risk affects', () => {
		const { doc, risk, action, milestone } = registerBoard();
		const before = new Y.Doc();
		Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
		const gate = addMilestone(doc, { title: 'Alpha', due: '2026-02-01' });
		setRiskLink(doc, { risk, kind: 'milestones', target: gate, linked: true });
		setRiskLink(doc, { risk, kind: 'actions', target: action, linked: false });
		expect(compareBoards(before, doc).risks.changed).toEqual([
			{
				id: risk,
				title: 'R-2 Vendor late',
				changes: [
					{
						field: 'affects',
						before: 'actions: Sign the vendor contract; milestones: Beta',
						after: 'milestones: Alpha, Beta'
					}
				]
			}
		]);
		setRiskLink(doc, { risk, kind: 'milestones', target: milestone, linked: false });
		setRiskLink(doc, { risk, kind: 'milestones', target: gate, linked: false });
		expect(compareBoards(before, doc).risks.changed[0]?.changes.at(-1)?.after).toBe('nothing');
	});
});
