import type * as Y from 'yjs';
import { boardRoots, localOrigin } from '../doc.ts';
import { readMeta, readRetroSettings } from '../read.ts';
import type { RetroSettings } from '../schema.ts';
import { NotFacilitatorError, RetroPhaseError, RetroRuleError } from './errors.ts';
import { phaseAllows, type RetroAbility } from './phases.ts';

/** The retro settings a command works from; a board without them is no retrospective. */
export function settingsOf(doc: Y.Doc): RetroSettings {
	const read = readRetroSettings(doc);
	if (!read.ok) throw new RetroRuleError('this board has no retrospective settings');
	return read.settings;
}

/** Throws RetroPhaseError unless the current phase allows `ability`. */
export function requireAbility(doc: Y.Doc, command: string, ability: RetroAbility): RetroSettings {
	const settings = settingsOf(doc);
	if (!phaseAllows(settings.phase, ability)) throw new RetroPhaseError(command, settings.phase);
	return settings;
}

/** The facilitator's user id, or null while nobody facilitates. */
export function facilitatorOf(doc: Y.Doc): string | null {
	const meta = readMeta(doc);
	return meta.ok ? (meta.meta.facilitator ?? null) : null;
}

/**
 * Throws NotFacilitatorError unless `actor` facilitates. A board nobody facilitates yet lets
 * anyone act, so a retro is never stuck without one.
 */
export function requireFacilitator(doc: Y.Doc, command: string, actor: string): void {
	const facilitator = facilitatorOf(doc);
	if (facilitator !== null && facilitator !== actor) throw new NotFacilitatorError(command, actor);
}

/** Writes entries of the `retro` map that differ from what is stored, in one local transaction. */
export function writeRetroEntries(doc: Y.Doc, entries: Record<string, unknown>): void {
	const { retro } = boardRoots(doc);
	const changes = Object.entries(entries).filter(([key, value]) => retro.get(key) !== value);
	if (changes.length === 0) return;
	doc.transact(() => {
		for (const [key, value] of changes) retro.set(key, value);
	}, localOrigin);
}
