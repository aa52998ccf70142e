import type * as z from 'zod';

/** Base of every error a board command throws, so callers can catch the whole family at once. */
export class BoardCommandError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BoardCommandError';
	}
}

/** A command's input failed validation; the command wrote nothing. */
export class InvalidInputError extends BoardCommandError {
	/** The command that rejected its input, e.g. 'addRisk'. */
	readonly command: string;
	/** What zod found wrong, for callers that map issues onto form fields. */
	readonly issues: readonly z.core.$ZodIssue[];

	constructor(command: string, issues: readonly z.core.$ZodIssue[]) {
		super(`${command}: invalid input: ${describeIssues(issues)}`);
		this.name = 'InvalidInputError';
		this.command = command;
		this.issues = issues;
	}
}

/** A command named an entity that is not in the board (never was, or a peer removed it). */
export class EntityNotFoundError extends BoardCommandError {
	/** The root collection that was searched, e.g. 'risks'. */
	readonly collection: string;
	/** The id that was not found. */
	readonly id: string;

	constructor(collection: string, id: string) {
		super(`${collection} has no entry with id ${JSON.stringify(id)}`);
		this.name = 'EntityNotFoundError';
		this.collection = collection;
		this.id = id;
	}
}

/** A command needs board metadata that has not been written (or synced) yet. */
export class BoardNotInitializedError extends BoardCommandError {
	constructor() {
		super('the board has not been initialized');
		this.name = 'BoardNotInitializedError';
	}
}

/** initBoard was called on a board that already has metadata; re-initializing would replace its rich-text fields. */
export class BoardAlreadyInitializedError extends BoardCommandError {
	constructor() {
		super('the board is already initialized');
		this.name = 'BoardAlreadyInitializedError';
	}
}

/** An edit of a plain text that the board cannot apply: not one of its text fields, or out of range. */
export class PlainTextEditError extends BoardCommandError {
	/** The command that refused the edit. */
	readonly command: string;

	constructor(command: string, reason: string) {
		super(`${command}: ${reason}`);
		this.name = 'PlainTextEditError';
		this.command = command;
	}
}

/** One line per issue, prefixed by the path it concerns, so the message alone says what to fix. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
	return issues
		.map((issue) => {
			const path = issue.path.map(String).join('.');
			return path === '' ? issue.message : `${path}: ${issue.message}`;
		})
		.join('; ');
}

/** A decision would supersede itself, directly or through the chain of its successors. */
export class DecisionCycleError extends BoardCommandError {
	/** The decision that was to be superseded. */
	readonly decisionId: string;
	/** The decision named as its successor. */
	readonly successorId: string;

	constructor(decisionId: string, successorId: string) {
		super(
			decisionId === successorId
				? 'a decision cannot supersede itself'
				: 'that decision is already superseded, directly or in turn, by this one'
		);
		this.name = 'DecisionCycleError';
		this.decisionId = decisionId;
		this.successorId = successorId;
	}
}
