import * as Y from 'yjs';
import * as z from 'zod';
import { addEntry, existingEntry, removeEntry, type OrderedCollection } from '../collection.ts';
import { localOrigin } from '../doc.ts';
import { BoardCommandError } from '../errors.ts';
import { idSchema, timestampSchema, userIdSchema } from '../fields.ts';
import { readList, type EntityOf } from '../read.ts';
import { parseInput } from '../validate.ts';
import { basisSchema, type UpdateBasis } from './basis.ts';
import {
	UPDATE_HEALTHS,
	authorNameSchema,
	factTextSchema,
	factsSchema,
	type StatusFact,
	type UpdateHealth
} from './model.ts';

/**
 * Every write to `statusUpdates`: a draft is started with its drafted facts and basis, edited
 * (health, facts) and published; a published update is frozen, and each command refuses it.
 */

/** A command was asked to change an update that is published, and so frozen. */
export class StatusUpdateFrozenError extends BoardCommandError {
	/** The update's id. */
	readonly id: string;

	constructor(command: string, id: string) {
		super(`${command}: the update ${JSON.stringify(id)} is published and cannot change`);
		this.name = 'StatusUpdateFrozenError';
		this.id = id;
	}
}

const statusUpdates: OrderedCollection<EntityOf<'statusUpdates'>> = {
	key: 'statusUpdates',
	read: (doc) => readList(doc, 'statusUpdates')
};

const healthSchema = z.enum(UPDATE_HEALTHS);

/** Input of startStatusUpdate. */
export const newStatusUpdateSchema = z.strictObject({
	health: healthSchema.default('on-track'),
	author: authorNameSchema,
	authorId: userIdSchema,
	facts: factsSchema,
	basis: basisSchema
});
/** Input of startStatusUpdate. */
export type NewStatusUpdateInput = z.input<typeof newStatusUpdateSchema>;

/**
 * Starts a draft with its drafted facts and the basis they were drafted against; its summary's
 * rich text is created with it (DESIGN.md §3). Returns its id.
 */
export function startStatusUpdate(
	doc: Y.Doc,
	input: NewStatusUpdateInput,
	options: { now?: number } = {}
): string {
	const update = parseInput('startStatusUpdate', newStatusUpdateSchema, input);
	const now = parseInput('startStatusUpdate', timestampSchema.optional(), options.now);
	return addEntry(doc, statusUpdates, (order) => ({
		...update,
		summary: new Y.XmlText(),
		state: 'draft',
		createdAt: now ?? Date.now(),
		publishedAt: null,
		order
	}));
}

// The entry of a draft, or the refusal: absent, or published and so frozen.
function draftEntry(doc: Y.Doc, command: string, id: string): Y.Map<unknown> {
	const validId = parseInput(command, idSchema, id);
	const entry = existingEntry(doc, statusUpdates, validId);
	if (entry.get('state') !== 'draft') throw new StatusUpdateFrozenError(command, validId);
	return entry;
}

/** Sets a draft's health. */
export function setStatusUpdateHealth(doc: Y.Doc, id: string, health: UpdateHealth): void {
	const valid = parseInput('setStatusUpdateHealth', healthSchema, health);
	const entry = draftEntry(doc, 'setStatusUpdateHealth', id);
	if (entry.get('health') === valid) return;
	doc.transact(() => entry.set('health', valid), localOrigin);
}

/** Replaces a draft's facts and the basis they were drafted against ("Redraft facts"). */
export function redraftStatusUpdate(
	doc: Y.Doc,
	id: string,
	facts: readonly StatusFact[],
	basis: UpdateBasis
): void {
	const validFacts = parseInput('redraftStatusUpdate', factsSchema, facts);
	const validBasis = parseInput('redraftStatusUpdate', basisSchema, basis);
	const entry = draftEntry(doc, 'redraftStatusUpdate', id);
	doc.transact(() => {
		entry.set('facts', validFacts);
		entry.set('basis', validBasis);
	}, localOrigin);
}

// The draft's facts as stored; the reader already validated them to show them.
function storedFacts(entry: Y.Map<unknown>): StatusFact[] {
	const result = factsSchema.safeParse(entry.get('facts'));
	return result.success ? result.data : [];
}

const factIndexSchema = z.number().int().nonnegative();

/** Rewords one fact of a draft (by its position in the list). */
export function rewordStatusFact(doc: Y.Doc, id: string, index: number, text: string): void {
	const validIndex = parseInput('rewordStatusFact', factIndexSchema, index);
	const validText = parseInput('rewordStatusFact', factTextSchema, text);
	const entry = draftEntry(doc, 'rewordStatusFact', id);
	const facts = storedFacts(entry);
	const fact = facts[validIndex];
	if (!fact || fact.text === validText) return;
	facts[validIndex] = { ...fact, text: validText };
	doc.transact(() => entry.set('facts', facts), localOrigin);
}

/** Removes one fact of a draft (by its position in the list). */
export function removeStatusFact(doc: Y.Doc, id: string, index: number): void {
	const validIndex = parseInput('removeStatusFact', factIndexSchema, index);
	const entry = draftEntry(doc, 'removeStatusFact', id);
	const facts = storedFacts(entry);
	if (validIndex >= facts.length) return;
	facts.splice(validIndex, 1);
	doc.transact(() => entry.set('facts', facts), localOrigin);
}

/** Input of publishStatusUpdate: who signs it. */
export const publishStatusUpdateSchema = z.strictObject({
	author: authorNameSchema.min(1),
	authorId: userIdSchema
});

/**
 * Publishes a draft: signed with the publisher's name, stamped with the time, and from then on
 * frozen. Its facts and basis are kept as they are, so the next update is drafted from them.
 */
export function publishStatusUpdate(
	doc: Y.Doc,
	id: string,
	signer: z.input<typeof publishStatusUpdateSchema>,
	options: { now?: number } = {}
): void {
	const { author, authorId } = parseInput('publishStatusUpdate', publishStatusUpdateSchema, signer);
	const now = parseInput('publishStatusUpdate', timestampSchema.optional(), options.now);
	const entry = draftEntry(doc, 'publishStatusUpdate', id);
	doc.transact(() => {
		entry.set('author', author);
		entry.set('authorId', authorId);
		entry.set('publishedAt', now ?? Date.now());
		entry.set('state', 'published');
	}, localOrigin);
}

/** Discards a draft; a published update is never removed by a command. */
export function discardStatusUpdate(doc: Y.Doc, id: string): void {
	draftEntry(doc, 'discardStatusUpdate', id);
	removeEntry(doc, statusUpdates, id);
}
