import { RETRO_PHASES, type RetroPhase } from '../schema.ts';

/** What a phase lets people do; the facilitator moves the board from one phase to the next. */
export type RetroAbility =
	| 'writeDrafts'
	| 'editCards'
	| 'editColumns'
	| 'setAnonymous'
	| 'group'
	| 'vote'
	| 'setVotesPerPerson'
	| 'seeOwnVotes'
	| 'seeTotals'
	| 'createActions'
	| 'startTimer';

const RULES: Readonly<Record<RetroPhase, readonly RetroAbility[]>> = {
	// Columns and anonymity are settled before anyone publishes, so no card changes meaning after.
	write: ['writeDrafts', 'editColumns', 'setAnonymous', 'setVotesPerPerson', 'startTimer'],
	// Published cards can be reworded together while they are read and grouped, not once voted on.
	reveal: ['editCards', 'setVotesPerPerson', 'startTimer'],
	group: ['editCards', 'group', 'setVotesPerPerson', 'startTimer'],
	// Totals stay hidden while voting, so nobody just follows the crowd.
	vote: ['vote', 'setVotesPerPerson', 'seeOwnVotes', 'startTimer'],
	discuss: ['seeOwnVotes', 'seeTotals', 'createActions', 'startTimer'],
	done: ['seeOwnVotes', 'seeTotals', 'createActions']
};

/** Whether `phase` lets people do `ability`. */
export function phaseAllows(phase: RetroPhase, ability: RetroAbility): boolean {
	return RULES[phase].includes(ability);
}

/** The phase after `phase`, or null after the last. */
export function nextPhase(phase: RetroPhase): RetroPhase | null {
	return RETRO_PHASES[RETRO_PHASES.indexOf(phase) + 1] ?? null;
}

/** The phase before `phase`, or null before the first. */
export function previousPhase(phase: RetroPhase): RetroPhase | null {
	const index = RETRO_PHASES.indexOf(phase);
	return index > 0 ? RETRO_PHASES[index - 1]! : null;
}

/** Names of the phases as the stepper shows them. */
export const PHASE_LABELS: Readonly<Record<RetroPhase, string>> = {
	write: 'Write',
	reveal: 'Reveal',
	group: 'Group',
	vote: 'Vote',
	discuss: 'Discuss',
	done: 'Done'
};

/** The one line everyone reads on what to do now. */
export function phaseInstruction(phase: RetroPhase, votesPerPerson: number): string {
	switch (phase) {
		case 'write':
			return 'Write your cards. Only you can see them until the reveal.';
		case 'reveal':
			return 'Read everyone’s cards and ask about anything unclear.';
		case 'group':
			return 'Drag a card onto another that says the same thing to group them, and name each group.';
		case 'vote':
			return `Vote for what matters most: ${votesPerPerson} ${votesPerPerson === 1 ? 'vote' : 'votes'} each.`;
		case 'discuss':
			return 'Talk through the top items and turn them into actions.';
		case 'done':
			return 'The retro is over: copy the summary, or start the next retro from this board.';
	}
}
