import * as Y from 'yjs';
import * as z from 'zod';
import { boardRoots, localOrigin } from '../doc.ts';
import { MAX_VOTES_PER_PERSON, RETRO_PHASES, timestampSchema, userIdSchema } from '../schema.ts';
import { parseInput } from '../validate.ts';
import { RetroRuleError } from './errors.ts';
import { TIMER_MINUTES } from './model.ts';
import {
	facilitatorOf,
	requireAbility,
	requireFacilitator,
	settingsOf,
	writeRetroEntries
} from './settings.ts';

const phaseSchema = z.enum(RETRO_PHASES);
const timerSchema = z.strictObject({
	minutes: z.number().int().min(TIMER_MINUTES.min).max(TIMER_MINUTES.max),
	serverNow: timestampSchema
});

/**
 * Moves the retro to `phase`. A running timer belonged to the phase being left, so it stops.
 * Leaving `write` is what makes every client publish its drafts.
 */
export function setPhase(doc: Y.Doc, phase: string, actor: string): void {
	const validPhase = parseInput('setPhase', phaseSchema, phase);
	requireFacilitator(doc, 'setPhase', actor);
	if (settingsOf(doc).phase === validPhase) return;
	writeRetroEntries(doc, { phase: validPhase, timerEndsAt: null, timerStartedAt: null });
}

/** Hands facilitation to another person (from the presence list). */
export function handOverFacilitation(doc: Y.Doc, to: string, actor: string): void {
	const next = parseInput('handOverFacilitation', userIdSchema, to);
	requireFacilitator(doc, 'handOverFacilitation', actor);
	writeFacilitator(doc, next);
}

/**
 * Makes `userId` the facilitator whoever held it: for the creator opening a new board, or
 * for someone taking over when the facilitator has left. The UI offers it only then.
 */
export function takeOverFacilitation(doc: Y.Doc, userId: string): void {
	writeFacilitator(doc, parseInput('takeOverFacilitation', userIdSchema, userId));
}

function writeFacilitator(doc: Y.Doc, userId: string): void {
	settingsOf(doc);
	if (facilitatorOf(doc) === userId) return;
	const { meta } = boardRoots(doc);
	doc.transact(() => meta.set('facilitator', userId), localOrigin);
}

/** Pauses (or resumes) editing for everyone but the facilitator: a soft lock all can see. */
export function setLocked(doc: Y.Doc, locked: boolean, actor: string): void {
	const value = parseInput('setLocked', z.boolean(), locked);
	requireFacilitator(doc, 'setLocked', actor);
	settingsOf(doc);
	writeRetroEntries(doc, { locked: value });
}

/** Turns anonymous mode on or off; only while writing, so no published card changes author. */
export function setAnonymous(doc: Y.Doc, anonymous: boolean, actor: string): void {
	const value = parseInput('setAnonymous', z.boolean(), anonymous);
	requireFacilitator(doc, 'setAnonymous', actor);
	requireAbility(doc, 'setAnonymous', 'setAnonymous');
	writeRetroEntries(doc, { anonymous: value });
}

/** Sets how many votes each person has. */
export function setVotesPerPerson(doc: Y.Doc, votes: number, actor: string): void {
	const value = parseInput(
		'setVotesPerPerson',
		z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
		votes
	);
	requireFacilitator(doc, 'setVotesPerPerson', actor);
	requireAbility(doc, 'setVotesPerPerson', 'setVotesPerPerson');
	writeRetroEntries(doc, { votesPerPerson: value });
}

/**
 * Starts a countdown of `minutes`. `serverNow` is the server's clock as this client estimates
 * it, so every device, whatever its own clock says, counts down to the same instant.
 */
export function startTimer(
	doc: Y.Doc,
	input: { minutes: number; serverNow: number },
	actor: string
): void {
	const { minutes, serverNow } = parseInput('startTimer', timerSchema, input);
	requireFacilitator(doc, 'startTimer', actor);
	requireAbility(doc, 'startTimer', 'startTimer');
	writeRetroEntries(doc, {
		timerEndsAt: serverNow + minutes * 60_000,
		timerStartedAt: serverNow
	});
}

/**
 * Gives a running countdown `minutes` more ("+1 min" while people finish a thought); a countdown
 * that has reached zero (by `serverNow`) runs again for `minutes` from now.
 */
export function extendTimer(
	doc: Y.Doc,
	input: { minutes: number; serverNow: number },
	actor: string
): void {
	const { minutes, serverNow } = parseInput('extendTimer', timerSchema, input);
	requireFacilitator(doc, 'extendTimer', actor);
	const { timerEndsAt } = requireAbility(doc, 'extendTimer', 'startTimer');
	if (timerEndsAt === null) throw new RetroRuleError('no countdown is running to extend');
	const ended = timerEndsAt <= serverNow;
	writeRetroEntries(doc, {
		timerEndsAt: (ended ? serverNow : timerEndsAt) + minutes * 60_000,
		...(ended ? { timerStartedAt: serverNow } : {})
	});
}

/** Stops the countdown. */
export function stopTimer(doc: Y.Doc, actor: string): void {
	requireFacilitator(doc, 'stopTimer', actor);
	settingsOf(doc);
	writeRetroEntries(doc, { timerEndsAt: null, timerStartedAt: null });
}

/** Refuses a write while the soft lock holds, except from the facilitator. */
export function requireUnlocked(doc: Y.Doc, command: string, actor: string): void {
	const locked = boardRoots(doc).retro.get('locked') === true;
	if (locked && facilitatorOf(doc) !== actor)
		throw new RetroRuleError(`${command}: the facilitator paused editing`);
}
