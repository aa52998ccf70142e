import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { $insertList, $isListNode, $removeList, ListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
	$createParagraphNode,
	$createTextNode,
	$findMatchingParent,
	$getRoot,
	$getSelection,
	$isRangeSelection,
	$isRootOrShadowRoot,
	FORMAT_TEXT_COMMAND,
	type LexicalEditor,
	type RangeSelection
} from 'lexical';
import { readLinkInput, type LinkInput } from '../board/safe-url.ts';
import { NO_FORMAT, type BlockKind, type FormatState } from './format-state.ts';

/** Reads the format state at the current selection; call inside `editorState.read`. */
export function $readFormatState(): FormatState {
	const selection = $getSelection();
	if (!$isRangeSelection(selection)) return NO_FORMAT;
	const anchor = selection.anchor.getNode();
	const link = $findMatchingParent(anchor, $isLinkNode);
	return {
		block: $blockKindAt(selection),
		bold: selection.hasFormat('bold'),
		italic: selection.hasFormat('italic'),
		linkUrl: link ? link.getURL() : null
	};
}

function $blockKindAt(selection: RangeSelection): BlockKind {
	const anchor = selection.anchor.getNode();
	if ($isRootOrShadowRoot(anchor)) return 'paragraph';
	const list = $getNearestNodeOfType(anchor, ListNode);
	if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet';
	const block = anchor.getTopLevelElement();
	if ($isHeadingNode(block))
		return block.getTag() === 'h1' || block.getTag() === 'h2' ? 'h2' : 'h3';
	return 'paragraph';
}

/**
 * A range selection to format: an empty field gets its first paragraph here, as part of the
 * user's own edit (never when a field is merely opened, see TOOLCHAIN.md on empty fields).
 */
function $rangeSelection(): RangeSelection {
	const root = $getRoot();
	if (root.isEmpty()) {
		const paragraph = $createParagraphNode();
		root.append(paragraph);
		paragraph.select();
	}
	const selection = $getSelection();
	if ($isRangeSelection(selection)) return selection;
	return root.selectEnd();
}

/** Turns the selected blocks into `kind`, or back into paragraphs when they already are. */
export function setBlockKind(editor: LexicalEditor, kind: BlockKind): void {
	editor.update(() => {
		const selection = $rangeSelection();
		const current = $blockKindAt(selection);
		const target = current === kind ? 'paragraph' : kind;
		if (current === 'bullet' || current === 'number') {
			if (target === 'bullet' || target === 'number') return $insertList(target);
			$removeList();
		}
		if (target === 'bullet' || target === 'number') return $insertList(target);
		const next = $getSelection();
		$setBlocksType(next, () =>
			target === 'paragraph' ? $createParagraphNode() : $createHeadingNode(target)
		);
	});
}

/** Toggles bold or italic on the selection, as Ctrl+B and Ctrl+I do. */
export function toggleTextFormat(editor: LexicalEditor, format: 'bold' | 'italic'): void {
	editor.update(() => void $rangeSelection());
	editor.dispatchCommand(FORMAT_TEXT_COMMAND, format);
}

/**
 * Links the selection to the address a user typed, after checking it (http, https, mailto only).
 * With nothing selected, the address itself is inserted as the link's text; inside a link, that
 * link's address changes. Returns what the check found, so the form can explain a refusal.
 */
export function applyLink(editor: LexicalEditor, input: string): LinkInput {
	const result = readLinkInput(input);
	if (!result.ok) return result;
	editor.update(() => {
		const selection = $rangeSelection();
		const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
		if (!selection.isCollapsed()) $toggleLink(result.url);
		else if (link) link.setURL(result.url);
		else selection.insertNodes([$createLinkNode(result.url).append($createTextNode(result.url))]);
	});
	return result;
}

/** Removes the link around the caret or from the selected text. */
export function removeLink(editor: LexicalEditor): void {
	editor.update(() => {
		$rangeSelection();
		$toggleLink(null);
	});
}
