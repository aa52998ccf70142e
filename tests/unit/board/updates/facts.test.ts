import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../../src/lib/board/dates.ts';
import {
	basisOf,
	emptyBasis,
	readBasis,
	type UpdateBasis
} from '../../../../src/lib/board/updates/basis.ts';
import { draftFacts, slipInWords } from '../../../../src/lib/board/updates/facts.ts';

const id = (letter: string) => letter.repeat(16);
const MILESTONE = id('m');
const RISK = id('r');
const DECISION = id('d');
const ACTION = id('a');
const PERSON = id('p');

/** A board as a basis: one of each entry, nothing done, nothing late on 2026-03-01. */
function board(day = '2026-03-01'): UpdateBasis {
	return basisOf(
		{
			milestones: [{ id: MILESTONE, title: 'Beta', due: '2026-03-12', status: 'planned' }],
			risks: [{ id: RISK, title: 'Vendor slips', likelihood: 2, impact: 3, status: 'open' }],
			decisions: [{ id: DECISION, title: 'Use Postgres', status: 'proposed' }],
			actions: [{ id: ACTION, title: 'Write runbook', status: 'todo', due: '2026-03-05' }],
			people: [{ id: PERSON, name: 'Ada' }]
		},
		day
	);
}

function changed(change: (basis: UpdateBasis) => void, day = '2026-03-02'): UpdateBasis {
	const basis = structuredClone(board(day));
	change(basis);
	return basis;
}

describe('draftFacts', () => {
	it('drafts nothing when nothing changed', () => {
		expect(draftFacts(board(), board('2026-03-02'), '2026-03-02')).toEqual([]);
	});

	it('says a milestone is done', () => {
		const now = changed((basis) => (basis.milestones[0]!.status = 'done'));
		expect(draftFacts(board(), now, '2026-03-02')).toEqual([
			{
				kind: 'milestone-done',
				text: 'Milestone “Beta” is done',
				section: 'milestones',
				id: MILESTONE
			}
		]);
	});

	it('says how far a milestone moved, in days', () => {
		const now = changed((basis) => (basis.milestones[0]!.due = '2026-03-17'));
		const [fact, ...rest] = draftFacts(board(), now, '2026-03-02');
		expect(rest).toEqual([]);
		expect(fact).toMatchObject({ kind: 'milestone-moved', section: 'milestones', id: MILESTONE });
		expect(fact!.text).toBe(
			`Milestone “Beta” moved from ${formatDate('2026-03-12')} to ${formatDate('2026-03-17')} (5 days later)`
		);
	});

	it('says a milestone moved earlier, and counts weekends as days', () => {
		const now = changed((basis) => (basis.milestones[0]!.due = '2026-03-11'));
		expect(draftFacts(board(), now, '2026-03-02')[0]!.text).toMatch(/\(1 day earlier\)$/);
		expect(slipInWords(7)).toBe('7 days later');
	});

	it('says a milestone is newly at risk, but not again when it already was', () => {
		const now = changed((basis) => (basis.milestones[0]!.status = 'at-risk'));
		expect(draftFacts(board(), now, '2026-03-02')).toEqual([
			expect.objectContaining({ kind: 'milestone-at-risk', id: MILESTONE })
		]);
		expect(draftFacts(now, now, '2026-03-02')).toEqual([]);
	});

	it('says a risk was added, with its score', () => {
		const before = changed((basis) => (basis.risks = []), '2026-03-01');
		expect(draftFacts(before, board('2026-03-02'), '2026-03-02')).toEqual([
			{
				kind: 'risk-added',
				text: 'New risk “Vendor slips” (scored 2×3)',
				section: 'risks',
				id: RISK
			}
		]);
	});

	it('says a risk was re-scored, from L×I to L×I', () => {
		const now = changed((basis) => (basis.risks[0]!.likelihood = 4));
		expect(draftFacts(board(), now, '2026-03-02')).toEqual([
			{
				kind: 'risk-rescored',
				text: 'Risk “Vendor slips” re-scored from 2×3 to 4×3',
				section: 'risks',
				id: RISK
			}
		]);
	});

	it('says a risk was closed', () => {
		const now = changed((basis) => (basis.risks[0]!.status = 'closed'));
		expect(draftFacts(board(), now, '2026-03-02').map((fact) => fact.kind)).toEqual([
			'risk-closed'
		]);
	});

	it('says a decision was made when its status became decided', () => {
		const now = changed((basis) => (basis.decisions[0]!.status = 'decided'));
		expect(draftFacts(board(), now, '2026-03-02')).toEqual([
			{
				kind: 'decision-made',
				text: 'Decided: “Use Postgres”',
				section: 'decisions',
				id: DECISION
			}
		]);
		const superseded = changed((basis) => (basis.decisions[0]!.status = 'superseded'));
		expect(draftFacts(now, superseded, '2026-03-02')).toEqual([]);
	});

	it('says an action is done', () => {
		const now = changed((basis) => (basis.actions[0]!.status = 'done'));
		expect(draftFacts(board(), now, '2026-03-02')).toEqual([
			{
				kind: 'action-done',
				text: 'Action “Write runbook” is done',
				section: 'actions',
				id: ACTION
			}
		]);
	});

	it('says an action became overdue since the previous update, and only then', () => {
		const late = board('2026-03-06');
		const facts = draftFacts(board(), late, '2026-03-06');
		expect(facts).toEqual([
			{
				kind: 'action-overdue',
				text: `Action “Write runbook” is overdue (due ${formatDate('2026-03-05')})`,
				section: 'actions',
				id: ACTION
			}
		]);
		expect(draftFacts(late, board('2026-03-09'), '2026-03-09')).toEqual([]);
	});

	it('says who joined', () => {
		const now = changed((basis) => basis.people.push({ id: id('q'), name: 'Grace' }));
		expect(draftFacts(board(), now, '2026-03-02')).toEqual([
			{ kind: 'person-joined', text: 'Grace joined the project', section: 'people', id: id('q') }
		]);
	});

	it('lists every change at once, grouped by kind', () => {
		const now = changed((basis) => {
			basis.milestones[0]!.due = '2026-03-17';
			basis.risks[0]!.impact = 5;
			basis.decisions[0]!.status = 'decided';
			basis.actions[0]!.status = 'done';
		});
		expect(draftFacts(board(), now, '2026-03-02').map((fact) => fact.kind)).toEqual([
			'milestone-moved',
			'risk-rescored',
			'decision-made',
			'action-done'
		]);
	});

	it('drafts a whole board against an empty one', () => {
		const facts = draftFacts(emptyBasis('2026-03-01'), board('2026-03-06'), '2026-03-06');
		expect(facts.map((fact) => fact.kind)).toEqual([
			'risk-added',
			'action-overdue',
			'person-joined'
		]);
	});
});

describe('readBasis', () => {
	it('reads a basis back, and takes one that does not parse as missing', () => {
		expect(readBasis(JSON.parse(JSON.stringify(board())))).toEqual(board());
		expect(readBasis({ ...board(), day: 'yesterday' })).toBeNull();
		expect(readBasis(undefined)).toBeNull();
		expect(readBasis({ ...board(), risks: [{ id: RISK, likelihood: 9 }] })).toBeNull();
	});
});
