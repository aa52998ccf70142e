import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addMilestone,
	addPerson,
	addRisk,
	initBoard,
	TEXT_LIMITS,
	updateMilestone,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { castVote } from '../../../src/lib/board/retro/index.ts';
import {
	inputMessage,
	runCommand,
	type CommandOutcome
} from '../../../src/lib/components/ui/refusals.ts';
import { plainTextProblem } from '../../../src/lib/components/ui/plain-text-problem.ts';
import { CARD_TEXT_SHAPE, ROLE_SHAPE, TITLE_SHAPE } from '../../../src/lib/board/index.ts';

function board(): Y.Doc {
	const doc = new Y.Doc();
	initBoard(doc, 'blank');
	return doc;
}

const refused = (outcome: CommandOutcome) => (outcome.ok ? null : outcome.message);

describe('runCommand', () => {
	it('says what the board refused, with the limit from the schema', () => {
		const doc = board();
		const long = 'x'.repeat(TEXT_LIMITS.title + 1);
		expect(refused(runCommand(() => addRisk(doc, { title: long }), { noun: 'risk' }))).toBe(
			'A risk title has at most 200 characters.'
		);
		expect(refused(runCommand(() => addRisk(doc, { title: '  ' }), { noun: 'risk' }))).toBe(
			'A risk needs a title.'
		);
		expect(
			refused(runCommand(() => addPerson(doc, { name: '' }), { noun: 'person', field: 'name' }))
		).toBe('A person needs a name.');
		expect(
			refused(
				runCommand(() => addPerson(doc, { name: 'Ada', role: 'r'.repeat(101) }), { noun: 'person' })
			)
		).toBe("A person's role has at most 100 characters.");
	});

	it('says nothing when the entry is gone, unless told what to say', () => {
		const doc = board();
		const id = addRisk(doc, { title: 'Vendor slips' });
		const gone = () => updateRisk(doc, 'AAAAAAAAAAAAAAAA', { likelihood: 3 });
		expect(runCommand(gone, { noun: 'risk' })).toEqual({ ok: false, message: '' });
		expect(refused(runCommand(gone, { noun: 'risk', gone: 'Removed by someone.' }))).toBe(
			'Removed by someone.'
		);
		expect(runCommand(() => updateRisk(doc, id, { likelihood: 3 }), { noun: 'risk' })).toEqual({
			ok: true
		});
	});

	it('hands through the outcome of a write that ran a command itself', () => {
		const doc = board();
		const inner = () => runCommand(() => addRisk(doc, { title: '' }), { noun: 'risk' });
		expect(refused(runCommand(inner, { noun: 'action' }))).toBe('A risk needs a title.');
		expect(runCommand(() => true, { noun: 'risk' })).toEqual({ ok: true });
	});

	it('names the field a refusal concerns, so a form can show it there', () => {
		const doc = board();
		const add = (title: string, due: string) =>
			runCommand(() => addMilestone(doc, { title, due }), { noun: 'milestone' });
		expect(add('Launch', '99999-01-01')).toEqual({
			ok: false,
			message: 'The due date must be a real day, in a year up to 9999.',
			field: 'due'
		});
		expect(add('', '2030-01-01')).toEqual({
			ok: false,
			message: 'A milestone needs a title.',
			field: 'title'
		});
	});

	it('lets a section explain its own refusals, and throws on what is not a refusal', () => {
		const doc = board();
		// Voting on a board that is not a retro: a refusal the retro section puts in its own words.
		const vote = () => castVote(doc, 'AAAAAAAAAAAAAAAA', 'user-1');
		expect(refused(runCommand(vote, { noun: 'card', explain: () => 'Not now.' }))).toBe('Not now.');
		const unexplained = runCommand(vote, { noun: 'card', explain: () => undefined });
		expect(refused(unexplained)).not.toMatch(/^castVote:/);
		expect(refused(unexplained)).not.toBe('');
		expect(() =>
			runCommand(
				() => {
					throw new TypeError('a bug');
				},
				{ noun: 'risk' }
			)
		).toThrow(TypeError);
	});

	it('words a date and a number setting from their issues', () => {
		const doc = board();
		expect(
			refused(
				runCommand(() => updateMilestone(doc, 'AAAAAAAAAAAAAAAA', { due: '2026-02-30' }), {
					noun: 'milestone'
				})
			)
		).toBe('The due date must be a real day, in a year up to 9999.');
		expect(
			inputMessage(
				[{ code: 'too_big', maximum: 20, origin: 'number', path: [], message: 'x', input: 21 }],
				{
					noun: 'votes per person',
					field: 'number'
				}
			)
		).toBe('Votes per person can be at most 20.');
	});
});

describe('plainTextProblem', () => {
	it('states each field’s own limit', () => {
		expect(plainTextProblem('x'.repeat(201), TITLE_SHAPE, { noun: 'action' })).toBe(
			'An action title has at most 200 characters.'
		);
		expect(
			plainTextProblem('x'.repeat(2001), CARD_TEXT_SHAPE, { noun: 'card', field: 'text' })
		).toBe('A card has at most 2,000 characters.');
		expect(
			plainTextProblem('', ROLE_SHAPE, { noun: 'person', field: 'role', optional: true })
		).toBe('');
		expect(plainTextProblem(' ', TITLE_SHAPE, { noun: 'board' })).toBe('A board needs a title.');
		expect(plainTextProblem('a\tb', TITLE_SHAPE, { noun: 'board' })).toBe(
			'Control characters are not allowed here.'
		);
	});
});
