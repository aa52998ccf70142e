import type { Attachment } from 'svelte/attachments';

/**
 * For a row that scrolls sideways (the section tabs on a phone): marks the element with
 * `data-more-start` / `data-more-end` while there is more to see on that side, for a fade in
 * CSS, and keeps the current item (`[aria-current]`) in sight when it changes.
 */
export const scrollCue: Attachment<HTMLElement> = (element) => {
	const update = () => {
		const end = element.scrollWidth - element.clientWidth - element.scrollLeft;
		element.toggleAttribute('data-more-start', element.scrollLeft > 1);
		element.toggleAttribute('data-more-end', end > 1);
	};
	const showCurrent = () => {
		const current = element.querySelector<HTMLElement>('[aria-current]');
		if (!current) return;
		const left = current.offsetLeft - element.offsetLeft;
		const right = left + current.offsetWidth;
		if (left < element.scrollLeft || right > element.scrollLeft + element.clientWidth)
			element.scrollTo({ left: Math.max(0, left - 24) });
		update();
	};
	const resize = new ResizeObserver(update);
	resize.observe(element);
	const mutations = new MutationObserver(showCurrent);
	mutations.observe(element, { subtree: true, attributeFilter: ['aria-current'], childList: true });
	element.addEventListener('scroll', update, { passive: true });
	showCurrent();
	return () => {
		resize.disconnect();
		mutations.disconnect();
		element.removeEventListener('scroll', update);
	};
};
