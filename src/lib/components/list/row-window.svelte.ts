import { on } from 'svelte/events';
import { fullWindow, rowWindow, type RowWindow } from '$lib/board/views/row-window.ts';

/** Lists longer than this render only the rows near the viewport. */
const WINDOW_FROM = 120;
/** Rows rendered beyond the viewport, in pixels, so scrolling rarely shows a gap. */
const OVERSCAN = 900;
/**
 * Until the page is first idle only the rows in view render (about a third of the rows with
 * overscan): on a reload of a 1,000-risk register the first paint then waits for ~15 rows, not
 * ~50, and the rest come when the browser has nothing else to do.
 */
const FIRST_OVERSCAN = 0;
/** Height assumed for a row nobody measured yet, until some row was measured. */
const FIRST_ESTIMATE = 56;

/**
 * Renders a long table body in a window: only the rows near the viewport are in the DOM, with
 * spacers for the height of the rest. Row heights are measured as rows render (titles wrap,
 * details expand), and unmeasured rows are assumed to be as tall as the measured ones on average.
 * A 1,000-row register then lays out in tens of milliseconds instead of seconds.
 */
export class RowWindowState {
	readonly #heights = new Map<string, number>();
	#measured = $state(0);
	#top = $state(0);
	#bottom = $state(1_000);
	#overscan = $state(FIRST_OVERSCAN);
	#body: HTMLElement | null = null;

	/** The rows to render for `ids` (in display order), and the spacer heights around them. */
	range(ids: readonly string[]): RowWindow {
		if (ids.length <= WINDOW_FROM) return fullWindow(ids.length);
		void this.#measured;
		const estimate = this.#estimate();
		const heights = ids.map((id) => this.#heights.get(id) ?? estimate);
		return rowWindow(heights, this.#top - this.#overscan, this.#bottom + this.#overscan);
	}

	/** Attachment for the table body: follows scrolling and resizing of the page. */
	readonly track = (body: HTMLElement) => {
		this.#body = body;
		let frame = 0;
		const schedule = () => {
			if (!frame) frame = requestAnimationFrame(() => ((frame = 0), this.#locate()));
		};
		this.#locate();
		const offScroll = on(window, 'scroll', schedule, { passive: true });
		const offResize = on(window, 'resize', schedule);
		const idle = whenIdle(() => (this.#overscan = OVERSCAN));
		return () => {
			offScroll();
			offResize();
			idle.cancel();
			cancelAnimationFrame(frame);
			this.#body = null;
		};
	};

	/**
	 * Records the heights of the rows in the DOM (a row's expanded details count towards it).
	 * Call after each render; it only triggers another when a height really changed.
	 */
	measure(): void {
		const body = this.#body;
		if (!body) return;
		let changed = false;
		let current: string | undefined;
		const seen = new Map<string, number>();
		for (const row of body.children) {
			if (!(row instanceof HTMLElement)) continue;
			const id = row.dataset.rowId;
			if (id) current = id;
			else if (!row.dataset.rowDetails) continue;
			if (current === undefined) continue;
			seen.set(current, (seen.get(current) ?? 0) + row.getBoundingClientRect().height);
		}
		for (const [id, height] of seen) {
			if (Math.abs((this.#heights.get(id) ?? -10) - height) > 1) {
				this.#heights.set(id, height);
				changed = true;
			}
		}
		this.#locate();
		if (changed) this.#measured++;
	}

	#locate(): void {
		if (!this.#body) return;
		const top = -this.#body.getBoundingClientRect().top;
		this.#top = top;
		this.#bottom = top + window.innerHeight;
	}

	#estimate(): number {
		if (this.#heights.size === 0) return FIRST_ESTIMATE;
		let total = 0;
		for (const height of this.#heights.values()) total += height;
		return total / this.#heights.size;
	}
}

/** Runs `task` once the browser is idle (within a second at the latest). */
function whenIdle(task: () => void): { cancel(): void } {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(task, { timeout: 1_000 });
		return { cancel: () => cancelIdleCallback(handle) };
	}
	const handle = setTimeout(task, 200);
	return { cancel: () => clearTimeout(handle) };
}
