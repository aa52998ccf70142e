import type * as Y from 'yjs';
import * as z from 'zod';
import { existingEntry, newEntryMap } from '../collection.ts';
import { boardRoots, boardSchemaVersion, localOrigin } from '../doc.ts';
import { PlainTextEditError } from '../errors.ts';
import { orderAtEnd, type Ordered } from '../order.ts';
import { readRetroCards, readRetroColumns } from '../read.ts';
import { cardTextSchema, idSchema, timestampSchema, userIdSchema } from '../schema.ts';
import { plainTextOf, textIn, writePlainText } from '../text.ts';
import type { TextChange } from '../text-change.ts';
import { editPlainText } from '../text-commands.ts';
import { parseInput } from '../validate.ts';
import { RetroPhaseError, RetroRuleError } from './errors.ts';
import { requireUnlocked } from './facilitation.ts';
import { ANONYMOUS_AUTHOR, readRetroExtras, retroExtraRoots, retroWriterSchema } from './model.ts';
import { requireAbility, settingsOf } from './settings.ts';

/**
 * Origin of the writes a client makes on its own behalf rather than the user's: publishing
 * drafts and counting them. Undo tracks only the local command origin, so Ctrl+Z can never
 * take a published card back into hiding or rewind a counter.
 */
export const retroBookkeepingOrigin: unique symbol = Symbol('charter/retro-bookkeeping');

/** A private draft as it is published: its id becomes the card's id. */
export const publishedDraftSchema = z.object({
	id: idSchema,
	column: idSchema,
	text: cardTextSchema,
	createdAt: timestampSchema
});
/** A private draft as it is published. */
export type PublishedDraft = z.input<typeof publishedDraftSchema>;

/**
 * Publishes a user's drafts as cards, after the phase left `write` (never before: that is the
 * privacy promise). Publishing is idempotent: a draft whose card exists is skipped, so two tabs
 * or a retry after a crash publish each draft once. A draft whose column was removed lands in
 * the first column. Returns the ids of the cards now published.
 */
export function publishDrafts(
	doc: Y.Doc,
	drafts: readonly PublishedDraft[],
	userId: string
): string[] {
	const valid = parseInput('publishDrafts', z.array(publishedDraftSchema), drafts);
	const author = parseInput('publishDrafts', userIdSchema, userId);
	const { phase } = settingsOf(doc);
	if (phase === 'write') throw new RetroPhaseError('publishDrafts', phase);
	const columns = readRetroColumns(doc).items;
	const firstColumn = columns[0];
	if (!firstColumn) throw new RetroRuleError('publishDrafts: the retro has no column');
	const columnIds = new Set(columns.map((column) => column.id));
	const { anonymous } = readRetroExtras(doc);
	const { retroCards } = boardRoots(doc);
	const ordered: Ordered[] = readRetroCards(doc).items.map(({ id, order }) => ({ id, order }));
	doc.transact(() => {
		for (const draft of valid) {
			if (retroCards.has(draft.id)) continue;
			const order = orderAtEnd(ordered);
			ordered.push({ id: draft.id, order });
			const card = newEntryMap('retroCards', {
				column: columnIds.has(draft.column) ? draft.column : firstColumn.id,
				text: draft.text,
				author: anonymous ? ANONYMOUS_AUTHOR : author,
				group: '',
				order,
				createdAt: draft.createdAt
			});
			retroCards.set(draft.id, card);
		}
	}, retroBookkeepingOrigin);
	return valid.map((draft) => draft.id);
}

/**
 * Tells the others how many cards `userId` is writing and whether they are done: the count, never
 * the text. Writes only when something changed.
 */
export function reportWriting(
	doc: Y.Doc,
	userId: string,
	status: { name: string; drafts: number; done: boolean }
): void {
	const writer = parseInput('reportWriting', userIdSchema, userId);
	const value = parseInput('reportWriting', retroWriterSchema, status);
	const { writers } = retroExtraRoots(doc);
	const stored = retroWriterSchema.safeParse(writers.get(writer));
	if (
		stored.success &&
		stored.data.name === value.name &&
		stored.data.drafts === value.drafts &&
		stored.data.done === value.done
	)
		return;
	doc.transact(() => writers.set(writer, value), retroBookkeepingOrigin);
}

/**
 * Changes a published card's text by one edit (a keystroke, a paste), so that people rewording
 * a card together merge character by character; only while cards are read and grouped.
 */
export function editCardText(doc: Y.Doc, cardId: string, change: TextChange, actor: string): void {
	requireAbility(doc, 'editCardText', 'editCards');
	requireUnlocked(doc, 'editCardText', actor);
	const text = textIn(existingEntry(doc, { key: 'retroCards' }, cardId), 'text');
	if (!text) throw new PlainTextEditError('editCardText', 'the card text is not shared text yet');
	editPlainText(doc, text, change);
}

/** Rewords a published card: the smallest change that gives its text `text` (text.ts). */
export function setCardText(doc: Y.Doc, cardId: string, text: string, actor: string): void {
	const validText = parseInput('setCardText', cardTextSchema, text);
	requireAbility(doc, 'setCardText', 'editCards');
	requireUnlocked(doc, 'setCardText', actor);
	const card = existingEntry(doc, { key: 'retroCards' }, cardId);
	if (plainTextOf(card.get('text')) === validText) return;
	const schema = boardSchemaVersion(doc);
	doc.transact(() => writePlainText(card, 'text', validText, schema), localOrigin);
}
