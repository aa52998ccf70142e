import { BoardCommandError } from '../errors.ts';
import type { RetroPhase } from '../schema.ts';

/** A retro command that the current phase does not allow, e.g. voting while cards are written. */
export class RetroPhaseError extends BoardCommandError {
	/** The command that was refused. */
	readonly command: string;
	/** The phase the board was in. */
	readonly phase: RetroPhase;

	constructor(command: string, phase: RetroPhase) {
		super(`${command} is not allowed in the ${phase} phase`);
		this.name = 'RetroPhaseError';
		this.command = command;
		this.phase = phase;
	}
}

/** A facilitator-only command was issued by someone who is not the facilitator. */
export class NotFacilitatorError extends BoardCommandError {
	/** The user who tried. */
	readonly userId: string;

	constructor(command: string, userId: string) {
		super(`${command}: ${JSON.stringify(userId)} is not the facilitator`);
		this.name = 'NotFacilitatorError';
		this.userId = userId;
	}
}

/** A vote beyond the number of votes each person has. */
export class VoteLimitError extends BoardCommandError {
	/** The voter. */
	readonly userId: string;
	/** Votes each person has. */
	readonly limit: number;

	constructor(userId: string, limit: number) {
		super(`${JSON.stringify(userId)} has used all ${limit} votes`);
		this.name = 'VoteLimitError';
		this.userId = userId;
		this.limit = limit;
	}
}

/** A change that would leave the retro unusable, e.g. removing its last column. */
export class RetroRuleError extends BoardCommandError {
	constructor(message: string) {
		super(message);
		this.name = 'RetroRuleError';
	}
}
