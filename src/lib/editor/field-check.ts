import * as Y from 'yjs';
import { RICH_TEXT_LIMITS } from '../board/export/rich-text.ts';

/**
 * What Charter's editor can show, by how @lexical/yjs's V1 layout stores it: elements as nested
 * Y.XmlText with a `__type` attribute, text nodes and line breaks as Y.Map embeds with `__type`.
 * Lexical refuses a node type it was not given (and a type stored in the wrong kind of Yjs type)
 * by throwing out of the whole update, which left the field blank: such a field is shown
 * read-only instead, from the export's reader, with the unknown part left out.
 */
export const FIELD_ELEMENT_TYPES: ReadonlySet<string> = new Set([
	'paragraph',
	'heading',
	'quote',
	'list',
	'listitem',
	'link'
]);

/** Text node types of a field: text, tabs (Lexical makes them of pasted `\t`) and line breaks. */
export const FIELD_TEXT_TYPES: ReadonlySet<string> = new Set(['text', 'tab', 'linebreak']);

/**
 * Elements nested below a field that the editor shows: lists as deep as an import may indent
 * them (each level a list and an item), then a block's link. Deeper nesting is no content
 * Charter writes, and Lexical's recursive reconciler would run out of stack on it.
 */
export const MAX_FIELD_DEPTH = 2 * RICH_TEXT_LIMITS.depth + 2;

/** Why a field cannot be shown in the editor. */
export type FieldProblem = 'unknown-type' | 'misplaced' | 'too-deep';

/** The first reason the editor cannot show `field` as it is, or null when it can. */
export function checkField(field: Y.XmlText): FieldProblem | null {
	return checkSubtree(field, 0);
}

/**
 * Checks only what the transaction behind `events` changed (the types it touched, and below
 * them), so a remote keystroke costs a walk of its paragraph, not of the field.
 */
export function checkFieldChanges(
	field: Y.XmlText,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- events of any Y type
	events: readonly Y.YEvent<any>[]
): FieldProblem | null {
	for (const event of events) {
		const target = event.target as Y.AbstractType<unknown>;
		const depth = depthBelow(field, target);
		if (depth === null) continue;
		// A text node's properties changed: its type must still be one the editor knows.
		if (target instanceof Y.Map && target.parent instanceof Y.XmlText) {
			if (!isKnown(target.get('__type'), FIELD_TEXT_TYPES)) return 'unknown-type';
			continue;
		}
		if (!(target instanceof Y.XmlText)) continue;
		const problem = checkSubtree(target, depth);
		if (problem) return problem;
	}
	return null;
}

// How many elements `type` is below `field` (0 for the field itself); null if it is not inside.
function depthBelow(field: Y.XmlText, type: Y.AbstractType<unknown>): number | null {
	let depth = 0;
	for (let node: Y.AbstractType<unknown> | null = type; node; node = node.parent) {
		if (node === field) return depth;
		if (node instanceof Y.XmlText) depth++;
		if (depth > MAX_FIELD_DEPTH + 1) return MAX_FIELD_DEPTH + 1;
	}
	return null;
}

// Walks an element and everything in it with a stack of its own, never by recursion.
function checkSubtree(root: Y.XmlText, rootDepth: number): FieldProblem | null {
	const pending: Array<{ element: Y.XmlText; depth: number }> = [
		{ element: root, depth: rootDepth }
	];
	for (let next = pending.pop(); next; next = pending.pop()) {
		const { element, depth } = next;
		if (depth > MAX_FIELD_DEPTH) return 'too-deep';
		if (depth > 0 && !isKnown(element.getAttribute('__type'), FIELD_ELEMENT_TYPES)) {
			return 'unknown-type';
		}
		for (const op of element.toDelta() as { insert?: unknown }[]) {
			const insert = op.insert;
			// The field itself holds blocks only: text there has no block to belong to.
			if (depth === 0 && !(insert instanceof Y.XmlText)) return 'misplaced';
			if (typeof insert === 'string') continue;
			if (insert instanceof Y.XmlText) pending.push({ element: insert, depth: depth + 1 });
			else if (!(insert instanceof Y.Map) || !isKnown(insert.get('__type'), FIELD_TEXT_TYPES)) {
				return 'unknown-type';
			}
		}
	}
	return null;
}

function isKnown(type: unknown, known: ReadonlySet<string>): boolean {
	return typeof type === 'string' && known.has(type);
}
