import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	DecisionCycleError,
	EntityNotFoundError,
	InvalidInputError,
	addAction,
	addDecision,
	addMilestone,
	addPerson,
	addRisk,
	boardRoots,
	createBoard,
	moveDecision,
	readActions,
	readDecisions,
	readMilestones,
	readRisks,
	removeDecision,
	supersedeDecision,
	updateAction,
	updateDecision,
	updateMilestone,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { compareBoards, countChanges } from '../../../src/lib/board/diff/compare.ts';
import { countDecisionChanges } from '../../../src/lib/board/diff/decisions.ts';
import { successorCandidates } from '../../../src/lib/board/views/decision-log.ts';
import { expectRejectedWithoutWrite, recordWrites } from '../../helpers/board.ts';

const decisionsOf = (doc: Y.Doc) => readDecisions(doc).items;
const decisionById = (doc: Y.Doc, id: string) => decisionsOf(doc).find((entry) => entry.id === id)!;

describe('addDecision', () => {
	it('adds a proposed decision with its three rich texts created with it', () => {
		const doc = createBoard('kickoff');
		const id = addDecision(doc, { title: '  Use Postgres ' }, { now: 42 });
		const [decision] = decisionsOf(doc);
		expect(decision).toMatchObject({
			id,
			title: 'Use Postgres',
			status: 'proposed',
			decidedOn: '',
			owner: '',
			consulted: [],
			supersededBy: '',
			createdAt: 42
		});
		for (const field of ['context', 'options', 'consequences'] as const)
			expect(decision![field]).toBeInstanceOf(Y.XmlText);
		expect(boardRoots(doc).decisions.get(id)).toBeInstanceOf(Y.Map);
		expect((boardRoots(doc).decisions.get(id) as Y.Map<unknown>).get('title')).toBeInstanceOf(
			Y.Text
		);
	});

	it('keeps each consulted person once and refuses more than a hundred', () => {
		const doc = createBoard('kickoff');
		const ada = addPerson(doc, { name: 'Ada' });
		const id = addDecision(doc, { title: 'A', consulted: [ada, ada] });
		expect(decisionById(doc, id).consulted).toEqual([ada]);
		const many = Array.from({ length: 101 }, () => ada);
		expectRejectedWithoutWrite(
			doc,
			() => addDecision(doc, { title: 'B', consulted: many }),
			InvalidInputError
		);
	});

	it('refuses an unknown status or a date that does not exist', () => {
		const doc = createBoard('kickoff');
		expectRejectedWithoutWrite(
			doc,
			() => addDecision(doc, { title: 'A', status: 'maybe' as 'decided' }),
			InvalidInputError
		);
		expectRejectedWithoutWrite(
			doc,
			() => addDecision(doc, { title: 'A', decidedOn: '2026-02-30' }),
			InvalidInputError
		);
	});
});

describe('updateDecision, moveDecision', () => {
	it('changes only the fields given, and writes nothing when nothing changes', () => {
		const doc = createBoard('kickoff');
		const ada = addPerson(doc, { name: 'Ada' });
		const id = addDecision(doc, { title: 'A', consulted: [ada] });
		updateDecision(doc, id, { status: 'decided', decidedOn: '2026-05-04', owner: ada });
		expect(decisionById(doc, id)).toMatchObject({
			title: 'A',
			status: 'decided',
			decidedOn: '2026-05-04',
			owner: ada,
			consulted: [ada]
		});
		const recorder = recordWrites(doc);
		updateDecision(doc, id, { status: 'decided', consulted: [ada] });
		recorder.stop();
		expect(recorder.updates).toBe(0);
	});

	it('moves a decision by rewriting its order', () => {
		const doc = createBoard('kickoff');
		addDecision(doc, { title: 'A' });
		const b = addDecision(doc, { title: 'B' });
		moveDecision(doc, b, 0);
		expect(decisionsOf(doc).map((entry) => entry.title)).toEqual(['B', 'A']);
	});
});

describe('reading decisions', () => {
	it('skips a decision whose status or texts a peer garbled, and counts it', () => {
		const doc = createBoard('kickoff');
		const good = addDecision(doc, { title: 'Good' });
		const bad = addDecision(doc, { title: 'Bad status' });
		const noText = addDecision(doc, { title: 'No context' });
		const { decisions } = boardRoots(doc);
		(decisions.get(bad) as Y.Map<unknown>).set('status', 'maybe');
		(decisions.get(noText) as Y.Map<unknown>).set('context', 'plain string');
		const read = readDecisions(doc);
		expect(read.items.map((entry) => entry.id)).toEqual([good]);
		expect(read.skipped).toBe(2);
	});

	it('reads milestones, risks and actions written before decisions existed as linked to none', () => {
		const doc = createBoard('kickoff');
		const roots = boardRoots(doc);
		const milestone = addMilestone(doc, { title: 'M' });
		const risk = addRisk(doc, { title: 'R' });
		const action = addAction(doc, { title: 'A' });
		for (const [map, id] of [
			[roots.milestones, milestone],
			[roots.risks, risk],
			[roots.actions, action]
		] as const)
			(map.get(id) as Y.Map<unknown>).delete('decision');
		expect(readMilestones(doc).items[0]!.decision).toBe('');
		expect(readRisks(doc).items[0]!.decision).toBe('');
		expect(readActions(doc).items[0]!.decision).toBe('');
	});
});

