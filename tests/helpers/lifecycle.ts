import { expect } from 'vitest';
import {
	checkTransition,
	IllegalTransitionError,
	type Transitions
} from '../../server/sync/phase.ts';

type Pairs<Phase extends string> = ReadonlyArray<readonly [Phase, Phase]>;

/** Asserts that a lifecycle refuses each `refused` transition and allows each `allowed` one. */
export function expectTransitions<Phase extends string>(
	lifecycle: string,
	transitions: Transitions<Phase>,
	{ refused, allowed }: { refused: Pairs<Phase>; allowed: Pairs<Phase> }
): void {
	for (const [from, to] of refused) {
		expect(() => checkTransition(lifecycle, transitions, from, to)).toThrow(IllegalTransitionError);
	}
	for (const [from, to] of allowed) {
		expect(() => checkTransition(lifecycle, transitions, from, to)).not.toThrow();
	}
}
