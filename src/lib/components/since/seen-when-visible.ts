import type { Attachment } from 'svelte/attachments';

/** How long a changed entry's marker must stay in view before it counts as seen, in ms. */
export const SEEN_AFTER_MS = 2_000;

/**
 * Calls `seen` once the element has been wholly in view for SEEN_AFTER_MS while the page is
 * visible: long enough to be read, not a row scrolled past on the way elsewhere.
 */
export function seenWhenVisible(seen: () => void): Attachment<HTMLElement> {
	return (element) => {
		let timer: ReturnType<typeof setTimeout> | null = null;
		let inView = false;
		const stop = () => {
			if (timer) clearTimeout(timer);
			timer = null;
		};
		const update = () => {
			if (!inView || document.visibilityState !== 'visible') return stop();
			timer ??= setTimeout(seen, SEEN_AFTER_MS);
		};
		const observer = new IntersectionObserver(
			(entries) => {
				inView = entries.some((entry) => entry.isIntersecting);
				update();
			},
			{ threshold: 1 }
		);
		observer.observe(element);
		document.addEventListener('visibilitychange', update);
		return () => {
			stop();
			observer.disconnect();
			document.removeEventListener('visibilitychange', update);
		};
	};
}