describe('links to a decision', () => {
	it('are set on milestones, risks and actions, and a patch without one keeps it', () => {
		const doc = createBoard('kickoff');
		const decision = addDecision(doc, { title: 'D' });
		const milestone = addMilestone(doc, { title: 'M' });
		const risk = addRisk(doc, { title: 'R' });
		const action = addAction(doc, { title: 'A' });
		updateMilestone(doc, milestone, { decision });
		updateRisk(doc, risk, { decision });
		updateAction(doc, action, { decision });
		updateRisk(doc, risk, { status: 'closed' });
		expect(readMilestones(doc).items[0]!.decision).toBe(decision);
		expect(readRisks(doc).items[0]).toMatchObject({ decision, status: 'closed' });
		expect(readActions(doc).items[0]!.decision).toBe(decision);
	});

	it('must name a decision the board has', () => {
		const doc = createBoard('kickoff');
		const risk = addRisk(doc, { title: 'R' });
		expectRejectedWithoutWrite(
			doc,
			() => updateRisk(doc, risk, { decision: 'AAAAAAAAAAAAAAAA' }),
			EntityNotFoundError
		);
	});

	it('are cleared, with successors pointing at it, when the decision is removed, in one transaction', () => {
		const doc = createBoard('kickoff');
		const old = addDecision(doc, { title: 'Old' });
		const next = addDecision(doc, { title: 'Next' });
		const other = addDecision(doc, { title: 'Other' });
		supersedeDecision(doc, old, next);
		const risk = addRisk(doc, { title: 'R', decision: next });
		const milestone = addMilestone(doc, { title: 'M', decision: next });
		const action = addAction(doc, { title: 'A', decision: other });
		const recorder = recordWrites(doc);
		removeDecision(doc, next);
		recorder.stop();
		expect(recorder.transactions).toBe(1);
		expect(readRisks(doc).items.find((entry) => entry.id === risk)!.decision).toBe('');
		expect(readMilestones(doc).items.find((entry) => entry.id === milestone)!.decision).toBe('');
		expect(readActions(doc).items.find((entry) => entry.id === action)!.decision).toBe(other);
		expect(decisionById(doc, old)).toMatchObject({ status: 'superseded', supersededBy: '' });
	});
});

describe('supersedeDecision', () => {
	it('marks the old decision superseded by the new one in one transaction', () => {
		const doc = createBoard('kickoff');
		const old = addDecision(doc, { title: 'Old', status: 'decided' });
		const next = addDecision(doc, { title: 'Next' });
		const recorder = recordWrites(doc);
		supersedeDecision(doc, old, next);
		recorder.stop();
		expect(recorder.transactions).toBe(1);
		expect(decisionById(doc, old)).toMatchObject({ status: 'superseded', supersededBy: next });
		expect(decisionById(doc, next).status).toBe('proposed');
	});

	it('refuses a decision superseding itself or one of its own successors', () => {
		const doc = createBoard('kickoff');
		const a = addDecision(doc, { title: 'A' });
		const b = addDecision(doc, { title: 'B' });
		const c = addDecision(doc, { title: 'C' });
		expectRejectedWithoutWrite(doc, () => supersedeDecision(doc, a, a), DecisionCycleError);
		supersedeDecision(doc, a, b);
		supersedeDecision(doc, b, c);
		const error = expectRejectedWithoutWrite(
			doc,
			() => supersedeDecision(doc, c, a),
			DecisionCycleError
		) as DecisionCycleError;
		expect(error).toMatchObject({ decisionId: c, successorId: a });
	});

	it('refuses a decision the board does not have', () => {
		const doc = createBoard('kickoff');
		const a = addDecision(doc, { title: 'A' });
		expectRejectedWithoutWrite(
			doc,
			() => supersedeDecision(doc, a, 'AAAAAAAAAAAAAAAA'),
			EntityNotFoundError
		);
	});

	it('drops the successor when the status is set back to decided', () => {
		const doc = createBoard('kickoff');
		const a = addDecision(doc, { title: 'A' });
		const b = addDecision(doc, { title: 'B' });
		supersedeDecision(doc, a, b);
		updateDecision(doc, a, { status: 'decided' });
		expect(decisionById(doc, a)).toMatchObject({ status: 'decided', supersededBy: '' });
	});
});

describe('comparing two states of the decision log', () => {
	it('lists decisions added, removed and whose status changed, and nothing when none did', () => {
		const before = createBoard('kickoff');
		const kept = addDecision(before, { title: 'Kept' });
		const gone = addDecision(before, { title: 'Gone' });
		addDecision(before, { title: 'Untouched', status: 'decided' });
		const after = new Y.Doc();
		Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
		expect(countDecisionChanges(compareBoards(before, after).decisions)).toBe(0);

		updateDecision(after, kept, { status: 'decided', decidedOn: '2026-04-01' });
		removeDecision(after, gone);
		addDecision(after, { title: 'New' });
		const changes = compareBoards(before, after);
		expect(changes.decisions).toEqual({
			added: [{ id: expect.any(String), title: 'New', status: 'proposed', decidedOn: '' }],
			removed: [{ id: gone, title: 'Gone', status: 'proposed', decidedOn: '' }],
			statusChanged: [
				{ id: kept, title: 'Kept', before: 'proposed', after: 'decided', decidedOn: '2026-04-01' }
			]
		});
		expect(countChanges(changes)).toBe(3);
	});
});

describe('successorCandidates', () => {
	it('offers every other decision except those that already follow it', () => {
		const doc = createBoard('kickoff');
		const a = addDecision(doc, { title: 'A' });
		const b = addDecision(doc, { title: 'B' });
		const c = addDecision(doc, { title: 'C' });
		supersedeDecision(doc, a, b);
		const titles = (id: string) =>
			successorCandidates(decisionsOf(doc), id).map((decision) => decision.title);
		expect(titles(a)).toEqual(['B', 'C']);
		expect(titles(b)).toEqual(['C']);
		expect(titles(c)).toEqual(['A', 'B']);
	});
});
