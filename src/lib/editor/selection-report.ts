import { $getSelection, $isRangeSelection } from 'lexical';

/** What the floating toolbar needs to know about the selection after an editor update. */
export interface SelectionReport {
	/** True while text is selected (a range that is not collapsed). */
	readonly range: boolean;
	/** Where the selection is; it changes whenever the selection moves, and is '' for none. */
	readonly where: string;
	/** True when the update came from Yjs (another person, or undo), not from this editor. */
	readonly remote: boolean;
}

/** Reads the selection for the toolbar; call inside `editorState.read`. */
export function $readSelectionReport(remote: boolean): SelectionReport {
	const selection = $getSelection();
	if (!$isRangeSelection(selection)) return { range: false, where: '', remote };
	const { anchor, focus } = selection;
	return {
		range: !selection.isCollapsed(),
		where: `${anchor.key}:${anchor.offset}:${focus.key}:${focus.offset}`,
		remote
	};
}
