import type { RetroWriter } from './model.ts';

/**
 * Writers whose cards are not on the board and cannot come now: they hold unpublished drafts
 * (their count in `retroWriters`, which each writer's client keeps at what it has not published
 * yet) and no tab of theirs is present. Their cards appear when they are back, as their client
 * publishes them; until then everyone should know they exist. `me` is never listed.
 */
export function writersAway(
	writers: readonly RetroWriter[],
	present: ReadonlySet<string>,
	me: string
): RetroWriter[] {
	return writers.filter(
		(writer) => writer.drafts > 0 && writer.userId !== me && !present.has(writer.userId)
	);
}

/**
 * The sentence about one writer away, e.g. "Omar has 1 card and is offline — it will appear
 * when Omar is back." (the name again rather than a guessed pronoun).
 */
export function awayWriterNotice(writer: Pick<RetroWriter, 'name' | 'drafts'>): string {
	const one = writer.drafts === 1;
	return `${writer.name} has ${writer.drafts} ${one ? 'card' : 'cards'} and is offline — ${one ? 'it' : 'they'} will appear when ${writer.name} is back.`;
}

/**
 * What this client should report in `retroWriters` for its user, or null for nothing. While
 * writing, the number of drafts and the "done" flag. After the reveal, the number of drafts not
 * published yet (0 once they are cards), and only for a user who reported before, so that a
 * writer who comes back is no longer said to hold cards once they are on the board.
 */
export function writingReport(
	phase: string,
	drafts: number,
	reported: Pick<RetroWriter, 'drafts' | 'done'> | undefined
): { drafts: number; done: boolean } | null {
	if (phase === 'write') return { drafts, done: reported?.done ?? false };
	if (!reported || reported.drafts === drafts) return null;
	return { drafts, done: reported.done };
}
