import * as Y from 'yjs';
import * as z from 'zod';
import { isId } from '../ids.ts';
import {
	TEXT_LIMITS,
	timestampSchema,
	titleSchema,
	userIdSchema,
	type RetroFormat
} from '../schema.ts';
import { TITLE_SHAPE, isPlainText, readableText } from '../text.ts';

/**
 * Top-level keys the retrospective adds to the board document (DESIGN.md §3 only grows):
 * - `retroGroupNames`: Y.Map<lead card id, string> — the name of the group that card leads;
 * - `retroWriters`: Y.Map<userId, {name, drafts, done}> — per writer, how many private drafts
 *   they hold and whether they finished writing; never the drafts themselves;
 * - `retroReview`: Y.Map<action id, {from}> — actions carried over from a previous retro.
 * The `retro` map also gains entries `anonymous`, `locked` and `timerStartedAt`.
 */
export const RETRO_EXTRA_KEYS = {
	groupNames: 'retroGroupNames',
	writers: 'retroWriters',
	review: 'retroReview'
} as const;

/** The maps the retrospective adds, created on first access as Yjs does. */
export function retroExtraRoots(doc: Y.Doc) {
	return {
		groupNames: doc.getMap<unknown>(RETRO_EXTRA_KEYS.groupNames),
		writers: doc.getMap<unknown>(RETRO_EXTRA_KEYS.writers),
		review: doc.getMap<unknown>(RETRO_EXTRA_KEYS.review)
	};
}

/** Author written on a card published in anonymous mode: no user id leaves the device. */
export const ANONYMOUS_AUTHOR = 'anonymous';

/** Bounds of a countdown, in minutes. */
export const TIMER_MINUTES = { min: 1, max: 60 } as const;

/** Formats users pick from. */
export const RETRO_FORMAT_CHOICES = ['start-stop-continue', 'mad-sad-glad', '4ls'] as const;
/** A format users pick from. */
export type RetroFormatChoice = (typeof RETRO_FORMAT_CHOICES)[number];

/** What each format means: its label, its columns and the `retro.format` value it is stored as. */
export const RETRO_FORMAT_TABLE: Readonly<
	Record<RetroFormatChoice, { label: string; columns: readonly string[]; stored: RetroFormat }>
> = {
	'start-stop-continue': {
		label: 'Start / Stop / Continue',
		columns: ['Start', 'Stop', 'Continue'],
		stored: 'start-stop-continue'
	},
	'mad-sad-glad': {
		label: 'Mad / Sad / Glad',
		columns: ['Mad', 'Sad', 'Glad'],
		stored: 'mad-sad-glad'
	},
	'4ls': {
		label: '4Ls (Liked, Learned, Lacked, Longed for)',
		columns: ['Liked', 'Learned', 'Lacked', 'Longed for'],
		stored: '4ls'
	}
};

/**
 * The format whose columns these are, or 'custom' once columns were added, renamed, reordered
 * or removed. Derived from the columns so a peer's edit can never make format and columns disagree.
 */
export function formatOfColumns(titles: readonly string[]): RetroFormatChoice | 'custom' {
	for (const choice of RETRO_FORMAT_CHOICES) {
		const columns = RETRO_FORMAT_TABLE[choice].columns;
		if (columns.length === titles.length && columns.every((title, i) => title === titles[i]))
			return choice;
	}
	return 'custom';
}

/** The retro settings this module adds to the `retro` map; absent or malformed means off. */
export const retroExtrasSchema = z.object({
	anonymous: z.boolean().catch(false),
	locked: z.boolean().catch(false),
	timerStartedAt: timestampSchema.nullable().catch(null)
});
/** Anonymous mode, the soft lock and when the running timer started. */
export type RetroExtras = z.output<typeof retroExtrasSchema>;

/** An entry of `retroWriters`. */
export const retroWriterSchema = z.object({
	name: z.string().trim().min(1).max(TEXT_LIMITS.profileName),
	drafts: z.number().int().nonnegative().max(10_000),
	done: z.boolean()
});
/** How far one person is with writing, as the others may know it. */
export type RetroWriter = z.output<typeof retroWriterSchema> & { userId: string };

/** An entry of `retroReview`: where the carried action came from. */
export const retroReviewSchema = z.object({ from: titleSchema });
/** An action carried over from a previous retro. */
export type RetroReviewEntry = z.output<typeof retroReviewSchema> & { actionId: string };

/** A group name: trimmed, up to 200 characters; '' removes the name. */
export const groupNameSchema = z.string().trim().max(TEXT_LIMITS.title);

/** Validated extras of the `retro` map. */
export function readRetroExtras(doc: Y.Doc): RetroExtras {
	const retro = doc.getMap<unknown>('retro');
	return retroExtrasSchema.parse({
		anonymous: retro.get('anonymous'),
		locked: retro.get('locked'),
		timerStartedAt: retro.get('timerStartedAt') ?? null
	});
}

/**
 * Names of groups, keyed by their lead card: a schema-1 string or a Y.Text (text.ts); empty
 * names and malformed entries are skipped.
 */
export function readGroupNames(doc: Y.Doc): Map<string, string> {
	const names = new Map<string, string>();
	for (const [id, value] of retroExtraRoots(doc).groupNames.entries()) {
		const parsed = isPlainText(value)
			? { success: true, data: readableText(value.toString(), TITLE_SHAPE) }
			: groupNameSchema.safeParse(value);
		if (isId(id) && parsed.success && parsed.data !== '') names.set(id, parsed.data);
	}
	return names;
}

/** Who is writing, how many drafts each holds and who is done, sorted by name. */
export function readWriters(doc: Y.Doc): RetroWriter[] {
	const writers: RetroWriter[] = [];
	for (const [userId, value] of retroExtraRoots(doc).writers.entries()) {
		const parsed = retroWriterSchema.safeParse(value);
		if (userIdSchema.safeParse(userId).success && parsed.success)
			writers.push({ userId, ...parsed.data });
	}
	return writers.sort((a, b) => a.name.localeCompare(b.name) || (a.userId < b.userId ? -1 : 1));
}

/** Actions carried over from a previous retro, keyed by action id. */
export function readReview(doc: Y.Doc): Map<string, RetroReviewEntry> {
	const review = new Map<string, RetroReviewEntry>();
	for (const [actionId, value] of retroExtraRoots(doc).review.entries()) {
		const parsed = retroReviewSchema.safeParse(value);
		if (isId(actionId) && parsed.success) review.set(actionId, { actionId, ...parsed.data });
	}
	return review;
}
