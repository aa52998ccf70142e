import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { asCollabProvider } from '../../../src/lib/editor/collab-provider.ts';
import { createRichTextEditor } from '../../../src/lib/editor/editor-setup.ts';
import { bindEditorToField } from '../../../src/lib/editor/yjs-binding.ts';

/**
 * Replaces a rich-text field's paragraphs the way a person would in the browser: through a
 * Lexical editor bound to the field with Charter's own binding (needs a DOM, e.g. jsdom).
 */
export function rewriteField(field: Y.XmlText, paragraphs: readonly string[]): void {
	const editor = createRichTextEditor({ namespace: 'test-writer', editable: true });
	const awareness = new Awareness(field.doc!);
	const binding = bindEditorToField({
		editor,
		xmlText: field,
		fieldId: 'test-writer',
		provider: asCollabProvider({ awareness })
	});
	editor.update(
		() => {
			const root = $getRoot();
			root.clear();
			for (const text of paragraphs)
				root.append($createParagraphNode().append($createTextNode(text)));
		},
		{ discrete: true }
	);
	binding.destroy();
	awareness.destroy();
}
