import * as Y from 'yjs';

/**
 * Whether a risk's mitigation holds any visible text. A rich-text field that was typed in and
 * emptied again still holds an empty paragraph, so its length alone would say yes.
 */
export function hasMitigationText(mitigation: Y.XmlText): boolean {
	return mitigation.toDelta().some((op: { insert?: unknown }) => {
		if (typeof op.insert === 'string') return op.insert.trim() !== '';
		return op.insert instanceof Y.XmlText && hasMitigationText(op.insert);
	});
}
