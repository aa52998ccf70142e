import type * as Y from 'yjs';
import * as z from 'zod';
import { localOrigin } from './doc.ts';
import { PlainTextEditError } from './errors.ts';
import { applyTextChange, insertableText } from './text.ts';
import { isNoChange, type TextChange } from './text-change.ts';
import { plainTextFieldShape } from './text-fields.ts';
import { parseInput } from './validate.ts';

/** The most one edit may insert: a paste far beyond any field's length is refused, not stored. */
export const MAX_TEXT_INSERT = 10_000;

/** Input of editPlainText: one change of a text, as a keystroke or a paste makes it. */
export const textChangeSchema = z.strictObject({
	index: z.number().int().nonnegative(),
	remove: z.number().int().nonnegative(),
	insert: z.string().max(MAX_TEXT_INSERT)
});

/**
 * Applies one change, typed by this user, to a plain text field of the board (text.ts), so
 * peers typing in the same field merge character by character. What it inserts is made to fit
 * the field (a title turns line breaks into spaces); its length is not checked here: a title
 * past 200 characters is the editor's message to show, never a reason to drop a keystroke.
 */
export function editPlainText(doc: Y.Doc, text: Y.Text, change: TextChange): void {
	const valid = parseInput('editPlainText', textChangeSchema, change);
	const shape = plainTextFieldShape(doc, text);
	if (!shape) throw new PlainTextEditError('editPlainText', 'not a plain text field of this board');
	if (valid.index + valid.remove > text.length)
		throw new PlainTextEditError('editPlainText', 'the change does not fit the text');
	const fitted = { ...valid, insert: insertableText(valid.insert, shape) };
	if (isNoChange(fitted)) return;
	doc.transact(() => applyTextChange(text, fitted), localOrigin);
}
