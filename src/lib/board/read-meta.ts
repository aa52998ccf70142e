import type * as Y from 'yjs';
import * as z from 'zod';
import { boardRoots, DEFAULT_BOARD_TITLES } from './doc.ts';
import {
	boardKindSchema,
	boardMetaSchema,
	SCHEMA_VERSION,
	schemaVersionSchema,
	timestampSchema,
	userIdSchema,
	type BoardKind,
	type BoardMeta
} from './schema.ts';

/** The entries of `meta` read one by one. */
export type MetaField = 'schema' | 'title' | 'kind' | 'createdAt' | 'facilitator';

/**
 * Result of reading `meta`: `ok: false` while the board holds nothing at all (not synced yet);
 * otherwise the metadata, with a stand-in for each entry that did not parse, named in `hidden`.
 */
export type MetaRead =
	| { readonly ok: true; readonly meta: BoardMeta; readonly hidden: readonly MetaField[] }
	| { readonly ok: false; readonly meta: null };

/** What a board's title reads as when the one a peer wrote cannot be read. */
export const UNREADABLE_TITLE = DEFAULT_BOARD_TITLES.blank;

/**
 * The board's metadata, each entry read on its own (DESIGN.md §3): a bad value — a number
 * written as the title, an unknown kind — hides only itself, replaced by a stand-in (an
 * "Untitled board", the kind the board's content shows, a creation time of 0), and is counted,
 * so the board itself is never hidden by one write.
 */
export function readMetaFields(doc: Y.Doc): MetaRead {
	const roots = boardRoots(doc);
	const meta = roots.meta;
	if (Object.values(roots).every((root) => root.size === 0)) return { ok: false, meta: null };
	const hidden: MetaField[] = [];
	const read = <T>(field: MetaField, schema: z.ZodType<T>, standIn: T): T => {
		const result = schema.safeParse(meta.get(field));
		if (result.success) return result.data;
		hidden.push(field);
		return standIn;
	};
	// A retro board keeps its settings in `retro`: its kind can be told from them.
	const kindShown: BoardKind = roots.retro.size > 0 ? 'retro' : 'kickoff';
	const board: BoardMeta = {
		schema: read('schema', schemaVersionSchema, SCHEMA_VERSION),
		// A string (schema 1) or a Y.Text (schema 2): read as text.ts reads every stored text.
		title: read('title', boardMetaSchema.shape.title, UNREADABLE_TITLE),
		kind: read('kind', boardKindSchema, kindShown),
		createdAt: read('createdAt', timestampSchema, 0)
	};
	if (meta.has('facilitator')) {
		const facilitator = read('facilitator', userIdSchema.optional(), undefined);
		if (facilitator !== undefined) board.facilitator = facilitator;
	}
	return { ok: true, meta: board, hidden };
}
