import { $handlePlainTextDrop, $insertDataTransferForPlainText } from '@lexical/clipboard';
import { mergeRegister } from '@lexical/utils';
import {
	$getSelection,
	COMMAND_PRIORITY_HIGH,
	CONTROLLED_TEXT_INSERTION_COMMAND,
	DROP_COMMAND,
	PASTE_COMMAND,
	type LexicalEditor
} from 'lexical';

/**
 * Pasting or dropping into a field inserts text only: foreign HTML (styles, scripts, images,
 * links with any scheme) never enters the shared document. Runs before rich text's own handlers.
 */
export function registerPlainTextPaste(editor: LexicalEditor): () => void {
	return mergeRegister(
		editor.registerCommand(
			PASTE_COMMAND,
			(event) => {
				const data = 'clipboardData' in event ? event.clipboardData : null;
				event.preventDefault();
				const selection = $getSelection();
				if (data && selection) $insertDataTransferForPlainText(data, selection);
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
