import * as z from 'zod';
import { ID_PATTERN, VERSION_ID_PATTERN } from './ids.ts';

/**
 * The schemas of single values the board holds (ids, titles, dates, timestamps, versions): the
 * pieces schema.ts builds its entries from, and commands validate their input with.
 */

/** An entity id: 16 base64url characters. */
export const idSchema = z.string().regex(ID_PATTERN, 'Expected a 16-character base64url id');
/** A reference to a person (by id), or '' for nobody. */
export const personRefSchema = z.union([idSchema, z.literal('')]);
/** Most people one decision lists as consulted: far above a real meeting, to bound the array. */
export const MAX_CONSULTED = 100;

/** A reference to a decision (by id), or '' for none. */
export const decisionRefSchema = z.union([idSchema, z.literal('')]);

/**
 * The people consulted on a decision, by id, each once. Stored as a plain array, so two people
 * changing it at once is last-writer-wins (one's pick replaces the other's): acceptable for a
 * list edited rarely and by one owner, and far simpler than a nested Y.Array per decision.
 */
export const consultedSchema = z
	.array(idSchema)
	.max(MAX_CONSULTED, { error: `at most ${MAX_CONSULTED} people` })
	.transform((ids) => [...new Set(ids)]);

/**
 * Control characters (C0, DEL, C1): a name never needs one, and a peer could use them to break
 * a line, a log or a terminal that shows the text.
 */
export const CONTROL_CHARACTERS = /\p{Cc}/u;
const noControlCharacters = { error: 'Must not contain control characters' };
/** A user id from presence; its format belongs to the sync layer, so only its length is bounded. */
export const userIdSchema = z
	.string()
	.min(1)
	.max(128)
	.refine((text) => !CONTROL_CHARACTERS.test(text), noControlCharacters);
/**
 * The longest text each kind of plain text field holds, in characters: the one place these
 * limits are written (the fields' TextShapes in text.ts and the UI's messages read them here).
 */
export const TEXT_LIMITS = {
	title: 200,
	role: 100,
	cardText: 2000,
	profileName: 60,
	budgetNotes: 500,
	commsChannel: 200,
	riskTrigger: 300
} as const;

/** A title or name: trimmed, 1–200 characters, no control characters. */
export const titleSchema = z
	.string()
	.trim()
	.min(1)
	.max(TEXT_LIMITS.title)
	.refine((text) => !CONTROL_CHARACTERS.test(text), noControlCharacters);
/** A person's role: trimmed, up to 100 characters, no control characters. */
export const roleSchema = z
	.string()
	.trim()
	.max(TEXT_LIMITS.role)
	.refine((text) => !CONTROL_CHARACTERS.test(text), noControlCharacters);
/** The text of a retro card or draft: trimmed, 1–2,000 characters, line breaks kept. */
export const cardTextSchema = z.string().trim().min(1).max(TEXT_LIMITS.cardText);
/** A colour as `#rrggbb`, normalized to lower case so equal colours compare equal. */
export const colorSchema = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour as #rrggbb')
	.toLowerCase();
/** A calendar date `YYYY-MM-DD` (a real one: no 30 February), or '' for none. */
export const dateSchema = z.union([z.iso.date(), z.literal('')]);

/** A fractional-index order key; its well-formedness is order.ts's concern, not a reason to hide an entry. */
export const orderSchema = z.string().min(1);
/** A point in time as epoch milliseconds. */
export const timestampSchema = z.number().nonnegative();
/** Votes one user gave one retro card. */
export const retroVoteCountSchema = z.number().int().nonnegative();

/** Longest label a saved version may have. */
export const MAX_VERSION_LABEL = 100;

/** A saved version's id: 21 base64url characters. */
export const versionIdSchema = z
	.string()
	.regex(VERSION_ID_PATTERN, 'expected a 21-character version id');

/** A saved version's label: trimmed, 1–100 characters, no control characters. */
export const versionLabelSchema = z
	.string({ error: 'expected a text' })
	.trim()
	.min(1, { error: 'must not be empty' })
	.max(MAX_VERSION_LABEL, { error: `must be at most ${MAX_VERSION_LABEL} characters` })
	.refine((text) => !CONTROL_CHARACTERS.test(text), {
		error: 'must not contain control characters'
	});

/**
 * The kickoff baseline: the saved version everyone compares the board with, kept in `meta` as
 * `baselineVersionId` and `baselineLabel` so every peer sees it live and offline.
 */
export const baselineSchema = z.strictObject({
	versionId: versionIdSchema,
	label: versionLabelSchema
});
/** The kickoff baseline. */
export type Baseline = z.output<typeof baselineSchema>;
/** Input of setBaseline. */
export type BaselineInput = z.input<typeof baselineSchema>;
