import * as Y from 'yjs';
import * as z from 'zod';
import { EntityNotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { cardTextSchema, idSchema, timestampSchema } from '../schema.ts';
import { parseInput } from '../validate.ts';

/**
 * Commands on a user's private draft document: a separate Y.Doc that never leaves the device
 * (DESIGN.md §3). It holds `drafts` (id → {column, text, createdAt}) and `published` (ids of
 * the cards this user published, so they stay recognisable as theirs in anonymous mode).
 */

/** Transaction origin of draft edits. */
export const draftOrigin: unique symbol = Symbol('charter/retro-draft');

/** A private, unpublished card. */
export const draftSchema = z.object({
	id: idSchema,
	column: idSchema,
	text: cardTextSchema,
	createdAt: timestampSchema
});
/** A private, unpublished card. */
export type RetroDraft = z.output<typeof draftSchema>;

const newDraftSchema = z.strictObject({ column: idSchema, text: cardTextSchema });

function draftsMap(local: Y.Doc): Y.Map<unknown> {
	return local.getMap<unknown>('drafts');
}

function publishedMap(local: Y.Doc): Y.Map<unknown> {
	return local.getMap<unknown>('published');
}

/** The user's drafts, oldest first; entries that do not parse are skipped. */
export function readDrafts(local: Y.Doc): RetroDraft[] {
	const drafts: RetroDraft[] = [];
	for (const [id, entry] of draftsMap(local).entries()) {
		if (!(entry instanceof Y.Map)) continue;
		const parsed = draftSchema.safeParse({ ...Object.fromEntries(entry.entries()), id });
		if (parsed.success) drafts.push(parsed.data);
	}
	return drafts.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Ids of the cards this user published from this device. */
export function readPublishedIds(local: Y.Doc): Set<string> {
	return new Set([...publishedMap(local).keys()].filter((id) => idSchema.safeParse(id).success));
}

/** Adds a draft to a column and returns its id (the id its card will have). */
export function addDraft(
	local: Y.Doc,
	input: { column: string; text: string },
	now = Date.now()
): string {
	const { column, text } = parseInput('addDraft', newDraftSchema, input);
	const createdAt = parseInput('addDraft', timestampSchema, now);
	const id = newId();
	const entry = new Y.Map<unknown>([
		['column', column],
		['text', text],
		['createdAt', createdAt]
	]);
	local.transact(() => draftsMap(local).set(id, entry), draftOrigin);
	return id;
}

/** Changes a draft's text. */
export function editDraft(local: Y.Doc, id: string, text: string): void {
	const validText = parseInput('editDraft', cardTextSchema, text);
	const entry = draftsMap(local).get(id);
	if (!(entry instanceof Y.Map)) throw new EntityNotFoundError('drafts', String(id));
	if (entry.get('text') === validText) return;
	local.transact(() => entry.set('text', validText), draftOrigin);
}

/** Deletes a draft. */
export function removeDraft(local: Y.Doc, id: string): void {
	const drafts = draftsMap(local);
	if (!drafts.has(id)) throw new EntityNotFoundError('drafts', String(id));
	local.transact(() => drafts.delete(id), draftOrigin);
}

/** Forgets drafts that are now cards, remembering their ids as this user's. */
export function markPublished(local: Y.Doc, ids: readonly string[], now = Date.now()): void {
	const drafts = draftsMap(local);
	const published = publishedMap(local);
	local.transact(() => {
		for (const id of ids) {
			drafts.delete(id);
			published.set(id, now);
		}
	}, draftOrigin);
}
