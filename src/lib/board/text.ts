import * as Y from 'yjs';
import * as z from 'zod';
import { TEXT_LIMITS } from './fields.ts';
import { isNoChange, textChange, type TextChange } from './text-change.ts';

/**
 * Plain text fields (schema 2 of DESIGN.md §3): every title, name, role, card text and group
 * name is a nested Y.Text, created in the transaction that creates its entry and never replaced,
 * so that people typing in the same field at once merge character by character. Boards written
 * with schema 1 hold plain strings there: every reader accepts both forms.
 */

/** How a plain text field reads: its longest readable length, and whether it keeps line breaks. */
export interface TextShape {
	readonly max: number;
	readonly multiline: boolean;
}

/** A title or a name: one line of at most 200 characters. */
export const TITLE_SHAPE: TextShape = { max: TEXT_LIMITS.title, multiline: false };
/** A person's role: one line of at most 100 characters. */
export const ROLE_SHAPE: TextShape = { max: TEXT_LIMITS.role, multiline: false };
/** A risk's trigger (its early warning): one line of at most 300 characters. */
export const RISK_TRIGGER_SHAPE: TextShape = { max: TEXT_LIMITS.riskTrigger, multiline: false };
/** A retro card's text: up to 2,000 characters, line breaks kept. */
export const CARD_TEXT_SHAPE: TextShape = { max: TEXT_LIMITS.cardText, multiline: true };

/** How a stakeholder is informed ("Weekly e-mail update"): one line, at most 200 characters. */
export const COMMS_CHANNEL_SHAPE: TextShape = {
	max: TEXT_LIMITS.commsChannel,
	multiline: false
};

/** A budget line's notes: one line of at most 500 characters, possibly empty. */
export const NOTES_SHAPE: TextShape = { max: TEXT_LIMITS.budgetNotes, multiline: false };

/**
 * The fields of each collection's entries that hold plain text, with their shapes; `meta.title`
 * and the values of `retroGroupNames` are titles too. A text field added later goes here, and
 * creation, reading, migration, import and the server's folding of late strings follow.
 */
export const PLAIN_TEXT_FIELDS = {
	people: { name: TITLE_SHAPE, role: ROLE_SHAPE, commsChannel: COMMS_CHANNEL_SHAPE },
	milestones: { title: TITLE_SHAPE },
	risks: { title: TITLE_SHAPE, trigger: RISK_TRIGGER_SHAPE },
	raciTasks: { title: TITLE_SHAPE },
	actions: { title: TITLE_SHAPE },
	retroColumns: { title: TITLE_SHAPE },
	retroCards: { text: CARD_TEXT_SHAPE },
	decisions: { title: TITLE_SHAPE },
	budgetLines: { title: TITLE_SHAPE, notes: NOTES_SHAPE }
} as const satisfies Readonly<Record<string, Readonly<Record<string, TextShape>>>>;

/** A collection whose entries hold plain text fields. */
export type PlainTextCollection = keyof typeof PLAIN_TEXT_FIELDS;

/** The plain text field names of a collection's entries. */
export type PlainTextField<Collection extends PlainTextCollection> =
	keyof (typeof PLAIN_TEXT_FIELDS)[Collection] & string;

const CONTROL_RUNS = /\p{Cc}+/gu;
const CONTROL_RUNS_BUT_NEWLINE = /[^\P{Cc}\n]+/gu;

/**
 * A plain text as readers show it: control characters (line breaks too, unless the field is
 * multi-line) become spaces, the ends are trimmed and it is cut at the field's length. A Y.Text
 * can hold what editing refuses for a moment — empty while someone retypes it, 201 characters
 * after two people typed at once — and a reader shows it rather than hide the entry: hiding it
 * would unmount the very field being typed in.
 */
export function readableText(raw: string, shape: TextShape): string {
	const oneForm = shape.multiline
		? raw.replace(/\r\n?/g, '\n').replace(CONTROL_RUNS_BUT_NEWLINE, ' ')
		: raw.replace(CONTROL_RUNS, ' ');
	return cutAt(oneForm.trim(), shape.max).trim();
}

/** What typing or pasting into a field inserts: a single-line field turns line breaks and other control characters into spaces. */
export function insertableText(typed: string, shape: TextShape): string {
	return shape.multiline
		? typed.replace(/\r\n?/g, '\n').replace(CONTROL_RUNS_BUT_NEWLINE, ' ')
		: typed.replace(/[\r\n]+/g, ' ').replace(/\p{Cc}/gu, ' ');
}

// Cut at a length in UTF-16 units without splitting a surrogate pair.
function cutAt(text: string, max: number): string {
	if (text.length <= max) return text;
	const code = text.charCodeAt(max - 1);
	return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A plain Y.Text: a Y.XmlText (rich text, which extends Y.Text) is not one. */
export function isPlainText(value: unknown): value is Y.Text {
	return value instanceof Y.Text && !(value instanceof Y.XmlText);
}

/**
 * A stored plain text field for the readers' zod schemas: a schema-1 string is checked by
 * `strict` as it always was; a Y.Text is read with readableText. (Dispatched by type rather than
 * a z.union, which would build a failed string parse for every Y.Text it reads.)
 */
export function storedText(strict: z.ZodType<string>, shape: TextShape) {
	return z.unknown().transform((value, context): string => {
		if (isPlainText(value)) return readableText(value.toString(), shape);
		const result = strict.safeParse(value);
		if (result.success) return result.data;
		for (const issue of result.error.issues)
			context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
		return z.NEVER;
	});
}

/** The text a field holds, as a string, in either form; null when it holds neither. */
export function plainTextOf(value: unknown): string | null {
	if (typeof value === 'string') return value;
	return isPlainText(value) ? value.toString() : null;
}

/** The Y.Text a map holds under `key`, or null (a schema-1 string, nothing, or something else). */
export function textIn(map: unknown, key: string): Y.Text | null {
	if (!(map instanceof Y.Map)) return null;
	const value: unknown = map.get(key);
	return isPlainText(value) ? value : null;
}

/**
 * Applies a change to a Y.Text; call it inside a transaction. The insertion goes in before the
 * removed text is deleted, so it is anchored between the characters around it: deleted first,
 * the insertion would hang on the character before it alone, and a peer's typing just after the
 * removed text could end up in front of it.
 */
export function applyTextChange(text: Y.Text, change: TextChange): void {
	if (change.insert !== '') text.insert(change.index, change.insert);
	if (change.remove > 0) text.delete(change.index + change.insert.length, change.remove);
}

/**
 * Writes `value` into a plain text field; call it inside a transaction. A field that holds a
 * Y.Text gets the smallest change that makes it `value` (folded in: what a peer typed outside
 * that change stays). A field without one gets a new Y.Text on a schema-2 board, and the plain
 * string schema 1 wrote on a board still at schema 1 (an offline copy the server has not
 * migrated yet): two Y.Texts made at once for one field would race and one would be dropped
 * with what was typed into it, while a string is folded into the field's Y.Text by the server.
 */
export function writePlainText(
	map: Y.Map<unknown>,
	key: string,
	value: string,
	boardSchema: number
): void {
	const text = textIn(map, key);
	if (text) {
		const change = textChange(text.toString(), value);
		if (!isNoChange(change)) applyTextChange(text, change);
	} else if (boardSchema >= 2) {
		map.set(key, new Y.Text(value));
	} else if (map.get(key) !== value) {
		map.set(key, value);
	}
}
