import * as Y from 'yjs';
import { plainTextFieldsOf } from './collection.ts';
import { PLAIN_TEXT_FIELDS, applyTextChange, textIn } from './text.ts';
import { isNoChange, textChange } from './text-change.ts';
import { collectionOf, textShapeOf } from './text-fields.ts';

/**
 * Late strings: a copy of a board written with schema 1 (an offline tab of an older version, an
 * IndexedDB copy edited before it met the migrated board) comes back with plain strings in text
 * fields that now hold a Y.Text. Yjs keeps one value per map key, so the string either lost to
 * the Y.Text (and the offline rename would vanish) or replaced it. Either way the server folds
 * the string into the field's Y.Text (DESIGN.md §3): the offline rename applies as an edit of the
 * shared text, and the field stays co-editable.
 */

/** A plain text field that a peer's update set to a string, and that string. */
export interface LateString {
	readonly map: Y.Map<unknown>;
	readonly key: string;
	readonly value: string;
}

/**
 * The plain text fields that `transaction` set to a string, whether the string won the field or
 * lost it to a Y.Text. Call it while the transaction's observers run (Y.Doc's
 * `beforeObserverCalls`): afterwards Yjs has dropped the content of the string that lost. It
 * looks only at what the transaction changed, so it costs next to nothing for a keystroke.
 */
export function lateStrings(doc: Y.Doc, transaction: Y.Transaction): LateString[] {
	const found: LateString[] = [];
	for (const [type, keys] of transaction.changed) {
		if (!(type instanceof Y.Map)) continue;
		// An entry whose other fields changed (a re-score, a move) costs nothing more.
		if (type._item !== null && !someTextField(keys)) continue;
		const collection = collectionOf(doc, type);
		for (const key of keys) {
			if (key === null) continue;
			if (collection) found.push(...stringsOfNewEntry(transaction, type.get(key), collection));
			else if (textShapeOf(doc, type, key)) {
				const value = lateStringAt(transaction, type, key);
				if (value !== null) found.push({ map: type, key, value });
			}
		}
	}
	return found;
}

/**
 * Folds late strings into their fields in one transaction with `origin`: a field whose Y.Text
 * survived gets the smallest change that gives it the late text (what others typed outside that
 * change stays); a field the string won gets a new Y.Text holding it.
 */
export function foldLateStrings(doc: Y.Doc, late: readonly LateString[], origin: unknown): void {
	if (late.length === 0) return;
	doc.transact(() => {
		for (const { map, key, value } of late) {
			if (map._item?.deleted) continue;
			const text = textIn(map, key);
			if (text) {
				const change = textChange(text.toString(), value);
				if (!isNoChange(change)) applyTextChange(text, change);
			} else if (typeof map.get(key) === 'string') {
				map.set(key, new Y.Text(map.get(key) as string));
			}
		}
	}, origin);
}

// An entry an old client added holds its text fields as strings.
function stringsOfNewEntry(
	transaction: Y.Transaction,
	entry: unknown,
	collection: Parameters<typeof plainTextFieldsOf>[0]
): LateString[] {
	if (!(entry instanceof Y.Map) || !entry._item || !madeIn(transaction, entry._item)) return [];
	return plainTextFieldsOf(collection).flatMap((key) => {
		const value: unknown = entry.get(key);
		return typeof value === 'string' ? [{ map: entry, key, value }] : [];
	});
}

// The string set under `key` by this transaction: the field's value when the string won, or,
// when a Y.Text kept the field, the string among the values this transaction placed before it.
function lateStringAt(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): string | null {
	const current = map._map.get(key);
	if (!current) return null;
	if (!current.deleted && stringOf(current) !== null)
		return madeIn(transaction, current) ? stringOf(current) : null;
	for (let item = current.left; item && madeIn(transaction, item); item = item.left) {
		const value = stringOf(item);
		if (value !== null) return value;
	}
	return null;
}

const TEXT_FIELD_NAMES = new Set(
	Object.values(PLAIN_TEXT_FIELDS).flatMap((fields) => Object.keys(fields))
);

function someTextField(keys: ReadonlySet<string | null>): boolean {
	for (const key of keys) if (key !== null && TEXT_FIELD_NAMES.has(key)) return true;
	return false;
}

function madeIn(transaction: Y.Transaction, item: Y.Item): boolean {
	return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

function stringOf(item: Y.Item): string | null {
	if (!(item.content instanceof Y.ContentAny)) return null;
	const value: unknown = item.content.arr[0];
	return typeof value === 'string' ? value : null;
}
