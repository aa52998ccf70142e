import { $handlePlainTextDrop, $insertDataTransferForPlainText } from '@lexical/clipboard';
import { mergeRegister } from '@lexical/utils';
import { $insertPastedHtml, $insertPastedLines } from './html-paste.ts';
import {
	$getSelection,
	COMMAND_PRIORITY_HIGH,
	CONTROLLED_TEXT_INSERTION_COMMAND,
	DROP_COMMAND,
	PASTE_COMMAND,
	type LexicalEditor
} from 'lexical';

/**
 * Pasting into a field keeps only the formats it offers (html-paste.ts): foreign HTML's styles,
 * scripts, images and unsafe links never enter the shared document, and pasted lines become
 * paragraphs. Dropping inserts text only. Runs before rich text's own handlers.
 */
export function registerPlainTextPaste(editor: LexicalEditor): () => void {
	return mergeRegister(
		editor.registerCommand(
			PASTE_COMMAND,
			(event) => {
				const data = 'clipboardData' in event ? event.clipboardData : null;
				event.preventDefault();
				const selection = $getSelection();
				if (!data || !selection) return true;
				const html = data.getData('text/html');
				if (html) $insertPastedHtml(editor, html, selection);
				else $insertPastedLines(data.getData('text/plain'), selection);
				return true;
			},
			COMMAND_PRIORITY_HIGH
		),
		editor.registerCommand(
			DROP_COMMAND,
			(event) => {
				if (!event.dataTransfer?.types.includes('text/plain')) {
					event.preventDefault();
					return true;
				}
				return $handlePlainTextDrop(event, editor);
			},
			COMMAND_PRIORITY_HIGH
		),
		// A drop from outside the editor arrives as an insertion that carries the dragged data.
		editor.registerCommand(
			CONTROLLED_TEXT_INSERTION_COMMAND,
			(eventOrText) => {
				if (typeof eventOrText === 'string' || !eventOrText.dataTransfer) return false;
				const selection = $getSelection();
				if (selection) $insertDataTransferForPlainText(eventOrText.dataTransfer, selection);
				return true;
			},
			COMMAND_PRIORITY_HIGH
		)
	);
}
