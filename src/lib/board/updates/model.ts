import * as Y from 'yjs';
import * as z from 'zod';
import {
	CONTROL_CHARACTERS,
	idSchema,
	orderSchema,
	timestampSchema,
	userIdSchema
} from '../fields.ts';

/**
 * A status update (DESIGN.md §3, `statusUpdates`): how the project is doing, in a health value,
 * a rich-text summary and the facts drafted from the board since the previous update. A draft
 * is edited by the board's editors; a published update is frozen, its facts stored with it.
 */

/** How a project is doing, as an update says it. */
export const UPDATE_HEALTHS = ['on-track', 'at-risk', 'off-track'] as const;
/** A health value. */
export type UpdateHealth = (typeof UPDATE_HEALTHS)[number];

/** Health values as people read them. */
export const UPDATE_HEALTH_LABELS: Readonly<Record<UpdateHealth, string>> = {
	'on-track': 'On track',
	'at-risk': 'At risk',
	'off-track': 'Off track'
};

/** The life of an update: a draft until it is published, then frozen. */
export const UPDATE_STATES = ['draft', 'published'] as const;
/** A state of an update. */
export type UpdateState = (typeof UPDATE_STATES)[number];

/** Kinds of drafted fact, one per kind of change the issue names. */
export const FACT_KINDS = [
	'milestone-done',
	'milestone-moved',
	'milestone-at-risk',
	'milestone-blocked',
	'risk-added',
	'risk-rescored',
	'risk-closed',
	'decision-made',
	'action-done',
	'action-overdue',
	'person-joined',
	'stakeholder-attitude',
	'budget-spent',
	'budget-line-over',
	'person-over-allocated'
] as const;
/** A kind of fact. */
export type FactKind = (typeof FACT_KINDS)[number];

/** Board sections a fact can link to (`…/<section>?focus=<id>`). */
export const FACT_SECTIONS = [
	'milestones',
	'risks',
	'decisions',
	'actions',
	'people',
	'stakeholders',
	'budget',
	'resources'
] as const;
/** A section a fact links to. */
export type FactSection = (typeof FACT_SECTIONS)[number];

/** Bounds of what an update holds, far above a real one, so a peer cannot bloat the board. */
export const UPDATE_LIMITS = {
	facts: 200,
	factText: 500,
	author: 200,
	basisEntries: 2000
} as const;

const noControl = (text: string) => !CONTROL_CHARACTERS.test(text);

/** The text of a fact: one line, 1–500 characters. */
export const factTextSchema = z
	.string()
	.trim()
	.min(1)
	.max(UPDATE_LIMITS.factText)
	.refine(noControl, { error: 'Must not contain control characters' });

/** One drafted fact: what changed, in words, and the entry it concerns when there is one. */
export const factSchema = z.strictObject({
	kind: z.enum(FACT_KINDS),
	text: factTextSchema,
	section: z.enum(FACT_SECTIONS).optional(),
	id: idSchema.optional()
});
/** A fact of an update. */
export type StatusFact = z.output<typeof factSchema>;

/** The facts of an update, bounded. */
export const factsSchema = z.array(factSchema).max(UPDATE_LIMITS.facts);

/** The name an update is signed with: frozen when it is published. */
export const authorNameSchema = z
	.string()
	.trim()
	.max(UPDATE_LIMITS.author)
	.refine(noControl, { error: 'Must not contain control characters' });

/**
 * An entry of `statusUpdates` as read. `summary` is the live rich-text type; `basis` is kept
 * as stored and read by readBasis (basis.ts), so a basis that does not parse hides only itself.
 */
export const statusUpdateSchema = z
	.object({
		id: idSchema,
		health: z.enum(UPDATE_HEALTHS),
		summary: z.instanceof(Y.XmlText),
		state: z.enum(UPDATE_STATES),
		author: authorNameSchema,
		authorId: userIdSchema,
		createdAt: timestampSchema,
		publishedAt: timestampSchema.nullable(),
		facts: factsSchema,
		basis: z.unknown(),
		order: orderSchema
	})
	.refine((update) => update.state === 'draft' || update.publishedAt !== null, {
		error: 'a published update has a publication time'
	});
/** A status update. */
export type StatusUpdate = z.output<typeof statusUpdateSchema>;
