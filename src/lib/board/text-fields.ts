import * as Y from 'yjs';
import { boardRoots, type RootKey } from './doc.ts';
import { RETRO_EXTRA_KEYS } from './retro/model.ts';
import {
	PLAIN_TEXT_FIELDS,
	TITLE_SHAPE,
	isPlainText,
	textIn,
	type PlainTextCollection,
	type PlainTextField,
	type TextShape
} from './text.ts';

/**
 * Where the plain text fields of a board are (text.ts): each a key of a Y.Map — an entry of a
 * collection, `meta`, or the map of retro group names.
 */

/** The Y.Text of an entry's plain text field, or null while it is a schema-1 string or the entry is gone. */
export function entryText<Collection extends PlainTextCollection>(
	doc: Y.Doc,
	collection: Collection,
	id: string,
	field: PlainTextField<Collection>
): Y.Text | null {
	return textIn(boardRoots(doc)[collection].get(id), field);
}

/** The board title's Y.Text, or null while it is a schema-1 string. */
export function boardTitleText(doc: Y.Doc): Y.Text | null {
	return textIn(boardRoots(doc).meta, 'title');
}

/** The Y.Text naming the group led by `leadId`, or null when it has none yet. */
export function groupNameText(doc: Y.Doc, leadId: string): Y.Text | null {
	return textIn(doc.getMap(RETRO_EXTRA_KEYS.groupNames), leadId);
}

/** Where a doc's plain text lives, found once per doc (its top-level types never change). */
interface TextIndex {
	readonly meta: Y.Map<unknown>;
	readonly groupNames: Y.Map<unknown>;
	readonly collections: ReadonlyMap<Y.Map<unknown>, PlainTextCollection>;
}

const indexes = new WeakMap<Y.Doc, TextIndex>();

function textIndexOf(doc: Y.Doc): TextIndex {
	let index = indexes.get(doc);
	if (!index) {
		const roots = boardRoots(doc);
		const collections = Object.keys(PLAIN_TEXT_FIELDS) as PlainTextCollection[];
		index = {
			meta: roots.meta,
			groupNames: doc.getMap(RETRO_EXTRA_KEYS.groupNames),
			collections: new Map(collections.map((key) => [roots[key as RootKey], key]))
		};
		indexes.set(doc, index);
	}
	return index;
}

/**
 * The shape of the plain text `map` holds under `key`: the title of `meta`, every key of the
 * group names, the text fields of an entry of a collection; null for anything else (a
 * collection itself included).
 */
export function textShapeOf(doc: Y.Doc, map: Y.Map<unknown>, key: string): TextShape | null {
	const index = textIndexOf(doc);
	if (map === index.meta) return key === 'title' ? TITLE_SHAPE : null;
	if (map === index.groupNames) return TITLE_SHAPE;
	const collection = collectionOf(doc, map._item?.parent);
	if (!collection) return null;
	const fields: Readonly<Record<string, TextShape>> = PLAIN_TEXT_FIELDS[collection];
	return Object.hasOwn(fields, key) ? fields[key]! : null;
}

/** The collection `map` is, when it is one whose entries hold plain text. */
export function collectionOf(doc: Y.Doc, map: unknown): PlainTextCollection | null {
	if (!(map instanceof Y.Map)) return null;
	return textIndexOf(doc).collections.get(map) ?? null;
}

/**
 * The shape of `text` when it is a live plain text field of `doc`; null for anything else (a
 * charter section, a deleted field, a text of another board).
 */
export function plainTextFieldShape(doc: Y.Doc, text: Y.Text): TextShape | null {
	const item = text._item;
	if (!isPlainText(text) || text.doc !== doc || !item || item.deleted) return null;
	const parent = item.parent;
	if (!(parent instanceof Y.Map) || item.parentSub === null) return null;
	return textShapeOf(doc, parent, item.parentSub);
}
