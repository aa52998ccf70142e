import { describe, expect, it } from 'vitest';
import { RETRO_PHASES, readRetroSettings } from '../../../src/lib/board/index.ts';
import {
	NotFacilitatorError,
	RetroPhaseError,
	RetroRuleError,
	castVote,
	handOverFacilitation,
	nextPhase,
	phaseAllows,
	phaseInstruction,
	previousPhase,
	readRetroExtras,
	setAnonymous,
	setLocked,
	setPhase,
	setVotesPerPerson,
	extendTimer,
	startTimer,
	stopTimer,
	takeOverFacilitation,
	moveCardToGroup,
	facilitatorOf
} from '../../../src/lib/board/retro/index.ts';
import { expectRejectedWithoutWrite } from '../../helpers/board.ts';
import { FACILITATOR, newRetro, retroWithCards } from './fixtures.ts';

const phaseOf = (doc: Parameters<typeof readRetroSettings>[0]) => {
	const read = readRetroSettings(doc);
	return read.ok ? read.settings.phase : null;
};

describe('phase order', () => {
	it('walks write → reveal → group → vote → discuss → done, and back', () => {
		const forward = [];
		for (let phase: (typeof RETRO_PHASES)[number] | null = 'write'; phase; phase = nextPhase(phase))
			forward.push(phase);
		expect(forward).toEqual(['write', 'reveal', 'group', 'vote', 'discuss', 'done']);
		expect(previousPhase('write')).toBeNull();
		expect(previousPhase('vote')).toBe('group');
		expect(nextPhase('done')).toBeNull();
	});

	it('gives every phase one line on what to do now, with the votes each person has', () => {
		for (const phase of RETRO_PHASES) expect(phaseInstruction(phase, 3)).toMatch(/\.$/);
		expect(phaseInstruction('vote', 5)).toContain('5 votes');
		expect(phaseInstruction('vote', 1)).toContain('1 vote each.');
	});
});

describe('phase rules', () => {
	it('lets people write drafts and change columns only in write', () => {
		for (const phase of RETRO_PHASES) {
			expect(phaseAllows(phase, 'writeDrafts')).toBe(phase === 'write');
			expect(phaseAllows(phase, 'editColumns')).toBe(phase === 'write');
			expect(phaseAllows(phase, 'setAnonymous')).toBe(phase === 'write');
		}
	});

	it('groups only in group, votes only in vote, and shows totals only once voting ended', () => {
		for (const phase of RETRO_PHASES) {
			expect(phaseAllows(phase, 'group')).toBe(phase === 'group');
			expect(phaseAllows(phase, 'vote')).toBe(phase === 'vote');
			expect(phaseAllows(phase, 'seeTotals')).toBe(phase === 'discuss' || phase === 'done');
			expect(phaseAllows(phase, 'createActions')).toBe(phase === 'discuss' || phase === 'done');
		}
	});

	it('refuses to vote outside the vote phase, writing nothing', () => {
		const { doc, cards } = retroWithCards(['Deploys are slow'], 'group');
		const error = expectRejectedWithoutWrite(
			doc,
			() => castVote(doc, cards[0]!, 'user-b'),
			RetroPhaseError
		);
		expect(error.message).toContain('group');
	});

	it('refuses to group outside the group phase', () => {
		const { doc, cards } = retroWithCards(['A', 'B'], 'vote');
		expectRejectedWithoutWrite(
			doc,
			() => moveCardToGroup(doc, cards[0]!, cards[1]!, 'user-a'),
			RetroPhaseError
		);
	});
});

describe('setPhase', () => {
	it('moves the retro and stops the timer of the phase it leaves', () => {
		const { doc } = newRetro();
		startTimer(doc, { minutes: 5, serverNow: 10_000 }, FACILITATOR);
		setPhase(doc, 'reveal', FACILITATOR);
		const read = readRetroSettings(doc);
		expect(read.ok && read.settings).toMatchObject({ phase: 'reveal', timerEndsAt: null });
		expect(readRetroExtras(doc).timerStartedAt).toBeNull();
	});

	it('is the facilitator’s alone', () => {
		const { doc } = newRetro();
		expectRejectedWithoutWrite(doc, () => setPhase(doc, 'reveal', 'someone'), NotFacilitatorError);
		expect(phaseOf(doc)).toBe('write');
	});

	it('lets anyone move a retro nobody facilitates, so it never gets stuck', () => {
		const { doc } = newRetro();
		doc.getMap('meta').delete('facilitator');
		setPhase(doc, 'reveal', 'someone');
		expect(phaseOf(doc)).toBe('reveal');
	});

	it('rejects a phase that does not exist', () => {
		const { doc } = newRetro();
		expectRejectedWithoutWrite(doc, () => setPhase(doc, 'brainstorm', FACILITATOR), Error);
	});
});

