import { LinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { isSafeLinkUrl } from '../board/safe-url.ts';

/**
 * Keeps every link in the editor's DOM harmless, whoever wrote it: a peer can put any URL into the
 * shared document, and LinkNode's own sanitising still lets relative, `tel:` and `sms:` addresses
 * through. An anchor whose address is not http, https or mailto loses its href (it reads as text
 * and goes nowhere); a safe one opens in a new tab without handing over this page.
 */
export function registerLinkGuard(editor: LexicalEditor): () => void {
	const guardClick = (event: MouseEvent) => {
		const anchor = event.target instanceof Element ? event.target.closest('a') : null;
		if (anchor && !isSafeLinkUrl(anchor.getAttribute('href'))) event.preventDefault();
	};
	let root: HTMLElement | null = null;
	return mergeRegister(
		editor.registerMutationListener(
			LinkNode,
			(mutations) => {
				for (const [key, mutation] of mutations) {
					if (mutation !== 'destroyed') guardAnchor(editor.getElementByKey(key));
				}
			},
			{ skipInitialization: false }
		),
		editor.registerRootListener((next, previous) => {
			previous?.removeEventListener('click', guardClick, true);
			next?.addEventListener('click', guardClick, true);
			root = next;
		}),
		() => root?.removeEventListener('click', guardClick, true)
	);
}

/** Makes one rendered link safe: unsafe addresses are removed, safe ones open apart. */
export function guardAnchor(element: HTMLElement | null): void {
	if (!(element instanceof HTMLAnchorElement)) return;
	const href = element.getAttribute('href');
	if (isSafeLinkUrl(href)) {
		element.target = '_blank';
		element.rel = 'noopener noreferrer nofollow';
		delete element.dataset.unsafeLink;
	} else {
		element.removeAttribute('href');
		element.removeAttribute('target');
		element.dataset.unsafeLink = 'true';
	}
}
