import { expect, type Locator, type Page } from '@playwright/test';
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { readCharterSection } from '../../src/lib/board/read.ts';
import { asCollabProvider } from '../../src/lib/editor/collab-provider.ts';
import { createRichTextEditor } from '../../src/lib/editor/editor-setup.ts';
import { bindEditorToField } from '../../src/lib/editor/yjs-binding.ts';
import { connectClient } from '../helpers/clients.ts';
import { openSection } from './helpers.ts';

/** Opens the Charter section and waits until its fields are live. */
export async function openCharter(page: Page): Promise<void> {
	await openSection(page, 'Charter');
	await expect(charterField(page, 'Background')).toHaveAttribute('contenteditable', /true|false/);
}

/** A charter section (heading, marker, field and its floating toolbar) by its heading. */
export function charterSection(page: Page, heading: string): Locator {
	return page.getByRole('region', { name: heading, exact: true });
}

/** The editable area of a charter section. */
export function charterField(page: Page, heading: string): Locator {
	return charterSection(page, heading).getByRole('textbox', { name: heading, exact: true });
}

/**
 * Puts the caret at the end of a charter section, as a click and Ctrl+End would, and waits until
 * it is there. Lexical takes the caret from the browser's `selectionchange` event, which comes a
 * task later; a remote change reconciled in between (the other person's typing or caret) puts
 * back the caret Lexical last knew, so a key pressed at once can land where the click put it.
 */
export async function caretAtEnd(page: Page, heading: string): Promise<void> {
	await caretAtEndOf(page, charterField(page, heading));
}

/** Puts the caret at the end of a rich-text field and waits until it stays there. */
export async function caretAtEndOf(page: Page, field: Locator): Promise<void> {
	await field.click();
	await expect(field).toBeFocused();
	await expect
		.poll(
			async () => {
				await page.keyboard.press('Control+End');
				// Two frames: Lexical has read the caret, and a reconcile has had its turn.
				return field.evaluate(
					(element) =>
						new Promise<boolean>((resolve) =>
							requestAnimationFrame(() =>
								requestAnimationFrame(() => {
									const selection = getSelection();
									if (!selection?.focusNode || !element.contains(selection.focusNode)) {
										return resolve(false);
									}
									const rest = document.createRange();
									rest.selectNodeContents(element);
									rest.setStart(selection.focusNode, selection.focusOffset);
									resolve(selection.isCollapsed && rest.toString() === '');
								})
							)
						)
				);
			},
			{ message: 'the caret reaches the end of the field' }
		)
		.toBe(true);
}

/** The floating formatting toolbar of a charter section (shown only while it is in use). */
export function formattingToolbar(page: Page, heading: string): Locator {
	return page.getByRole('toolbar', { name: `Formatting of ${heading}`, exact: true });
}

/**
 * Formats where the caret or selection is in a charter section, as a keyboard user does: Alt+F10
 * brings up its toolbar, the button is pressed, and Escape returns to the text (the link button
 * opens the link form instead, which takes focus).
 */
export async function format(page: Page, heading: string, button: string): Promise<void> {
	await expect(charterField(page, heading)).toBeFocused();
	await page.keyboard.press('Alt+F10');
	const toolbar = formattingToolbar(page, heading);
	await expect(toolbar.getByRole('button').and(page.locator(':focus'))).toHaveCount(1);
	await toolbar.getByRole('button', { name: button, exact: true }).click();
	if (button === 'Link') return;
	await page.keyboard.press('Escape');
	await expect(toolbar).toBeHidden();
	await expect(charterField(page, heading)).toBeFocused();
}

/** The caret of another person drawn in a charter section. */
export function peerCaret(page: Page, heading: string, name: string): Locator {
	return charterSection(page, heading).locator('.rt-peer-name', { hasText: name });
}

/**
 * Writes a `javascript:` link into a charter section the way a modified client could: a headless
 * Lexical editor in this process, bound over a stock y-websocket connection with the edit key.
 */
export async function writeLinkAsPeer(
	baseURL: string,
	editLink: string,
	section: 'background',
	url: string
): Promise<void> {
	const { pathname, hash } = new URL(editLink);
	const boardId = pathname.split('/').at(-1) ?? '';
	const editKey = new URLSearchParams(hash.slice(1)).get('edit') ?? '';
	const syncUrl = `${baseURL.replace(/^http/, 'ws')}/sync`;
	const client = connectClient({ syncUrl }, boardId, editKey);
	try {
		await client.synced();
		const xmlText = readCharterSection(client.doc, section);
		if (!xmlText) throw new Error(`no ${section} section on board ${boardId}`);
		const editor = createRichTextEditor({ namespace: 'mallory', editable: true });
		const field = bindEditorToField({
			editor,
			xmlText,
			fieldId: `charter:${section}`,
			provider: asCollabProvider(client.provider)
		});
		editor.update(
			() => {
				const link = $createLinkNode(url).append($createTextNode('Open the plan'));
				$getRoot().append($createParagraphNode().append(link));
			},
			{ discrete: true }
		);
		field.destroy();
	} finally {
		// The update is already queued on the socket, which sends it before it closes.
		client.destroy();
	}
}
