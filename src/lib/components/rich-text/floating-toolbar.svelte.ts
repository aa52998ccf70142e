import type { SelectionReport } from '$lib/editor/selection-report.ts';

/**
 * The floating toolbar's life, in one field:
 *
 *   hidden ──text selected (mouse released, or keys)──▶ shown
 *   hidden ──Alt+F10 / Ctrl+K──▶ shown (summoned: also for a caret, to format the current block)
 *   shown ──the selection moves and is no longer a range──▶ hidden
 *   shown ──Escape──▶ dismissed ──the selection moves──▶ shown or hidden
 *   any ──focus leaves the field and its toolbar──▶ hidden
 *
 * Edits by others never show, move or hide it, unless they take away the selected text. While
 * the toolbar itself has focus (keyboard use, the link form), the selection it formats moves
 * under it (a heading replaces its block) and the toolbar stays where it is.
 */
export type ToolbarPhase =
	| { readonly kind: 'hidden' }
	| { readonly kind: 'dismissed'; readonly where: string }
	| {
			readonly kind: 'shown';
			readonly summoned: boolean;
			readonly where: string;
			/** Counts the placements asked for: the toolbar measures the selection again when it changes. */
			readonly placement: number;
	  };

const HIDDEN: ToolbarPhase = { kind: 'hidden' };

/** When the floating toolbar of one rich-text field shows, and whether its link form is open. */
export class FloatingToolbarState {
	#phase = $state.raw<ToolbarPhase>(HIDDEN);
	#linkOpen = $state(false);
	#latest: SelectionReport = { range: false, where: '', remote: false };
	#pointerDown = false;
	#focusInside = false;
	#holding = false;
	#placements = 0;

	/** The current phase (see the diagram above). */
	get phase(): ToolbarPhase {
		return this.#phase;
	}

	/** True while the toolbar is on screen. */
	get shown(): boolean {
		return this.#phase.kind === 'shown';
	}

	/** True while the link form is open under the buttons. */
	get linkOpen(): boolean {
		return this.#linkOpen;
	}

	/** Takes the selection after an editor update. */
	selectionChanged(report: SelectionReport): void {
		this.#latest = report;
		if (this.#holding) return;
		const phase = this.#phase;
		if (report.remote) {
			if (phase.kind === 'shown' && !phase.summoned && !report.range && !this.#focusInside) {
				this.#hide();
			}
			return;
		}
		if (this.#pointerDown || this.#focusInside) return;
		this.#follow(report);
	}

	/** A mouse button or finger went down in the editor: wait for the selection to be made. */
	pointerPressed(): void {
		this.#pointerDown = true;
	}

	/** The pointer was released: the selection it made, if any, gets the toolbar. */
	pointerReleased(): void {
		if (!this.#pointerDown) return;
		this.#pointerDown = false;
		if (!this.#focusInside) this.#follow(this.#latest);
	}

	/** Alt+F10: shows the toolbar for the selection, or for the caret's block and typing format. */
	summon(): void {
		if (this.#phase.kind === 'shown') return;
		this.#phase = {
			kind: 'shown',
			summoned: true,
			where: this.#latest.where,
			placement: ++this.#placements
		};
	}

	/** Escape: hides the toolbar until the selection moves. */
	dismiss(): void {
		this.#linkOpen = false;
		this.#phase = { kind: 'dismissed', where: this.#latest.where };
	}

	/** Focus went to the toolbar (true) or back to the editor (false). */
	focusInToolbar(inside: boolean): void {
		this.#focusInside = inside;
	}

	/** Focus left both the editor and its toolbar. */
	focusLeft(): void {
		this.#focusInside = false;
		this.#pointerDown = false;
		this.#hide();
	}

	/**
	 * Runs a toolbar action: the toolbar stays as it is while the action moves the selection and
	 * focus (a heading replaces its block, Lexical focuses the editor), whatever `run` returns.
	 */
	hold<T>(run: () => T): T {
		this.#holding = true;
		try {
			return run();
		} finally {
			this.#holding = false;
		}
	}

	/** Opens or closes the link form (showing the toolbar for it when Ctrl+K opens it). */
	toggleLink(open = !this.#linkOpen): void {
		if (open) this.summon();
		this.#linkOpen = open;
	}

	#follow(report: SelectionReport): void {
		const phase = this.#phase;
		if (phase.kind !== 'hidden' && phase.where === report.where) return;
		if (!report.range) return this.#hide();
		this.#phase = {
			kind: 'shown',
			summoned: false,
			where: report.where,
			placement: ++this.#placements
		};
	}

	#hide(): void {
		this.#linkOpen = false;
		this.#phase = HIDDEN;
	}
}
