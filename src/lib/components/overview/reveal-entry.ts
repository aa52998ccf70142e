/** The query parameter an overview link names an entry with: `…/risks?focus=<id>`. */
export const FOCUS_PARAM = 'focus';

/** How long a linked entry is looked for while its section renders, in ms. */
const LOOK_FOR_MS = 5_000;

/**
 * Brings the entry a link names into view in its section and puts the keyboard on it: a risk's,
 * an action's, a milestone's or a person's row, or a RACI task (each carries `data-reorder-item`). Long tables render only
 * the rows near the viewport (WindowedBody), so while the row is not there the page scrolls on by
 * a screen, as a reader would. Returns a function that stops looking.
 */
export function revealEntry(id: string): () => void {
	const started = performance.now();
	let frame = requestAnimationFrame(function look() {
		const entry = document.querySelector<HTMLElement>(`[data-reorder-item="${CSS.escape(id)}"]`);
		if (entry) return focusEntry(entry);
		if (performance.now() - started > LOOK_FOR_MS) return;
		if (document.querySelector('[data-reorder-list] > tr.spacer:last-child'))
			window.scrollBy({ top: window.innerHeight * 0.8 });
		frame = requestAnimationFrame(look);
	});
	return () => cancelAnimationFrame(frame);
}

function focusEntry(entry: HTMLElement): void {
	entry.scrollIntoView({ block: 'center' });
	// A row's title (its first text field), or a RACI task's header cell.
	const target =
		entry.querySelector<HTMLElement>('input[type="text"], textarea') ??
		entry.querySelector<HTMLElement>('[data-task][tabindex]') ??
		entry;
	target.focus({ preventScroll: true });
}