describe('facilitation', () => {
	it('hands facilitation over, after which the former facilitator can no longer move phases', () => {
		const { doc } = newRetro();
		handOverFacilitation(doc, 'user-b', FACILITATOR);
		expect(facilitatorOf(doc)).toBe('user-b');
		expect(() => setPhase(doc, 'reveal', FACILITATOR)).toThrow(NotFacilitatorError);
		setPhase(doc, 'reveal', 'user-b');
		expect(phaseOf(doc)).toBe('reveal');
	});

	it('only the facilitator hands over; anyone may take over when the UI offers it', () => {
		const { doc } = newRetro();
		expect(() => handOverFacilitation(doc, 'user-c', 'user-b')).toThrow(NotFacilitatorError);
		takeOverFacilitation(doc, 'user-b');
		expect(facilitatorOf(doc)).toBe('user-b');
	});

	it('the soft lock stops participants but not the facilitator', () => {
		const { doc, cards } = retroWithCards(['A', 'B'], 'group');
		setLocked(doc, true, FACILITATOR);
		expect(readRetroExtras(doc).locked).toBe(true);
		expectRejectedWithoutWrite(
			doc,
			() => moveCardToGroup(doc, cards[0]!, cards[1]!, 'user-b'),
			RetroRuleError
		);
		moveCardToGroup(doc, cards[0]!, cards[1]!, FACILITATOR);
		setLocked(doc, false, FACILITATOR);
		expect(readRetroExtras(doc).locked).toBe(false);
	});

	it('anonymous mode can only change while writing', () => {
		const { doc } = newRetro();
		setAnonymous(doc, true, FACILITATOR);
		expect(readRetroExtras(doc).anonymous).toBe(true);
		setPhase(doc, 'reveal', FACILITATOR);
		expectRejectedWithoutWrite(doc, () => setAnonymous(doc, false, FACILITATOR), RetroPhaseError);
	});

	it('sets votes per person between 1 and 99, until voting ends', () => {
		const { doc } = newRetro();
		setVotesPerPerson(doc, 5, FACILITATOR);
		const read = readRetroSettings(doc);
		expect(read.ok && read.settings.votesPerPerson).toBe(5);
		expectRejectedWithoutWrite(doc, () => setVotesPerPerson(doc, 0, FACILITATOR), Error);
		expectRejectedWithoutWrite(doc, () => setVotesPerPerson(doc, 2.5, FACILITATOR), Error);
		setPhase(doc, 'discuss', FACILITATOR);
		expectRejectedWithoutWrite(doc, () => setVotesPerPerson(doc, 4, FACILITATOR), RetroPhaseError);
	});
});

describe('timer', () => {
	it('ends `minutes` after the server time the facilitator’s client measured', () => {
		const { doc } = newRetro();
		startTimer(doc, { minutes: 7, serverNow: 1_000_000 }, FACILITATOR);
		const read = readRetroSettings(doc);
		expect(read.ok && read.settings.timerEndsAt).toBe(1_000_000 + 7 * 60_000);
		expect(readRetroExtras(doc).timerStartedAt).toBe(1_000_000);
		stopTimer(doc, FACILITATOR);
		const after = readRetroSettings(doc);
		expect(after.ok && after.settings.timerEndsAt).toBeNull();
	});

	it('accepts 1 to 60 whole minutes only', () => {
		const { doc } = newRetro();
		for (const minutes of [0, 61, 1.5, -1])
			expectRejectedWithoutWrite(
				doc,
				() => startTimer(doc, { minutes, serverNow: 0 }, FACILITATOR),
				Error
			);
		startTimer(doc, { minutes: 60, serverNow: 0 }, FACILITATOR);
		startTimer(doc, { minutes: 1, serverNow: 0 }, FACILITATOR);
	});

	it('gives a running countdown more minutes, and runs an ended one again from now; only the facilitator', () => {
		const { doc } = newRetro();
		const endsAt = () => {
			const read = readRetroSettings(doc);
			return read.ok ? read.settings.timerEndsAt : undefined;
		};
		expectRejectedWithoutWrite(
			doc,
			() => extendTimer(doc, { minutes: 1, serverNow: 0 }, FACILITATOR),
			RetroRuleError
		);
		startTimer(doc, { minutes: 5, serverNow: 1_000_000 }, FACILITATOR);
		extendTimer(doc, { minutes: 1, serverNow: 1_060_000 }, FACILITATOR);
		expect(endsAt()).toBe(1_000_000 + 6 * 60_000);
		expect(readRetroExtras(doc).timerStartedAt).toBe(1_000_000);
		extendTimer(doc, { minutes: 2, serverNow: 9_000_000 }, FACILITATOR);
		expect(endsAt()).toBe(9_000_000 + 2 * 60_000);
		expect(readRetroExtras(doc).timerStartedAt).toBe(9_000_000);
		expectRejectedWithoutWrite(
			doc,
			() => extendTimer(doc, { minutes: 1, serverNow: 9_000_000 }, 'someone-else'),
			Error
		);
		expectRejectedWithoutWrite(
			doc,
			() => extendTimer(doc, { minutes: 0.5, serverNow: 9_000_000 }, FACILITATOR),
			Error
		);
	});

	it('cannot be started once the retro is done', () => {
		const { doc } = newRetro();
		setPhase(doc, 'done', FACILITATOR);
		expectRejectedWithoutWrite(
			doc,
			() => startTimer(doc, { minutes: 5, serverNow: 0 }, FACILITATOR),
			RetroPhaseError
		);
	});
});
