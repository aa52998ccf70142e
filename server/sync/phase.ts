/**
 * Thrown on a lifecycle transition that is not allowed: a bug in the server, never something a
 * peer can cause.
 */
export class IllegalTransitionError extends Error {
	override name = 'IllegalTransitionError';
	constructor(
		readonly lifecycle: string,
		readonly from: string,
		readonly to: string
	) {
		super(`${lifecycle}: no transition from ${from} to ${to}`);
	}
}

/** Each phase of a lifecycle with the phases it may move to. */
export type Transitions<Phase extends string> = Readonly<Record<Phase, readonly Phase[]>>;

/** Throws IllegalTransitionError unless `transitions` allows `from → to`. */
export function checkTransition<Phase extends string>(
	lifecycle: string,
	transitions: Transitions<Phase>,
	from: Phase,
	to: Phase
): void {
	if (!transitions[from].includes(to)) throw new IllegalTransitionError(lifecycle, from, to);
}
