/**
 * A table row as a drop target for rows dragged by their handle: shows on which edge the
 * dragged row would land, and reports the drop.
 */
export class RowDropTarget {
	#edge = $state<'before' | 'after' | null>(null);
	readonly #accepts: () => boolean;
	readonly #drop: (after: boolean) => void;

	/** `accepts` says whether what is being dragged may land here; `drop` moves it. */
	constructor(accepts: () => boolean, drop: (after: boolean) => void) {
		this.#accepts = accepts;
		this.#drop = drop;
	}

	/** The edge a drop would land on, while something is dragged over the row. */
	get edge(): 'before' | 'after' | null {
		return this.#edge;
	}

	/** For the row's `ondragover`. */
	readonly ondragover = (event: DragEvent) => {
		if (!this.#accepts()) return;
		event.preventDefault();
		const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
		this.#edge = event.clientY > box.top + box.height / 2 ? 'after' : 'before';
	};

	/** For the row's `ondragleave`. */
	readonly ondragleave = () => {
		this.#edge = null;
	};

	/** For the row's `ondrop`. */
	readonly ondrop = (event: DragEvent) => {
		if (!this.#edge) return;
		event.preventDefault();
		this.#drop(this.#edge === 'after');
		this.#edge = null;
	};
}
