import type { Attachment } from 'svelte/attachments';

/**
 * Makes a `<details>` menu (Share, Export) close as a popover does: Escape closes it and puts focus
 * back on its summary, and a press anywhere outside it closes it. Attach with `{@attach dismissible}`.
 */
export const dismissible: Attachment<HTMLDetailsElement> = (details) => {
	function onkeydown(event: KeyboardEvent) {
		if (event.key !== 'Escape' || !details.open) return;
		event.preventDefault();
		details.open = false;
		details.querySelector('summary')?.focus();
	}
	function onpointerdown(event: PointerEvent) {
		if (details.open && !details.contains(event.target as Node)) details.open = false;
	}
	details.addEventListener('keydown', onkeydown);
	document.addEventListener('pointerdown', onpointerdown);
	return () => {
		details.removeEventListener('keydown', onkeydown);
		document.removeEventListener('pointerdown', onpointerdown);
	};
};
