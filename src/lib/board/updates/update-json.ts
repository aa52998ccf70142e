import * as Y from 'yjs';
import * as z from 'zod';
import { newEntryMap } from '../collection.ts';
import { boardRoots } from '../doc.ts';
import { readRichText } from '../export/rich-text-read.ts';
import { writeRichText } from '../export/rich-text-write.ts';
import { richTextSchema, type RichTextBlock } from '../export/rich-text.ts';
import { idSchema, orderSchema, timestampSchema, userIdSchema } from '../fields.ts';
import { basisSchema, readBasis, type UpdateBasis } from './basis.ts';
import {
	UPDATE_HEALTHS,
	UPDATE_STATES,
	authorNameSchema,
	factsSchema,
	type StatusUpdate
} from './model.ts';

/** A status update in a JSON export: its summary in the documented rich-text form. */
export type ExportedStatusUpdate = Omit<StatusUpdate, 'summary' | 'basis'> & {
	summary: RichTextBlock[];
	/** The state its facts were drafted against; null when what was stored does not parse. */
	basis: UpdateBasis | null;
};

/** The board's status updates as the JSON export writes them. */
export function exportStatusUpdates(updates: readonly StatusUpdate[]): ExportedStatusUpdate[] {
	return updates.map(({ summary, basis, ...update }) => ({
		...update,
		summary: readRichText(summary),
		basis: readBasis(basis)
	}));
}

// Far above a real board's, so a hostile file cannot make one nobody opens.
const MAX_UPDATES = 10_000;

/** A status update as an import accepts it. */
export const statusUpdateImportSchema = z
	.object({
		id: idSchema,
		health: z.enum(UPDATE_HEALTHS),
		summary: richTextSchema,
		state: z.enum(UPDATE_STATES),
		author: authorNameSchema,
		authorId: userIdSchema,
		createdAt: timestampSchema,
		publishedAt: timestampSchema.nullable(),
		facts: factsSchema,
		basis: basisSchema.nullable(),
		order: orderSchema
	})
	.refine((update) => update.state === 'draft' || update.publishedAt !== null, {
		error: 'a published update needs its publishedAt',
		path: ['publishedAt']
	});

/** The `statusUpdates` of an import; files written before status updates have none. */
export const statusUpdatesImportSchema = z
	.array(statusUpdateImportSchema)
	.max(MAX_UPDATES)
	.default([]);

/** Writes imported status updates, inside the import's transaction; each summary is created with its entry. */
export function writeStatusUpdates(
	doc: Y.Doc,
	updates: readonly z.output<typeof statusUpdateImportSchema>[]
): void {
	const map = boardRoots(doc).statusUpdates;
	for (const { id, summary, basis, ...fields } of updates) {
		const text = new Y.XmlText();
		const entry = newEntryMap('statusUpdates', { ...fields, summary: text });
		if (basis !== null) entry.set('basis', basis);
		map.set(id, entry);
		writeRichText(text, summary);
	}
}
