import type * as Y from 'yjs';
import { z } from 'zod';
import { boardRoots, localOrigin } from './doc.ts';
import { CONTROL_CHARACTERS, TEXT_LIMITS, userIdSchema } from './fields.ts';
import { parseInput } from './validate.ts';

/**
 * `editors`: Y.Map<Yjs client id (decimal), {userId, name}>. A Yjs client id is new on every
 * page load, so a browser that was away cannot tell from presence who wrote an item it did not
 * see arrive. Each editing session writes its client id here once, with its first change, and
 * "since you last looked" (diff/since.ts) names the author of each item through it. Viewers
 * cannot write, so they never appear; an id missing here reads as "someone".
 */
export const editorSchema = z.object({
	userId: userIdSchema,
	name: z
		.string()
		.trim()
		.min(1)
		.max(TEXT_LIMITS.profileName)
		.refine((text) => !CONTROL_CHARACTERS.test(text))
});

/** Who wrote with one Yjs client id. */
export type Editor = z.output<typeof editorSchema>;

/**
 * Records that this document's Yjs client id writes for `editor`, in one local transaction;
 * writes nothing when it is recorded already. Throws InvalidInputError on a bad profile.
 */
export function recordEditor(doc: Y.Doc, editor: Editor): void {
	const valid = parseInput('recordEditor', editorSchema, editor);
	const { editors } = boardRoots(doc);
	const key = String(doc.clientID);
	const known = editorSchema.safeParse(editors.get(key));
	if (known.success && known.data.userId === valid.userId && known.data.name === valid.name) return;
	doc.transact(() => editors.set(key, { userId: valid.userId, name: valid.name }), localOrigin);
}

/** The recorded editors by Yjs client id; entries that do not parse are left out. */
export function readEditors(doc: Y.Doc): Map<number, Editor> {
	const editors = new Map<number, Editor>();
	for (const [key, value] of boardRoots(doc).editors.entries()) {
		const clientId = /^\d{1,16}$/.test(key) ? Number(key) : NaN;
		const parsed = editorSchema.safeParse(value);
		if (Number.isSafeInteger(clientId) && parsed.success) editors.set(clientId, parsed.data);
	}
	return editors;
}
